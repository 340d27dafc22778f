package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic/report"
	"github.com/revopsdx/revopsdx/diagnostic/store"
	"github.com/revopsdx/revopsdx/usecase"
)

// reportCommand writes an organisation's PDF report.
func reportCommand() *Command {
	return &Command{
		Name:    "report",
		Args:    "--org NAME_OR_ID [--lang es|en] [--paper a4|letter] [--sections summary,maturity,alignment,kpis,recommendations,appendix] [--format pdf|docx] --out FILE",
		Summary: "write the PDF (or editable DOCX) report of an organisation (an existing file is replaced atomically)",
		Setup: func(fs *flag.FlagSet) RunFunc {
			org := fs.String("org", "", "organisation name or id")
			lang := fs.String("lang", "", "language, es or en (default: the organisation's)")
			paper := fs.String("paper", "", "a4 or letter (default: A4 for Spanish, Letter for English)")
			sections := fs.String("sections", "", "comma-separated sections to print after the cover (default: all): "+strings.Join(report.Sections(), ","))
			format := fs.String("format", "", "pdf, or docx for an editable Word document with the same content (default: from the --out extension, else pdf)")
			out := fs.String("out", "", "PDF or DOCX file to write")
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return Usagef("unexpected argument %q", args[0])
				}
				if *out == "" {
					return Usagef("report needs --org NAME_OR_ID and --out FILE.pdf")
				}
				docx := strings.EqualFold(filepath.Ext(*out), ".docx")
				switch *format {
				case "":
				case "pdf", "docx":
					docx = *format == "docx"
				default:
					return Usagef("--format %q: use pdf or docx", *format)
				}
				var opts report.Options
				var err error
				if *paper != "" {
					if opts.Paper, err = report.ParsePaper(*paper); err != nil {
						return Usagef("--paper: %v", err)
					}
				}
				if *sections != "" {
					if opts.Sections, err = report.ParseSections(*sections); err != nil {
						return Usagef("--sections: %v", err)
					}
				}
				if err := checkLang(*lang); err != nil {
					return err
				}
				return withStoreRead(ctx, env, func(s *store.Store) error {
					chartFormat := report.ChartSVG
					if docx {
						chartFormat = report.ChartPNG // Word takes images
					}
					data, err := orgReport(ctx, s, *org, *lang, chartFormat)
					if err != nil {
						return err
					}
					opts.Lang = data.Lang
					write := report.WriteFile
					if docx {
						write = report.WriteDOCXFile
					}
					if err := write(ctx, *out, data, opts); err != nil {
						return err
					}
					_, err = fmt.Fprintf(env.Stdout, data.Lang.Pick("Informe de %q escrito en %s.\n", "Wrote the report of %q to %s.\n"), data.Organisation, *out)
					return err
				})
			}
		},
	}
}

// orgReport analyses an organisation and fills the report's view model
// through usecase.ReportData, as the GUI's report screen does: the
// consultant, the decisions, the comments, the charts and the pipeline
// movement.
func orgReport(ctx context.Context, s *store.Store, ref, lang string, charts report.ChartFormat) (report.Data, error) {
	o, a, err := orgAnalysis(ctx, s, ref, lang)
	if err != nil {
		return report.Data{}, err
	}
	return usecase.ReportData(ctx, s, o.ID, a, now(), charts, nil)
}

// exportDataCommand writes an organisation's answers, scores, KPI values,
// plan and recommendations as CSV files or one JSON document.
func exportDataCommand() *Command {
	return &Command{
		Name:    "export-data",
		Args:    "--org NAME_OR_ID --format csv|json [--lang es|en] --out PATH",
		Summary: "export answers, scores, KPI values, plan and recommendations (CSV: a folder of files; JSON: one document)",
		Setup: func(fs *flag.FlagSet) RunFunc {
			org := fs.String("org", "", "organisation name or id")
			format := fs.String("format", "", "csv (PATH is a folder, one file per table) or json (PATH is a file)")
			lang := fs.String("lang", "", "language of the recommendation texts, es or en (default: the organisation's)")
			out := fs.String("out", "", "folder (csv) or file (json) to write")
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return Usagef("unexpected argument %q", args[0])
				}
				if *out == "" || *format == "" {
					return Usagef("export-data needs --org, --format csv|json and --out PATH")
				}
				if *format != "csv" && *format != "json" {
					return Usagef("--format %q: use csv or json", *format)
				}
				if err := checkLang(*lang); err != nil {
					return err
				}
				return withStoreRead(ctx, env, func(s *store.Store) error {
					o, a, err := orgAnalysis(ctx, s, *org, *lang)
					if err != nil {
						return err
					}
					e := report.ExportFromAnalysis(a, report.Meta{Date: now().UTC()})
					if err := addRecStates(ctx, s, o.ID, &e); err != nil {
						return err
					}
					if *format == "json" {
						if st, err := os.Stat(*out); err == nil && st.IsDir() {
							return fmt.Errorf("%s is a folder: give a file name for the JSON export", *out)
						}
						err = report.WriteJSONFile(*out, e)
					} else {
						err = report.WriteCSVDir(*out, e)
					}
					if err != nil {
						return err
					}
					what := *out
					if *format == "csv" {
						what = fmt.Sprintf("%s (%s)", *out, strings.Join(report.CSVFiles(), ", "))
					}
					_, err = fmt.Fprintf(env.Stdout, msgLang(o).Pick("Datos de %q exportados a %s.\n", "Exported the data of %q to %s.\n"), o.Name, what)
					return err
				})
			}
		},
	}
}

// addRecStates adds the consultant's decisions (status, note, owner, due
// date) stored for
// each recommendation rule.
func addRecStates(ctx context.Context, s *store.Store, orgID int64, e *report.Export) error {
	states, err := s.RecStates(ctx, orgID)
	if err != nil {
		return err
	}
	byRule := map[string]store.RecState{}
	for _, st := range states {
		byRule[st.RuleID] = st
	}
	for i := range e.Recommendations {
		if st, ok := byRule[e.Recommendations[i].ID]; ok {
			r := &e.Recommendations[i]
			r.Status, r.Note, r.Owner = string(st.Status), st.Note, st.Owner
			if !st.Due.IsZero() {
				r.Due = st.Due.Format(time.DateOnly)
			}
		}
	}
	return nil
}

package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"github.com/revopsdx/revopsdx/usecase"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic/importer"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// mapFlag collects repeated --map "COLUMN=field" values.
type mapFlag map[string]string

func (m mapFlag) String() string { return "" }

func (m mapFlag) Set(s string) error {
	i := strings.LastIndexByte(s, '=')
	if i <= 0 {
		return fmt.Errorf("--map wants COLUMN=field, got %q", s)
	}
	m[strings.TrimSpace(s[:i])] = strings.TrimSpace(s[i+1:])
	return nil
}

// importCommand imports CSV/TSV/XLSX files into an organisation.
func importCommand() *Command {
	return &Command{
		Name:    "import",
		Args:    "--org NAME_OR_ID [--kind auto|kpis|deals|customers|transactions|leads] [--sheet NAME] [--map \"COL=field\"]… [--skip-invalid] [--replace] [--as-of YYYY-MM-DD] [--dry-run] [--json] FILE…",
		Summary: "import KPI tables, deals, customers, transactions or leads from CSV/XLSX",
		Setup: func(fs *flag.FlagSet) RunFunc {
			org := fs.String("org", "", "organisation name or id")
			kind := fs.String("kind", "auto", "what the file holds: auto, kpis, deals, customers, transactions, leads")
			sheet := fs.String("sheet", "", "sheet of an XLSX workbook (default: the first with data)")
			maps := mapFlag{}
			fs.Var(maps, "map", `map a column to a field, "COLUMN=field" ("COLUMN=-" ignores it); repeatable`)
			skip := fs.Bool("skip-invalid", false, "import the valid rows and report the rejected ones")
			replace := fs.Bool("replace", false, "replace an earlier import of the same file")
			dry := fs.Bool("dry-run", false, "check the file and show what would be imported, without writing")
			asJSON := fs.Bool("json", false, "print the detection and summary as JSON, one object per file")
			dateOrder := fs.String("date-order", "dmy", "dmy or mdy, for date columns where no day is above 12")
			lang := fs.String("lang", "en", "language of problem messages: en or es")
			asOf := fs.String("as-of", "", "YYYY-MM-DD: the day a deals export shows the pipeline on (default: a date in the file name, else today)")
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) == 0 {
					return Usagef("import needs at least one FILE")
				}
				if *org == "" && !*dry {
					return Usagef("import needs --org (or --dry-run)")
				}
				if *dateOrder != "dmy" && *dateOrder != "mdy" {
					return Usagef("--date-order is dmy or mdy")
				}
				l := locale.Lang(*lang)
				if !l.Valid() {
					return Usagef("--lang is en or es")
				}
				var day time.Time
				if *asOf != "" {
					var perr error
					if day, perr = time.Parse("2006-01-02", *asOf); perr != nil {
						return Usagef("--as-of wants a date YYYY-MM-DD, got %q", *asOf)
					}
				}
				opts := importer.Options{Kind: importer.Kind(*kind), Sheet: *sheet, Map: maps, SkipInvalid: *skip, DateOrder: *dateOrder}
				for _, file := range args {
					if err := importOne(ctx, env, file, *org, opts, *dry, *replace, *asJSON, l, day); err != nil {
						return err
					}
				}
				return nil
			}
		},
	}
}

// importOne imports one file and prints what was detected and done. A dry
// run checks the file against a counting sink; a real import runs inside one
// store transaction (see importIntoStore).
func importOne(ctx context.Context, env *Env, file, org string, opts importer.Options, dry, replace, asJSON bool, l locale.Lang, asOf time.Time) error {
	var s importer.Summary
	var err error
	var quality *kpi.QualityReport
	if dry {
		tee := &qualitySink{next: &importer.CountingSink{}}
		s, err = importer.Import(ctx, file, opts, tee)
		if err == nil {
			q := kpi.AssessQuality(tee.in, time.Now())
			quality = &q
		}
	} else {
		err = withStore(ctx, env, func(st *store.Store) error {
			o, ferr := findOrg(ctx, st, org)
			if ferr != nil {
				return ferr
			}
			var ierr error
			if s, ierr = usecase.ImportIntoStoreAsOf(ctx, st, o.ID, file, opts, replace, asOf); ierr != nil {
				return ierr
			}
			snap, lerr := usecase.LoadForAnalysis(ctx, st, o.ID)
			if lerr != nil {
				return fmt.Errorf("reading %q back for its data quality: %w", o.Name, lerr)
			}
			q := orgQuality(snap)
			quality = &q
			return nil
		})
	}
	var pe *importer.ProblemsError
	if asJSON && (err == nil || errors.As(err, &pe)) {
		iq := importedQuality{Summary: s, Quality: quality}
		if !dry && s.Kind == importer.Deals {
			iq.AsOf = usecase.SnapshotDate(file, asOf).Format("2006-01-02")
		}
		if jerr := writeJSON(env.Stdout, iq); jerr != nil {
			return jerr
		}
	} else if err == nil || errors.As(err, &pe) {
		printSummary(env.Stdout, s, dry)
		if quality != nil && isRecordKind(s.Kind) {
			if qerr := printQuality(env.Stdout, *quality, l, string(s.Kind)); qerr != nil {
				return qerr
			}
		}
	}
	if errors.As(err, &pe) {
		for _, p := range pe.Problems {
			fmt.Fprintf(env.Stderr, "revopsdx: %s\n", p.FormatIn(pe.File, l))
		}
		if pe.Count > len(pe.Problems) {
			fmt.Fprintf(env.Stderr, "revopsdx: %s: %d more problems not listed\n", pe.File, pe.Count-len(pe.Problems))
		}
		return fmt.Errorf("%s: %d problems; nothing was imported (use --skip-invalid to import the valid rows)", pe.File, pe.Count)
	}
	if err != nil {
		return localized(err, l)
	}
	if len(s.Problems) > 0 { // --skip-invalid: the rejected rows
		for _, p := range s.Problems {
			fmt.Fprintf(env.Stderr, "revopsdx: %s (rejected)\n", p.FormatIn(s.File, l))
		}
	}
	return nil
}

// localized renders importer errors in the chosen language.
func localized(err error, l locale.Lang) error {
	var fe *importer.FileError
	var me *importer.MappingError
	switch {
	case errors.As(err, &fe):
		return errors.New(fe.Text(l))
	case errors.As(err, &me):
		return errors.New(me.Text(l))
	}
	return err
}

// printSummary writes the detection and the counts for people.
func printSummary(w io.Writer, s importer.Summary, dry bool) {
	fmt.Fprintf(w, "%s\n", s.File)
	f := []string{s.Format}
	if s.Sheet != "" {
		f = append(f, "sheet "+s.Sheet)
	}
	if s.Encoding != "" {
		f = append(f, "encoding "+s.Encoding)
	}
	if s.Delimiter != "" {
		f = append(f, fmt.Sprintf("delimiter %q", s.Delimiter))
	}
	if s.DecimalSeparator != "" {
		f = append(f, fmt.Sprintf("decimal %q", s.DecimalSeparator))
	}
	if s.ThousandsSeparator != "" {
		f = append(f, fmt.Sprintf("thousands %q", s.ThousandsSeparator))
	}
	if s.DateFormat != "" {
		f = append(f, "dates "+s.DateFormat)
	}
	fmt.Fprintf(w, "  format:   %s\n", strings.Join(f, ", "))
	kind := string(s.Kind)
	if s.Layout != "" {
		kind += " (" + s.Layout + ")"
	}
	if s.Preset != "" {
		kind += ", preset " + s.Preset
	}
	fmt.Fprintf(w, "  kind:     %s\n", kind)
	fields := make([]string, 0, len(s.Mapping))
	for field := range s.Mapping {
		fields = append(fields, field)
	}
	sort.Strings(fields)
	for i, field := range fields {
		label := "          "
		if i == 0 {
			label = "  mapping:"
		}
		fmt.Fprintf(w, "%s %s ← %q\n", label, field, s.Mapping[field])
	}
	if len(s.Ignored) > 0 {
		fmt.Fprintf(w, "  ignored:  %s\n", strings.Join(s.Ignored, ", "))
	}
	for _, st := range s.Stages {
		note := ""
		if !st.Known {
			note = " (stage not in the vocabulary)"
		}
		fmt.Fprintf(w, "  stage:    %q → %s: %d%s\n", st.Stage, st.Status, st.Count, note)
	}
	for _, warn := range s.Warnings {
		fmt.Fprintf(w, "  warning:  %s\n", warn)
	}
	fmt.Fprintf(w, "  rows:     %d read, %d imported, %d rejected; %d footer and %d blank rows skipped\n",
		s.RowsRead, s.RowsImported, s.RowsRejected, s.FooterRowsSkipped, s.BlankRowsSkipped)
	what := "records"
	if s.Kind == importer.KPIs {
		what = "monthly values"
	}
	if dry {
		fmt.Fprintf(w, "  dry run:  %d %s would be written; nothing was written\n", s.Records, what)
	} else {
		fmt.Fprintf(w, "  written:  %d %s\n", s.Records, what)
	}
}

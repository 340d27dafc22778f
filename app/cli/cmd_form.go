package cli

import (
	"context"
	"flag"
	"fmt"
	"slices"
	"strings"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/store"
	"github.com/revopsdx/revopsdx/usecase"
)

// formCommand writes a questionnaire form for one person of the client's
// team to fill in without the app, and records the invitation.
func formCommand() *Command {
	return &Command{
		Name:    "form",
		Args:    "--org NAME_OR_ID --format " + strings.Join(usecase.FormFormats, "|") + " [--lang es|en] [--respondent NAME --department DEPT] --out FILE",
		Summary: "write a questionnaire form for one person (spreadsheet, offline web page or printable PDF), and record the invitation",
		Setup: func(fs *flag.FlagSet) RunFunc {
			org := fs.String("org", "", "organisation name or id")
			format := fs.String("format", "", "form format: "+strings.Join(usecase.FormFormats, ", "))
			lang := fs.String("lang", "", "language, es or en (default: the organisation's)")
			who := fs.String("respondent", "", "name of the invited person, written in the form (optional)")
			dept := fs.String("department", "", "department of the invited person: leadership, sales, marketing, customer_success, finance, operations (optional)")
			out := fs.String("out", "", "file to write")
			asJSON := fs.Bool("json", false, `print {"form","org","format","language","out"}`)
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return Usagef("unexpected argument %q", args[0])
				}
				if *org == "" || *format == "" || *out == "" {
					return Usagef("form needs --org NAME_OR_ID, --format %s and --out FILE", strings.Join(usecase.FormFormats, "|"))
				}
				if !slices.Contains(usecase.FormFormats, *format) {
					return Usagef("--format %q: use one of %s", *format, strings.Join(usecase.FormFormats, ", "))
				}
				if err := checkLang(*lang); err != nil {
					return err
				}
				var d diagnostic.Department
				if *dept != "" {
					var err error
					if d, err = diagnostic.ParseDepartment(*dept); err != nil {
						return Usagef("--department: %v", err)
					}
				}
				if err := diagnostic.CheckName(*who, diagnostic.MaxNameLength); err != nil {
					return Usagef("--respondent: %v", err)
				}
				return withStore(ctx, env, func(s *store.Store) error {
					o, err := findOrg(ctx, s, *org)
					if err != nil {
						return err
					}
					l := msgLang(o)
					if *lang != "" {
						l = locale.Lang(*lang)
					}
					id, err := usecase.MakeForm(ctx, s, o, usecase.FormRequest{Format: *format, Lang: l, Respondent: *who, Department: d, Out: *out})
					if err != nil {
						return err
					}
					if *asJSON {
						return writeJSON(env.Stdout, map[string]any{"form": id, "org": o.ID, "format": *format, "language": l, "out": *out})
					}
					_, err = fmt.Fprintf(env.Stdout, l.Pick("Formulario %s de %q escrito en %s.\n", "Wrote form %s of %q to %s.\n"), id, o.Name, *out)
					return err
				})
			}
		},
	}
}

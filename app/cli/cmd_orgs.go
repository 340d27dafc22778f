package cli

import (
	"context"
	"flag"
	"fmt"
	"text/tabwriter"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// orgsCommand lists the organisations in the database.
func orgsCommand() *Command {
	return &Command{
		Name:    "orgs",
		Args:    "[--json]",
		Summary: "list the organisations in the database",
		Setup: func(fs *flag.FlagSet) RunFunc {
			asJSON := fs.Bool("json", false, `print a JSON array of {"id","name","industry","segment","currency","language","assessments","last_score","updated"}`)
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return Usagef("orgs takes no arguments")
				}
				return withStoreRead(ctx, env, func(s *store.Store) error {
					list, err := s.Orgs(ctx)
					if err != nil {
						return err
					}
					if *asJSON {
						return writeJSON(env.Stdout, list)
					}
					l := sysLang()
					if len(list) == 0 {
						_, err := fmt.Fprintln(env.Stdout, l.Pick("Aún no hay organizaciones: añade una con `revopsdx org add --name NOMBRE`.",
							"No organisations yet: add one with `revopsdx org add --name NAME`."))
						return err
					}
					tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
					fmt.Fprintln(tw, l.Pick("ID\tNOMBRE\tSECTOR\tSEGMENTO\tMONEDA\tIDIOMA\tEVALUACIONES\tÚLTIMA PUNTUACIÓN\tACTUALIZADA",
						"ID\tNAME\tINDUSTRY\tSEGMENT\tCURRENCY\tLANG\tASSESSMENTS\tLAST SCORE\tUPDATED"))
					for _, o := range list {
						score := "-"
						if o.LastScore != nil {
							score = fmt.Sprintf("%.0f", *o.LastScore)
						}
						fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n", o.ID, diagnostic.Printable(o.Name), dash(string(o.Industry)), dash(string(o.Segment)),
							o.Currency, o.Language, o.Assessments, score, o.Updated.Local().Format("2006-01-02 15:04"))
					}
					return tw.Flush()
				})
			}
		},
	}
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

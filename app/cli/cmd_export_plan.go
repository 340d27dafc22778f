package cli

import (
	"context"
	"flag"
	"fmt"

	"github.com/revopsdx/revopsdx/diagnostic/report"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// exportPlanCommand writes the organisation's action plan as a
// spreadsheet: one row per recommendation with the consultant's decision.
func exportPlanCommand() *Command {
	return &Command{
		Name:    "export-plan",
		Args:    "--org NAME_OR_ID [--lang es|en] --out plan.xlsx",
		Summary: "write the action plan as a spreadsheet (id, action, why, KPI, impact, owner, due, status, notes; status drop-down)",
		Setup: func(fs *flag.FlagSet) RunFunc {
			org := fs.String("org", "", "organisation name or id")
			lang := fs.String("lang", "", "language, es or en (default: the organisation's)")
			out := fs.String("out", "", "XLSX file to write")
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return Usagef("unexpected argument %q", args[0])
				}
				if *org == "" || *out == "" {
					return Usagef("export-plan needs --org NAME_OR_ID and --out FILE.xlsx")
				}
				if err := checkLang(*lang); err != nil {
					return err
				}
				return withStore(ctx, env, func(s *store.Store) error {
					o, a, err := orgAnalysis(ctx, s, *org, *lang)
					if err != nil {
						return err
					}
					views, _, err := actionViews(ctx, s, o.ID, a)
					if err != nil {
						return err
					}
					rows := make([]report.PlanRow, 0, len(views))
					for i, v := range views {
						p := report.PlanRow{ID: v.ID, Action: v.Text, Owner: v.Owner, Due: v.Due, Status: v.Status, Notes: v.Note}
						if i < len(a.Recommendations) {
							r := a.Recommendations[i]
							p.Why, p.KPI, p.Impact, p.Currency = a.EvidenceText(r), r.Subject, r.Impact, r.Currency
						}
						rows = append(rows, p)
					}
					if err := report.WritePlanXLSX(*out, a.Lang, rows); err != nil {
						return err
					}
					_, err = fmt.Fprintf(env.Stdout, a.Lang.Pick("Plan de %q (%d acciones) escrito en %s.\n", "Wrote the plan of %q (%d actions) to %s.\n"), o.Name, len(rows), *out)
					return err
				})
			}
		},
	}
}

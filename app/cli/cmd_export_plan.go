package cli

import (
	"context"
	"flag"
	"fmt"

	"github.com/revopsdx/revopsdx/diagnostic/analysis"
	"github.com/revopsdx/revopsdx/diagnostic/recommend"
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
					rows, err := planRows(a, views)
					if err != nil {
						return err
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

// planRows are the spreadsheet's rows: the plan in the order the report
// prints it (30, 60, 90 days, money at stake first within each, then what
// to keep and what waits for more data) with each time frame and the owner
// the diagnosis proposes, then any stored decision about a recommendation
// the rules no longer produce.
func planRows(a *analysis.Analysis, views []actionView) ([]report.PlanRow, error) {
	byID := map[string]actionView{}
	for _, v := range views {
		byID[v.ID] = v
	}
	rows := make([]report.PlanRow, 0, len(views))
	seen := map[string]bool{}
	for _, r := range recommend.InPlanOrder(a.Recommendations) {
		v := byID[r.ID]
		phase, err := report.PhaseLabel(a.Lang, recommend.Phase(r))
		if err != nil {
			return nil, err
		}
		rows = append(rows, report.PlanRow{ID: r.ID, Action: r.Text, Why: a.EvidenceText(r), KPI: r.Subject, Impact: r.Impact, Currency: r.Currency,
			Owner: v.Owner, Due: v.Due, Status: v.Status, Notes: v.Note, Phase: phase, Area: a.OwnerName(r.Owner)})
		seen[r.ID] = true
	}
	for _, v := range views {
		if !seen[v.ID] {
			rows = append(rows, report.PlanRow{ID: v.ID, Action: v.Text, Owner: v.Owner, Due: v.Due, Status: v.Status, Notes: v.Note})
		}
	}
	return rows, nil
}

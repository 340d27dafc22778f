package cli

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/revopsdx/revopsdx/diagnostic/report"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// importPlanCommand reads back a plan spreadsheet written by export-plan
// and edited by the client's team: owners, due dates, statuses and notes.
// Any row it cannot match or read fails the whole import, naming the row,
// and nothing is stored.
func importPlanCommand() *Command {
	return &Command{
		Name:    "import-plan",
		Args:    "--org NAME_OR_ID FILE.xlsx",
		Summary: "update owners, due dates, statuses and notes from an edited export-plan spreadsheet (all rows or none)",
		Setup: func(fs *flag.FlagSet) RunFunc {
			org := fs.String("org", "", "organisation name or id")
			return func(ctx context.Context, env *Env, args []string) error {
				if *org == "" || len(args) != 1 {
					return Usagef("import-plan needs --org NAME_OR_ID and one FILE.xlsx")
				}
				return withStore(ctx, env, func(s *store.Store) error {
					o, a, err := orgAnalysis(ctx, s, *org, "")
					if err != nil {
						return err
					}
					views, states, err := actionViews(ctx, s, o.ID, a)
					if err != nil {
						return err
					}
					known := make([]string, len(views))
					for i, v := range views {
						known[i] = v.ID
					}
					f, err := os.Open(args[0])
					if err != nil {
						return fmt.Errorf("opening the plan: %w", err)
					}
					defer f.Close()
					edits, err := report.ReadPlanXLSX(f, known)
					if err != nil {
						return fmt.Errorf("%s: %w", args[0], err)
					}
					list := make([]store.RecState, 0, len(edits))
					for _, e := range edits {
						st, ok := states[e.ID]
						if !ok {
							st = store.RecState{RuleID: e.ID}
						}
						st.Status, st.Owner, st.Due, st.Note = store.RecStatus(e.Status), e.Owner, e.Due, e.Notes
						list = append(list, st)
					}
					if err := s.SetRecStates(ctx, o.ID, list); err != nil {
						return err
					}
					_, err = fmt.Fprintf(env.Stdout, msgLang(o).Pick("Plan de %q actualizado: %d acciones.\n", "Updated the plan of %q: %d actions.\n"), o.Name, len(list))
					return err
				})
			}
		},
	}
}

package cli

import (
	"context"
	"flag"
	"fmt"

	"github.com/revopsdx/revopsdx/diagnostic/analysis"
	"github.com/revopsdx/revopsdx/diagnostic/store"
	"github.com/revopsdx/revopsdx/usecase"
)

// DemoName is the name of the demo organisation.
const DemoName = usecase.DemoName

// demoCommand creates or recreates the demo organisation.
func demoCommand() *Command {
	return &Command{
		Name:    "demo",
		Args:    "[--if-missing] [--quiet] [--json]",
		Summary: `create or recreate the demo organisation "Demo" (a Spanish B2B SaaS company, 24 months of data)`,
		Setup: func(fs *flag.FlagSet) RunFunc {
			ifMissing := fs.Bool("if-missing", false, "do nothing when an organisation named Demo already exists")
			quiet := fs.Bool("quiet", false, "print nothing on success")
			asJSON := fs.Bool("json", false, `print {"id","name","replaced","assessments","respondents","plan_kpis","months","deals","customers","values"}`)
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return Usagef("demo takes no arguments")
				}
				return withStore(ctx, env, func(s *store.Store) error {
					res, err := usecase.EnsureDemo(ctx, s, !*ifMissing, now())
					if err != nil || *quiet {
						return err
					}
					if !res.Created {
						_, err := fmt.Fprintf(env.Stdout, msgLang(res.Org).Pick("La organización de demostración %q ya existe (id %d); no se ha cambiado nada.\n",
							"The demo organisation %q already exists (id %d); nothing changed.\n"), res.Org.Name, res.Org.ID)
						return err
					}
					return printDemo(env, res.Org, res.Snapshot, res.Replaced, *asJSON)
				})
			}
		},
	}
}

type demoView struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	Replaced    bool   `json:"replaced"`
	Assessments int    `json:"assessments"`
	Respondents int    `json:"respondents"` // in the latest assessment
	PlanKPIs    int    `json:"plan_kpis"`
	Months      int    `json:"months"`
	Deals       int    `json:"deals"`
	Customers   int    `json:"customers"`
	Values      int    `json:"values"`
}

// printDemo says what was created.
func printDemo(env *Env, o store.Org, snap analysis.Snapshot, replaced, asJSON bool) error {
	v := demoView{ID: o.ID, Name: o.Name, Replaced: replaced, Assessments: len(snap.Assessments), PlanKPIs: len(snap.Plan),
		Months: analysis.DemoMonths, Deals: len(snap.Deals), Customers: len(snap.Customers), Values: len(snap.Observations)}
	if a := snap.Latest(); a != nil {
		v.Respondents = len(a.Respondents)
	}
	if asJSON {
		return writeJSON(env.Stdout, v)
	}
	l := msgLang(o)
	verb := l.Pick("Creada", "Created")
	if replaced {
		verb = l.Pick("Recreada", "Recreated")
	}
	_, err := fmt.Fprintf(env.Stdout, l.Pick("%s la organización de demostración %q (id %d, %s, %s, %s): %d evaluaciones (%d personas en la última), "+
		"un plan de %d KPI con objetivos, %d meses de valores mensuales (%d valores), %d oportunidades y %d clientes.\n",
		"%s the demo organisation %q (id %d, %s, %s, %s): %d assessments (%d respondents in the latest), "+
			"a KPI plan of %d KPIs with targets, %d months of monthly values (%d values), %d deals and %d customers.\n"),
		verb, o.Name, o.ID, o.Industry, o.Segment, o.Currency, v.Assessments, v.Respondents, v.PlanKPIs, v.Months, v.Values, v.Deals, v.Customers)
	return err
}

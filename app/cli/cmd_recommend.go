package cli

import (
	"context"
	"flag"
	"fmt"

	"github.com/revopsdx/revopsdx/diagnostic/recommend"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// recommendCommand prints an organisation's prioritised recommendations.
func recommendCommand() *Command {
	return &Command{
		Name:    "recommend",
		Args:    "--org NAME_OR_ID [--lang es|en] [--json]",
		Summary: "prioritised recommendations for an organisation, each with its evidence",
		Setup: func(fs *flag.FlagSet) RunFunc {
			org := fs.String("org", "", "organisation name or id")
			lang := fs.String("lang", "", "language, es or en (default: the organisation's)")
			asJSON := fs.Bool("json", false, `print a JSON array of {"id","priority","team","horizon_days","impact","effort","text","evidence"}`)
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return Usagef("unexpected argument %q", args[0])
				}
				if err := checkLang(*lang); err != nil {
					return err
				}
				return withStoreRead(ctx, env, func(s *store.Store) error {
					_, a, err := orgAnalysis(ctx, s, *org, *lang)
					if err != nil {
						return err
					}
					recs := a.Recommendations
					if recs == nil {
						recs = []recommend.Recommendation{}
					}
					if *asJSON {
						return writeJSON(env.Stdout, recs)
					}
					l := a.Lang
					if len(recs) == 0 {
						_, err := fmt.Fprintln(env.Stdout, l.Pick("Sin recomendaciones: faltan respuestas o datos de KPI.", "No recommendations: answers or KPI data are missing."))
						return err
					}
					sw := &stickyWriter{w: env.Stdout}
					for i, r := range recs {
						sw.printf("%d. %s\n", i+1, r.Text)
						sw.printf("   %s: %s · %s: %d %s · %s %d/3 · %s %d/3 · %s %s\n", l.Pick("Equipo", "Team"), r.Team,
							l.Pick("Plazo", "Horizon"), r.HorizonDays, l.Pick("días", "days"), l.Pick("impacto", "impact"), r.Impact,
							l.Pick("esfuerzo", "effort"), r.Effort, l.Pick("prioridad", "priority"), l.Auto(r.Priority, 2))
						if ev := a.EvidenceText(r); ev != "" {
							sw.printf("   %s: %s\n", l.Pick("Evidencia", "Evidence"), ev)
						}
					}
					return sw.err
				})
			}
		},
	}
}

package cli

import (
	"context"
	"flag"
	"fmt"

	"github.com/revopsdx/revopsdx/diagnostic/analysis"
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
			asJSON := fs.Bool("json", false, `print a JSON array of {"id","priority","team","horizon_days","impact","effort","text","evidence","kind","currency","confidence","weight","owner",...}`)
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return Usagef("unexpected argument %q", args[0])
				}
				if err := checkLang(*lang); err != nil {
					return err
				}
				return withStore(ctx, env, func(s *store.Store) error {
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
					n := 0
					for _, r := range recs {
						if r.Kind == recommend.KindCelebration || r.Appendix {
							continue
						}
						n++
						printRec(sw, a, n, r)
					}
					for _, part := range []struct {
						title string
						keep  func(recommend.Recommendation) bool
					}{
						{l.Pick("Para celebrar (no es trabajo pendiente)", "To celebrate (not work to do)"), func(r recommend.Recommendation) bool { return r.Kind == recommend.KindCelebration && !r.Appendix }},
						{l.Pick("Apéndice (datos preliminares)", "Appendix (preliminary data)"), func(r recommend.Recommendation) bool { return r.Appendix }},
					} {
						first := true
						for _, r := range recs {
							if !part.keep(r) {
								continue
							}
							if first {
								sw.printf("\n%s:\n", part.title)
								first = false
							}
							sw.printf("- %s\n", r.Text)
						}
					}
					return sw.err
				})
			}
		},
	}
}

// printRec prints one action or measure: its text, then owner, start
// window, kind, money at stake with confidence, and its evidence.
func printRec(sw *stickyWriter, a *analysis.Analysis, n int, r recommend.Recommendation) {
	l := a.Lang
	sw.printf("%d. %s\n", n, r.Text)
	money := l.Pick("sin estimación", "no estimate")
	if r.Impact != nil {
		money = l.Money(*r.Impact, r.Currency, 0) + l.Pick(" al año", " a year")
	}
	kind := l.Pick("acción", "action")
	if r.Kind == recommend.KindMeasure {
		kind = l.Pick("medir", "measure")
	}
	sw.printf("   %s: %s · %s: %d %s · %s · %s: %s (%s) · %s %d/3\n", l.Pick("Responsable", "Owner"), a.OwnerName(r.Owner),
		l.Pick("Empieza en", "Starts within"), r.HorizonDays, l.Pick("días", "days"), kind,
		l.Pick("en juego", "at stake"), money, a.Rules.Note("confidence_"+r.Confidence, l), l.Pick("esfuerzo", "effort"), r.Effort)
	if ev := a.EvidenceText(r); ev != "" {
		sw.printf("   %s: %s\n", l.Pick("Evidencia", "Evidence"), ev)
	}
}

package cli

import (
	"context"
	"flag"
	"fmt"
	"math"
	"strconv"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// targetCommand adds a dated target to a KPI of the plan.
func targetCommand() *Command {
	return &Command{
		Name:    "target",
		Args:    "--org NAME_OR_ID --kpi ID --value V --by YYYY-MM [--force] [--json]",
		Summary: "set a KPI's target (value to reach by a month); earlier targets are kept as history",
		Setup: func(fs *flag.FlagSet) RunFunc {
			org := fs.String("org", "", "organisation name or id")
			kpiID := fs.String("kpi", "", "KPI id (see `revopsdx kpis`), catalogue or custom")
			value := fs.String("value", "", "target value in the KPI's unit; percentages as fractions (0.25 = 25 %)")
			by := fs.String("by", "", "month to reach it by, YYYY-MM")
			force := fs.Bool("force", false, fmt.Sprintf("accept a percentage target beyond ±%g (%s)", maxPercentTarget, diagnostic.FormatValue(locale.EN, diagnostic.UnitPercent, maxPercentTarget, "")))
			asJSON := fs.Bool("json", false, `print {"org","kpi","value","by","set_on"}`)
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return Usagef("unexpected argument %q", args[0])
				}
				if *kpiID == "" || *value == "" || *by == "" {
					return Usagef("target needs --org, --kpi, --value and --by")
				}
				v, err := strconv.ParseFloat(*value, 64)
				if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
					return Usagef("--value %q is not a number (use a dot for decimals; percentages as fractions)", *value)
				}
				if math.Abs(v) > maxTarget {
					// Not even --force: such a value cannot be shown (1e308
					// as a percentage overflows to infinity, printed "–").
					return Usagef("--value %q is beyond ±%g, no KPI's target", *value, maxTarget)
				}
				m, err := diagnostic.ParseMonth(*by)
				if err != nil {
					return Usagef("--by: %v", err)
				}
				return withStore(ctx, env, func(s *store.Store) error {
					o, err := findOrg(ctx, s, *org)
					if err != nil {
						return err
					}
					cat, err := orgCatalogue(ctx, s, o)
					if err != nil {
						return err
					}
					d, ok := cat.Def(*kpiID)
					if !ok {
						return fmt.Errorf("unknown KPI %q (see `revopsdx kpis --org %q` for the ids): %w", *kpiID, o.Name, diagnostic.ErrNotFound)
					}
					if err := checkPercentTarget(d, v, *force); err != nil {
						return err
					}
					t := diagnostic.Target{Value: v, By: m, SetOn: now().UTC()}
					if err := s.AddTarget(ctx, o.ID, d.ID, t); err != nil {
						return err
					}
					if *asJSON {
						return writeJSON(env.Stdout, struct {
							Org   string           `json:"org"`
							KPI   string           `json:"kpi"`
							Value float64          `json:"value"`
							By    diagnostic.Month `json:"by"`
							SetOn string           `json:"set_on"`
						}{o.Name, d.ID, v, m, t.SetOn.Format("2006-01-02")})
					}
					l := o.Language
					_, err = fmt.Fprintf(env.Stdout, l.Pick("Meta de %s (%s) en %q: %s para %s.\n", "Target for %s (%s) of %q: %s by %s.\n"),
						d.Name(l), d.ID, diagnostic.Printable(o.Name), diagnostic.FormatValue(l, d.Unit, v, o.Currency), m)
					return err
				})
			}
		},
	}
}

// maxPercentTarget is the largest percentage target (as a fraction, 1.5 =
// 150 %) taken without --force: "--value 25" for a 25 % win rate is the
// usual slip, and it would be stored as 2,500 %.
const maxPercentTarget = 1.5

// checkPercentTarget refuses a percentage target beyond ±maxPercentTarget
// unless forced, suggesting the fraction the user probably meant.
// maxTarget bounds any target's magnitude: a thousand trillion in any
// unit, and its percentage still a finite number.
const maxTarget = 1e15

func checkPercentTarget(d kpi.Def, v float64, force bool) error {
	if force || d.Unit != diagnostic.UnitPercent || math.Abs(v) <= maxPercentTarget {
		return nil
	}
	pct := func(f float64) string { return diagnostic.FormatValue(locale.EN, diagnostic.UnitPercent, f, "") }
	return fmt.Errorf("--value %s for %s (%s) would be %s: percentages are fractions, so %s is --value %s (add --force to keep %s): %w",
		strconv.FormatFloat(v, 'f', -1, 64), d.NameEN, d.ID, pct(v), pct(v/100), strconv.FormatFloat(v/100, 'f', -1, 64), pct(v), diagnostic.ErrInvalid)
}

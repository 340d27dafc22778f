package cli

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/analysis"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// kpisCommand prints every KPI for every period of an organisation's data.
func kpisCommand() *Command {
	return &Command{
		Name:    "kpis",
		Args:    "--org NAME_OR_ID [--period month|quarter|year] [--from YYYY-MM] [--to YYYY-MM] [--lang es|en] [--json|--csv]",
		Summary: "every KPI of the catalogue (and custom KPIs) for every period: value, target, benchmark, status, trend",
		Setup: func(fs *flag.FlagSet) RunFunc {
			org := fs.String("org", "", "organisation name or id")
			period := fs.String("period", "month", "period: month, quarter or year")
			fromF := fs.String("from", "", "first month, YYYY-MM (default: the earliest with data)")
			toF := fs.String("to", "", "last month, YYYY-MM (default: the latest with data)")
			lang := fs.String("lang", "", "language of the table, es or en (default: the organisation's)")
			asJSON := fs.Bool("json", false, `print a JSON array of {"kpi","period","value","unit","target","benchmark","status","trend","missing"}`)
			asCSV := fs.Bool("csv", false, "print CSV, one row per KPI and period")
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return Usagef("unexpected argument %q", args[0])
				}
				if *asJSON && *asCSV {
					return Usagef("choose one of --json and --csv")
				}
				grain, err := kpi.ParseGrain(*period)
				if err != nil {
					return Usagef("--period: %v", err)
				}
				from, to, err := monthRange(*fromF, *toF)
				if err != nil {
					return err
				}
				if err := checkLang(*lang); err != nil {
					return err
				}
				return withStoreRead(ctx, env, func(s *store.Store) error {
					o, snap, err := orgSnapshot(ctx, s, *org)
					if err != nil {
						return err
					}
					rows, cat, err := computeKPIs(snap, from, to, grain)
					if err != nil {
						return fmt.Errorf("KPIs of %q: %w", o.Name, err)
					}
					switch {
					case *asJSON:
						return writeJSON(env.Stdout, rows)
					case *asCSV:
						return kpi.WriteCSV(env.Stdout, rows)
					}
					l, err := orgLang(*lang, o)
					if err != nil {
						return err
					}
					return printKPIs(env, rows, cat, l, o.Currency)
				})
			}
		},
	}
}

// monthRange parses --from and --to (either may be empty).
func monthRange(from, to string) (diagnostic.Month, diagnostic.Month, error) {
	var f, t diagnostic.Month
	var err error
	if from != "" {
		if f, err = diagnostic.ParseMonth(from); err != nil {
			return f, t, Usagef("--from: %v", err)
		}
	}
	if to != "" {
		if t, err = diagnostic.ParseMonth(to); err != nil {
			return f, t, Usagef("--to: %v", err)
		}
	}
	if from != "" && to != "" && t.Before(f) {
		return f, t, Usagef("--from %s is after --to %s", from, to)
	}
	return f, t, nil
}

// computeKPIs computes every KPI over from..to, within the earliest and
// latest months with data (a zero bound is that month). No data and no range gives no rows.
// cat is the catalogue used, custom KPIs included.
func computeKPIs(snap analysis.Snapshot, from, to diagnostic.Month, g kpi.Grain) ([]kpi.Row, *kpi.Catalogue, error) {
	cat, err := kpi.LoadCatalogue()
	if err != nil {
		return nil, nil, err
	}
	if cat, err = cat.WithCustom(snap.CustomKPIs); err != nil {
		return nil, nil, fmt.Errorf("custom KPIs: %w", err)
	}
	in := kpi.Inputs{Catalogue: cat, Observations: snap.Observations, Deals: snap.Deals, DealTable: snap.DealTable,
		Customers: snap.Customers, Transactions: snap.Transactions, Leads: snap.Leads, Plan: snap.Plan, Profile: snap.Profile}
	// Periods are capped to the organisation's data range: months outside
	// it have nothing to show, and --from 0001-01 --to 9999-12 would
	// otherwise compute 120,000 empty months (8.8 GB).
	first, last, _ := kpi.DataRange(in)
	if from.IsZero() || from.Before(first) {
		from = first
	}
	if to.IsZero() || last.Before(to) {
		to = last
	}
	if from.IsZero() || to.IsZero() || to.Before(from) {
		return []kpi.Row{}, cat, nil
	}
	rows, err := kpi.Compute(in, from, to, g)
	if rows == nil {
		rows = []kpi.Row{}
	}
	return rows, cat, err
}

// printKPIs prints the rows as a table in l: values in the locale, status
// and trend in the GUI's words, missing inputs by name.
func printKPIs(env *Env, rows []kpi.Row, cat *kpi.Catalogue, l locale.Lang, currency string) error {
	if len(rows) == 0 {
		_, err := fmt.Fprintln(env.Stdout, l.Pick("No hay datos de KPI: importa o escribe valores mensuales.", "No KPI data: import or type monthly values."))
		return err
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, l.Pick("PERIODO\tKPI\tVALOR\tOBJETIVO\tESTADO\tTENDENCIA\tFALTA", "PERIOD\tKPI\tVALUE\tTARGET\tSTATUS\tTREND\tMISSING"))
	for _, r := range rows {
		val, tgt := "–", "–"
		if r.Value != nil {
			val = diagnostic.FormatValue(l, r.Unit, *r.Value, currency)
		}
		if r.Target != nil {
			tgt = diagnostic.FormatValue(l, r.Unit, r.Target.Value, currency)
		}
		st, err := statusText(l, r.Status)
		if err != nil {
			return err
		}
		trend, err := trendText(l, r.Trend)
		if err != nil {
			return err
		}
		missing := make([]string, len(r.Missing))
		for i, m := range r.Missing {
			missing[i] = cat.MissingLabel(m, l)
		}
		if s := r.Insufficient; s != nil { // a value, but too few observations for a verdict
			text, err := shortfallText(l, *s)
			if err != nil {
				return err
			}
			missing = append(missing, text)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.Period, r.Def.Name(l), val, tgt, st, trend, strings.Join(missing, ", "))
	}
	return tw.Flush()
}

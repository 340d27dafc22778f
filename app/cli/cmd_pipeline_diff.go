package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/pipeline"
	"github.com/revopsdx/revopsdx/diagnostic/store"
	"github.com/revopsdx/revopsdx/usecase"
)

// pipelineDiffCommand compares two dated deals snapshots.
func pipelineDiffCommand() *Command {
	return &Command{
		Name:    "pipeline-diff",
		Args:    "--org NAME_OR_ID --from YYYY-MM-DD --to YYYY-MM-DD [--deals] [--lang es|en] [--json]",
		Summary: "pipeline movement between two deals snapshots: new, won, lost, pushed, pulled in, amount up/down, removed, unchanged; close-date slippage",
		Setup: func(fs *flag.FlagSet) RunFunc {
			org := fs.String("org", "", "organisation name or id")
			from := fs.String("from", "", "start: the snapshot of this day, else the latest before it")
			to := fs.String("to", "", "end: the snapshot of this day, else the latest before it")
			showDeals := fs.Bool("deals", false, "list the deals behind each movement")
			lang := fs.String("lang", "", "language of the table, es or en (default: the organisation's)")
			asJSON := fs.Bool("json", false, `print {"new":{"count","amount"},"won",…,"unchanged","start_open_amount","end_open_amount","slippage","deals":{…}}`)
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return Usagef("unexpected argument %q", args[0])
				}
				if err := checkLang(*lang); err != nil {
					return err
				}
				a, aerr := time.Parse("2006-01-02", *from)
				b, berr := time.Parse("2006-01-02", *to)
				if aerr != nil || berr != nil {
					return Usagef("pipeline-diff needs --from and --to as dates YYYY-MM-DD")
				}
				return withStoreRead(ctx, env, func(s *store.Store) error {
					o, err := findOrg(ctx, s, *org)
					if err != nil {
						return err
					}
					d, err := usecase.PipelineDiff(ctx, s, o.ID, a, b)
					if err != nil {
						return err
					}
					if *asJSON {
						return writeJSON(env.Stdout, d)
					}
					l, err := orgLang(*lang, o)
					if err != nil {
						return err
					}
					return printPipelineDiff(env.Stdout, d, l, *showDeals)
				})
			}
		},
	}
}

// printPipelineDiff writes the movement table, the slippage and, when
// asked, the deals behind each movement.
func printPipelineDiff(w io.Writer, d pipeline.Diff, l locale.Lang, deals bool) error {
	money := func(v float64) string { return l.Money(v, d.Currency, 0) }
	count := func(n int) string { return l.Number(float64(n), 0) }
	fmt.Fprintf(w, l.Pick("Movimiento del pipeline del %s al %s (negocios emparejados por %s)\n\n", "Pipeline movement from %s to %s (deals matched by %s)\n\n"),
		l.Date(d.From), l.Date(d.To), matchLabel(l, d.MatchKey))
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, l.Pick("\tNEGOCIOS\tIMPORTE\t", "\tDEALS\tAMOUNT\t"))
	fmt.Fprintf(tw, "%s\t%s\t%s\t\n", pipeline.StartLabel(l), count(d.StartOpen.Count), money(d.StartOpen.Amount))
	for _, c := range pipeline.Categories() {
		m := d.Moves[c]
		fmt.Fprintf(tw, "%s\t%s\t%s\t\n", c.Label(l), count(m.Count), money(m.Amount))
	}
	fmt.Fprintf(tw, "%s\t%s\t%s\t\n", pipeline.EndLabel(l), count(d.EndOpen.Count), money(d.EndOpen.Amount))
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w, l.Pick("\nInicio + nuevas + al alza − a la baja − ganadas − perdidas − fuera = final. Ganadas y perdidas, al importe de cierre.",
		"\nStart + new + increased − decreased − won − lost − removed = end. Won and lost at their closing amount."))
	s := d.Slippage
	fmt.Fprintln(w)
	if s.SharePushed != nil {
		fmt.Fprintf(w, l.Pick("Cierres retrasados: %s de %s negocios abiertos en ambas fechas (%s; intervalo del 90 %%: %s–%s)", "Close dates pushed: %s of %s deals open at both dates (%s; 90 %% interval %s–%s)"),
			count(s.Pushed), count(s.Compared), l.Percent(*s.SharePushed, 1), l.Percent(s.Interval[0], 0), l.Percent(s.Interval[1], 0))
		if !s.Enough {
			fmt.Fprintf(w, l.Pick(" — datos insuficientes para un veredicto (%d necesarios)", " — not enough data for a verdict (%d needed)"), pipeline.MinCompared)
		}
		fmt.Fprintln(w)
	} else {
		fmt.Fprintln(w, l.Pick("Cierres retrasados: datos insuficientes (ningún negocio abierto en ambas fechas con fecha de cierre).",
			"Close dates pushed: not enough data (no deal open at both dates with a close date)."))
	}
	if s.AvgDaysPush != nil {
		fmt.Fprintf(w, l.Pick("Retraso medio: %s días\n", "Average push: %s days\n"), l.Number(*s.AvgDaysPush, 1))
	}
	fmt.Fprintf(w, l.Pick("Abiertos con la fecha de cierre ya pasada: %s (%s) de %s con fecha\n", "Open past their close date: %s (%s) of %s with a date\n"),
		count(s.PastDue.Count), money(s.PastDue.Amount), count(s.OpenWithDate))
	if !deals {
		return nil
	}
	for _, c := range pipeline.Categories() {
		if c == pipeline.Unchanged || len(d.Deals[c]) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s\n", c.Label(l))
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for _, ch := range d.Deals[c] {
			shift := ""
			if ch.DaysShifted != 0 {
				shift = fmt.Sprintf(l.Pick("%+d días", "%+d days"), ch.DaysShifted)
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", diagnostic.Printable(ch.ID), diagnostic.Printable(ch.Name), money(ch.Amount), shift)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return nil
}

// matchLabel says how deals were matched across snapshots.
func matchLabel(l locale.Lang, key string) string {
	if key == diagnostic.MatchNameCreated {
		return l.Pick("nombre y fecha de creación", "name and creation date")
	}
	return l.Pick("ID de registro", "record ID")
}

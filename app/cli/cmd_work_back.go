package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/store"
	"github.com/revopsdx/revopsdx/diagnostic/workback"
	"github.com/revopsdx/revopsdx/usecase"
)

// workBackCommand works back from a revenue target.
func workBackCommand() *Command {
	return &Command{
		Name:    "work-back",
		Args:    "--org NAME_OR_ID --revenue AMOUNT --by YYYY-MM [--what-if \"opportunities=+10%,win_rate=+5%,deal_size=0%,cycle=-10%\"] [--lang es|en] [--json]",
		Summary: "work back from a revenue target to the won deals, opportunities, pipeline and leads it takes, and the gap against today's run rate",
		Setup: func(fs *flag.FlagSet) RunFunc {
			org := fs.String("org", "", "organisation name or id")
			revenue := fs.String("revenue", "", "revenue to win from this month to the end of --by, in the organisation's currency (plain number: 1200000)")
			by := fs.String("by", "", "last month of the target, YYYY-MM")
			lang := fs.String("lang", "", "language of the table, es or en (default: the organisation's)")
			whatIf := fs.String("what-if", "", "move the sales-velocity levers: opportunities, win_rate, deal_size, cycle, each =±N%")
			asJSON := fs.Bool("json", false, `print {"required":{"won_deals","opportunities","pipeline","leads"},"per_month":{…},"rates":{"win_rate","avg_deal_size","cycle_days","lead_to_customer"},"evidence":{…},"run_rate":{…},"gap":{…}}`)
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return Usagef("unexpected argument %q", args[0])
				}
				if err := checkLang(*lang); err != nil {
					return err
				}
				amount, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(*revenue), "_", ""), 64)
				if err != nil || !(amount > 0) || math.IsInf(amount, 0) {
					return Usagef("--revenue wants a positive plain number such as 1200000, got %q", *revenue)
				}
				t, err := time.Parse("2006-01", *by)
				if err != nil {
					return Usagef("--by wants a month YYYY-MM, got %q", *by)
				}
				var levers *workback.Levers
				if *whatIf != "" {
					l, err := workback.ParseLevers(*whatIf)
					if err != nil {
						return Usagef("--what-if: %v", err)
					}
					levers = &l
				}
				return withStoreRead(ctx, env, func(s *store.Store) error {
					o, err := findOrg(ctx, s, *org)
					if err != nil {
						return err
					}
					p, err := usecase.WorkBack(ctx, s, o.ID, amount, diagnostic.MonthOf(t), now())
					if err != nil {
						return err
					}
					if levers != nil && p.Velocity != nil {
						w, err := p.Velocity.Apply(*levers)
						if err != nil {
							return err
						}
						p.WhatIf = &w
					}
					if *asJSON {
						return writeJSON(env.Stdout, p)
					}
					l, err := orgLang(*lang, o)
					if err != nil {
						return err
					}
					return printWorkBack(env.Stdout, p, l)
				})
			}
		},
	}
}

// printWorkBack writes the rates with their evidence, then the required
// volumes against the run rate.
func printWorkBack(w io.Writer, p workback.Plan, l locale.Lang) error {
	money := func(v float64) string { return l.Money(v, p.Currency, 0) }
	opt := func(v *float64, f func(float64) string) string {
		if v == nil {
			return l.Pick("datos insuficientes", "not enough data")
		}
		return f(*v)
	}
	count := func(v float64) string { return l.Number(math.Ceil(v-1e-9), 0) }
	months := l.Pick("meses", "months")
	if p.Months == 1 {
		months = l.Pick("mes", "month")
	}
	fmt.Fprintf(w, l.Pick("Objetivo: %s ganados de %s a %s (%d %s)\n\n", "Target: %s won from %s to %s (%d %s)\n\n"),
		money(p.Revenue), l.MonthYear(p.From.Year, p.From.Month), l.MonthYear(p.By.Year, p.By.Month), p.Months, months)
	fmt.Fprintln(w, l.Pick("Tasas (de tus datos, ventanas de docs/METHOD.md):", "Rates (from your data, windows of docs/METHOD.md):"))
	rates := []struct {
		key, es, en string
		v           *float64
		f           func(float64) string
	}{
		{"win_rate", "Tasa de cierre", "Win rate", p.Rates.WinRate, func(v float64) string { return l.Percent(v, 1) }},
		{"avg_deal_size", "Importe medio ganado", "Average deal size", p.Rates.AvgDealSize, money},
		{"cycle_days", "Ciclo de venta", "Sales cycle", p.Rates.CycleDays, func(v float64) string { return l.Number(v, 0) + l.Pick(" días", " days") }},
		{"lead_to_customer", "Lead → cliente", "Lead → customer", p.Rates.LeadToCustomer, func(v float64) string { return l.Percent(v, 1) }},
	}
	for _, r := range rates {
		e := p.Evidence[r.key]
		note := ""
		switch {
		case e.Insufficient != nil:
			text, err := shortfallText(l, *e.Insufficient)
			if err != nil {
				return err
			}
			note = " (" + text + ")"
		case e.Missing != "":
			note = " (" + missingRateText(l, e.Missing) + ")"
		case !e.Window.From.IsZero():
			note = fmt.Sprintf(" (%s–%s, n = %s, %s %s)", l.MonthYear(e.Window.From.Year, e.Window.From.Month), l.MonthYear(e.Window.To.Year, e.Window.To.Month),
				l.Number(e.Sample, 0), l.Pick("confianza", "confidence"), confidenceWord(l, string(e.Confidence)))
		}
		fmt.Fprintf(w, "  %s: %s%s\n", l.Pick(r.es, r.en), opt(r.v, r.f), note)
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, l.Pick("\tNECESARIO\tAL MES\tRITMO ACTUAL AL MES\tDIFERENCIA AL MES\t", "\tREQUIRED\tPER MONTH\tRUN RATE PER MONTH\tGAP PER MONTH\t"))
	rr := p.RunRate
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t\n", l.Pick("Ingresos ganados", "Revenue won"), money(p.Revenue), money(p.Revenue/float64(p.Months)), money(rr.WonRevenuePerMonth), money(p.Gap.RevenuePerMonth))
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t\n", l.Pick("Negocios ganados", "Won deals"), opt(p.Required.WonDeals, count), opt(p.PerMonth.WonDeals, count),
		l.Number(rr.WonDealsPerMonth, 1), opt(p.Gap.WonDealsPerMonth, func(v float64) string { return l.Number(v, 1) }))
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t\n", l.Pick("Oportunidades", "Opportunities"), opt(p.Required.Opportunities, count), opt(p.PerMonth.Opportunities, count),
		l.Number(rr.OpportunitiesPerMonth, 1), opt(p.Gap.OpportunitiesPerMonth, func(v float64) string { return l.Number(v, 1) }))
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t\n", l.Pick("Leads", "Leads"), opt(p.Required.Leads, count), opt(p.PerMonth.Leads, count), "", "")
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, l.Pick("\nPipeline necesario: %s; abierto hoy: %s; diferencia: %s.\n", "\nPipeline needed: %s; open today: %s; gap: %s.\n"),
		opt(p.Required.Pipeline, money), money(rr.OpenPipeline), opt(p.Gap.Pipeline, money))
	fmt.Fprintf(w, l.Pick("Ritmo actual: los últimos %d meses de datos (%s–%s); a ese ritmo se ganarían %s.\n", "Run rate: the last %d months of data (%s–%s); at that pace %s would be won.\n"),
		rr.Months, l.MonthYear(rr.From.Year, rr.From.Month), l.MonthYear(rr.To.Year, rr.To.Month), money(rr.RevenueAtRunRate))
	if v := p.Velocity; v != nil {
		fmt.Fprintf(w, l.Pick("Velocidad de ventas: %s oportunidades abiertas × %s × %s ÷ %s días = %s al mes.\n", "Sales velocity: %s open opportunities × %s × %s ÷ %s days = %s a month.\n"),
			l.Number(v.Opportunities, 0), l.Percent(v.WinRate, 1), money(v.AvgDealSize), l.Number(v.CycleDays, 0), money(v.RevenuePerMonth))
		if wi := p.WhatIf; wi != nil {
			n := wi.Velocity
			fmt.Fprintf(w, l.Pick("Y si: %s oportunidades × %s × %s ÷ %s días = %s al mes (%s).\n", "What if: %s opportunities × %s × %s ÷ %s days = %s a month (%s).\n"),
				l.Number(n.Opportunities, 0), l.Percent(n.WinRate, 1), money(n.AvgDealSize), l.Number(n.CycleDays, 0), money(n.RevenuePerMonth), signedMoney(l, wi.Effect, p.Currency))
		}
	} else {
		fmt.Fprintln(w, l.Pick("Velocidad de ventas: datos insuficientes.", "Sales velocity: not enough data."))
	}
	if p.OpportunitiesBy != nil {
		fmt.Fprintf(w, l.Pick("Con el ciclo medio, una oportunidad debe abrirse antes del %s para cerrarse a tiempo.", "At the average cycle, an opportunity must be open by %s to close in time."), l.Date(*p.OpportunitiesBy))
		if p.Late {
			fmt.Fprint(w, l.Pick(" Esa fecha ya pasó: solo cuenta el pipeline abierto hoy.", " That date has passed: only today's open pipeline can count."))
		}
		fmt.Fprintln(w)
	}
	return nil
}

// confidenceWord names a confidence level.
func confidenceWord(l locale.Lang, c string) string {
	switch c {
	case "high":
		return l.Pick("alta", "high")
	case "medium":
		return l.Pick("media", "medium")
	}
	return l.Pick("baja", "low")
}

// missingRateText says why a work-back rate has no value.
func missingRateText(l locale.Lang, code string) string {
	switch code {
	case workback.MissingNoWonDeals:
		return l.Pick("ningún negocio ganado en 12 meses", "no deal won in 12 months")
	case workback.MissingZeroRate:
		return l.Pick("tasa cero", "a rate of zero")
	}
	return l.Pick("sin datos", "no data")
}

// signedMoney writes an amount with its sign ("+1.200 €", "−300 €").
func signedMoney(l locale.Lang, v float64, currency string) string {
	if v < 0 {
		return "−" + l.Money(-v, currency, 0)
	}
	return "+" + l.Money(v, currency, 0)
}

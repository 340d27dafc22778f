package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/pipeline"
	"github.com/revopsdx/revopsdx/diagnostic/store"
	"github.com/revopsdx/revopsdx/usecase"
)

// forecastAccuracyCommand prints forecast accuracy by month.
func forecastAccuracyCommand() *Command {
	return &Command{
		Name:    "forecast-accuracy",
		Args:    "--org NAME_OR_ID [--lang es|en] [--json]",
		Summary: "forecast accuracy by month from deals snapshots: pipeline expected to close in the month (seen at its start) against what was won, with the 85–115 % band",
		Setup: func(fs *flag.FlagSet) RunFunc {
			org := fs.String("org", "", "organisation name or id")
			lang := fs.String("lang", "", "language of the table, es or en (default: the organisation's)")
			asJSON := fs.Bool("json", false, `print {"months":[{"month","seen_on","forecast","won","won_as_forecast","accuracy","in_band","forecast_conversion"}],"band","months_in_band","trend","p_value"}`)
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return Usagef("unexpected argument %q", args[0])
				}
				if err := checkLang(*lang); err != nil {
					return err
				}
				return withStoreRead(ctx, env, func(s *store.Store) error {
					o, err := findOrg(ctx, s, *org)
					if err != nil {
						return err
					}
					f, err := usecase.ForecastAccuracy(ctx, s, o.ID)
					if err != nil {
						return err
					}
					if *asJSON {
						return writeJSON(env.Stdout, f)
					}
					l, err := orgLang(*lang, o)
					if err != nil {
						return err
					}
					return printForecast(env.Stdout, f, l, o.Currency)
				})
			}
		},
	}
}

func printForecast(w io.Writer, f pipeline.Forecast, l locale.Lang, currency string) error {
	if len(f.Months) == 0 {
		_, err := fmt.Fprintln(w, l.Pick("Ningún mes completo tiene una instantánea al empezar (exportaciones de fin de mes): aún no se puede medir.",
			"No complete month has a snapshot at its start (month-end exports): accuracy cannot be measured yet."))
		return err
	}
	money := func(v float64) string { return l.Money(v, currency, 0) }
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, l.Pick("MES\tVISTO EL\tPREVISTO\tGANADO\tDEL PREVISTO\tPRECISIÓN\t85–115 %\t", "MONTH\tSEEN ON\tEXPECTED\tWON\tOF THE EXPECTED\tACCURACY\t85–115 %\t"))
	for _, m := range f.Months {
		acc, band := "–", "–"
		if m.Accuracy != nil {
			acc = l.Percent(*m.Accuracy, 0)
			band = l.Pick("fuera", "out")
			if *m.InBand {
				band = l.Pick("dentro", "in")
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", l.MonthYear(m.Month.Year, m.Month.Month), l.Date(m.SeenOn), money(m.Forecast.Amount),
			money(m.Won.Amount), money(m.WonAsForecast.Amount), acc, band)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if err := printForecastCategories(w, f, l, money); err != nil {
		return err
	}
	trend := map[string][2]string{
		"improving":         {"mejora (el error baja)", "improving (the error falls)"},
		"worsening":         {"empeora (el error sube)", "worsening (the error grows)"},
		"stable":            {"sin tendencia clara", "no clear trend"},
		"insufficient_data": {"datos insuficientes (hacen falta 6 meses)", "not enough data (6 months needed)"},
	}[f.Trend]
	_, err := fmt.Fprintf(w, l.Pick("\n%d de %s dentro de la banda 85–115 %%. Tendencia: %s. Previsto = negocios abiertos con cierre previsto en el mes según la exportación de su inicio.\n",
		"\n%d of %s within the 85–115 %% band. Trend: %s. Expected = open deals with an expected close date in the month, as the export at its start showed them.\n"),
		f.InBand, months(l, len(f.Months)), l.Pick(trend[0], trend[1]))
	return err
}

// months is a count of months with its noun: "1 mes", "3 months".
func months(l locale.Lang, n int) string { return l.Count(n, "mes", "meses", "month", "months") }

// printForecastCategories splits each month by the CRM's forecast category,
// when the exports have one.
func printForecastCategories(w io.Writer, f pipeline.Forecast, l locale.Lang, money func(float64) string) error {
	has := false
	for _, m := range f.Months {
		has = has || len(m.ByCategory) > 0
	}
	if !has {
		return nil
	}
	fmt.Fprintln(w, l.Pick("\nPor categoría de previsión (las omitidas no cuentan en lo previsto):", "\nBy forecast category (omitted deals do not count in the expected):"))
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, l.Pick("MES\tCATEGORÍA\tPREVISTO\tGANADO DE ELLO\tCONVERSIÓN\t", "MONTH\tCATEGORY\tEXPECTED\tWON OF IT\tCONVERSION\t"))
	for _, m := range f.Months {
		for _, c := range m.ByCategory {
			conv := "–"
			if c.Conversion != nil {
				conv = l.Percent(*c.Conversion, 0)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t\n", l.MonthYear(m.Month.Year, m.Month.Month), pipeline.ForecastCategoryLabel(c.Category, l),
				money(c.Forecast.Amount), money(c.WonAsForecast.Amount), conv)
		}
	}
	return tw.Flush()
}

package report

import (
	"math"
	"strconv"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// formatter turns the report's numbers into text in one language.
type formatter struct {
	lang     locale.Lang
	t        texts
	currency string // default currency for money values
}

// value formats a KPI value in its unit: money with the currency symbol
// (no decimals from 1,000 up), percentages from fractions with one decimal,
// ratios with "×", days and months with their word, counts grouped without
// decimals and scores (NPS, CSAT) with up to one decimal.
func (f formatter) value(v float64, unit diagnostic.Unit, currency string) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return f.t.T("none")
	}
	if unit == diagnostic.UnitMoney && currency == "" {
		currency = f.currency
	}
	return diagnostic.FormatValue(f.lang, unit, v, currency)
}

// optValue formats an optional KPI value, "–" when nil.
func (f formatter) optValue(v *float64, unit diagnostic.Unit, currency string) string {
	if v == nil {
		return f.t.T("none")
	}
	return f.value(*v, unit, currency)
}

// score formats a 0–100 score without decimals, "–" when nil.
func (f formatter) score(v *float64) string {
	if v == nil {
		return f.t.T("none")
	}
	return f.lang.Number(*v, 0)
}

// change formats the change between two scores with its sign ("+8", "-3",
// "0"), "–" when either is missing.
func (f formatter) change(now, before *float64) string {
	if now == nil || before == nil {
		return f.t.T("none")
	}
	d := math.Round(*now) - math.Round(*before)
	s := f.lang.Number(d, 0)
	if d > 0 {
		s = "+" + s
	}
	return s
}

// pct formats a 0–1 share as a whole percentage ("83 %").
func (f formatter) pct(share float64) string { return f.lang.Percent(share, 0) }

// level names a maturity level ("Nivel 3: Definido"); "–" when unknown.
func (f formatter) level(n int) string {
	if n < 1 || n > 5 {
		return f.t.T("none")
	}
	return f.t.T("summary.level", "n", f.lang.Number(float64(n), 0), "name", f.levelName(n))
}

// levelName is the name of level n alone, from the questionnaire content
// (the names the charts and the screens use too).
func (f formatter) levelName(n int) string {
	q, err := diagnostic.LoadQuestionnaire()
	if err != nil {
		return f.t.T("none") // a content defect, caught by the content tests
	}
	l, ok := q.LevelInfo(n)
	if !ok {
		return f.t.T("none")
	}
	return l.Name.In(f.lang)
}

// team names a department or team id, or returns the id when unknown.
func (f formatter) team(id string) string {
	if f.t.Has("dept." + id) {
		return f.t.T("dept." + id)
	}
	return id
}

// status names a KPI status.
func (f formatter) status(s Status) string {
	if s == "" {
		s = StatusNoData
	}
	return f.t.T("status." + string(s))
}

// trendArrow is the arrow shown for a trend: up for improving, flat for
// stable, down for worsening (already judged by the KPI's direction).
func trendArrow(tr Trend) string {
	switch tr {
	case TrendImproving:
		return "↑"
	case TrendStable:
		return "→"
	case TrendWorsening:
		return "↓"
	}
	return ""
}

// trend names a trend with its arrow ("↑ Mejora").
func (f formatter) trend(tr Trend) string {
	if tr == TrendUnknown {
		return f.t.T("trend.unknown")
	}
	return trendArrow(tr) + " " + f.t.T("trend."+string(tr))
}

// benchmark formats a benchmark's quartiles on one line
// ("P25 8 % · mediana 12 % · P75 15 %"), leaving out missing quartiles.
func (f formatter) benchmark(b *Benchmark, unit diagnostic.Unit, currency string) string {
	if b == nil {
		return f.t.T("none")
	}
	var parts []string
	add := func(label string, v *float64) {
		if v != nil {
			parts = append(parts, label+" "+f.value(*v, unit, currency))
		}
	}
	add(f.t.T("bench.p25"), b.P25)
	add(f.t.T("bench.median"), b.Median)
	add(f.t.T("bench.p75"), b.P75)
	if len(parts) == 0 {
		return f.t.T("none")
	}
	out := parts[0]
	for _, p := range parts[1:] {
		out += " · " + p
	}
	return out
}

// source formats a benchmark's source and year ("KeyBanc SaaS Survey 2024").
func (f formatter) source(b *Benchmark) string {
	if b == nil || b.Source == "" {
		return ""
	}
	if b.Year > 0 {
		return b.Source + " " + itoa(b.Year)
	}
	return b.Source
}

// itoa formats a year or count without grouping (2024, not 2.024).
func itoa(n int) string { return strconv.Itoa(n) }

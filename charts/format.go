package charts

import (
	"math"
	"strings"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// formatter writes values in a unit and language, in a long form for value
// labels and a short form for axis ticks.
type formatter struct {
	lang     locale.Lang
	unit     diagnostic.Unit
	currency string
}

func (o Options) formatter() formatter {
	return formatter{lang: o.Lang, unit: o.Unit, currency: o.Currency}
}

// label formats a value shown on its own (last value, tile, bar end)
// with diagnostic.FormatValue, the formatter of the tables, the report,
// the CLI and the GUI, so a chart and the table beside it agree (2,15 %,
// 77 días, 2,5×, a score 17,1). Only money from a million up (1,2 M€) and
// other figures from 100.000 up (184,25 k) are shortened, where the full
// figure would not fit a label.
func (f formatter) label(v float64) string {
	l := f.lang
	a := math.Abs(v)
	switch f.unit {
	case diagnostic.UnitMoney:
		if a >= 1e6 {
			return f.money(compactLabel(l, v))
		}
		if a < 1000 && a == math.Trunc(a) {
			return l.Money(v, f.currency, 0)
		}
		return diagnostic.FormatValue(l, f.unit, v, f.currency)
	case diagnostic.UnitPercent, diagnostic.UnitRatio, diagnostic.UnitDays, diagnostic.UnitMonths:
		return diagnostic.FormatValue(l, f.unit, v, f.currency)
	}
	if a >= 1e5 {
		return compactLabel(l, v)
	}
	return diagnostic.FormatValue(l, f.unit, v, f.currency)
}

// tick formats an axis tick; step is the distance between ticks, which
// decides the decimals, and top the largest magnitude on the axis, which
// decides the k/M suffix shared by every tick.
func (f formatter) tick(v, step, top float64) string {
	l := f.lang
	if math.Abs(v) < step*1e-9 {
		v = 0
	}
	dec := decimalsFor(step)
	switch f.unit {
	case diagnostic.UnitMoney:
		if top >= 1e4 {
			return f.money(compactStep(l, v, step, top))
		}
		return l.Money(v, f.currency, dec)
	case diagnostic.UnitPercent:
		return l.Percent(v, decimalsFor(step*100))
	case diagnostic.UnitRatio:
		return l.Number(v, dec) + "×"
	}
	if top >= 1e4 {
		return compactStep(l, v, step, top)
	}
	return l.Number(v, dec)
}

// axisUnit is the unit word the top tick of a value axis carries when the
// ticks themselves show none ("80 días"): days and months.
func (f formatter) axisUnit() string {
	switch f.unit {
	case diagnostic.UnitDays:
		return f.lang.Pick("\u00a0días", "\u00a0days")
	case diagnostic.UnitMonths:
		return f.lang.Pick("\u00a0meses", "\u00a0months")
	}
	return ""
}

// money attaches the currency symbol to an already formatted amount, on the
// side the language writes it ("1,2 M €", "€1.2M").
func (f formatter) money(n string) string {
	sym := locale.CurrencySymbol(f.currency)
	if f.lang == locale.ES || len(sym) == 3 && sym == strings.ToUpper(f.currency) {
		return n + "\u00a0" + sym
	}
	if rest, ok := strings.CutPrefix(n, locale.Minus); ok {
		return locale.Minus + sym + rest
	}
	return sym + n
}

// compactStep writes v with the k/M suffix that fits top and enough decimals
// to tell ticks step apart ("1,25 M" next to "1 M"), as locale.Compact does
// for a single value.
func compactStep(l locale.Lang, v, step, top float64) string {
	div, suffix := 1e3, l.Pick("\u00a0k", "K")
	switch {
	case top >= 1e9:
		div, suffix = 1e9, l.Pick("\u00a0mil\u00a0M", "B")
	case top >= 1e6:
		div, suffix = 1e6, l.Pick("\u00a0M", "M")
	}
	if v == 0 {
		return "0"
	}
	return l.Number(v/div, min(decimalsFor(step/div), 3)) + suffix
}

// decimalsFor is the number of decimals needed to write multiples of step.
func decimalsFor(step float64) int {
	if step <= 0 || step >= 1 {
		return 0
	}
	d := int(math.Ceil(-math.Log10(step) - 1e-9))
	// 0.25 needs 2 decimals, 0.5 needs 1.
	for d < 6 && math.Abs(step*math.Pow10(d)-math.Round(step*math.Pow10(d))) > 1e-6 {
		d++
	}
	return d
}

// niceTicks returns about n evenly spaced round values covering [lo, hi]:
// the axis runs from the first to the last.
func niceTicks(lo, hi float64, n int) (ticks []float64, step float64) {
	if n < 2 {
		n = 2
	}
	if hi < lo {
		lo, hi = hi, lo
	}
	if hi == lo {
		d := math.Abs(hi) * 0.1
		if d == 0 {
			d = 1
		}
		lo, hi = lo-d, hi+d
	}
	step = niceStep((hi - lo) / float64(n-1))
	start := math.Floor(lo/step+1e-9) * step
	end := math.Ceil(hi/step-1e-9) * step
	for i := 0; ; i++ {
		v := start + float64(i)*step
		if v > end+step*1e-6 || i > 100 {
			break
		}
		if math.Abs(v) < step*1e-9 {
			v = 0
		}
		ticks = append(ticks, v)
	}
	return ticks, step
}

// niceStep rounds raw up to 1, 2, 2.5 or 5 times a power of ten.
func niceStep(raw float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*p >= raw*(1-1e-9) {
			return m * p
		}
	}
	return 10 * p
}

// maxMagnitude bounds the values drawn: beyond ±10^15 a business figure is
// an input error, and axis arithmetic would overflow on ±10^308.
const maxMagnitude = 1e15

// finite returns the value of p and whether it is present and a real number
// within ±maxMagnitude; anything else is drawn as "no data".
func finite(p *float64) (float64, bool) {
	if p == nil || math.IsNaN(*p) || math.Abs(*p) > maxMagnitude {
		return 0, false
	}
	return *p, true
}

// F returns a pointer to v, for building optional values in literals.
func F(v float64) *float64 { return &v }

// compactLabel writes a large value with a k/M suffix and up to two
// decimals, so that 1.234.567 and 1.200.000 read differently ("1,23 M" and
// "1,2 M"), which locale.Compact's single decimal does not.
func compactLabel(l locale.Lang, v float64) string {
	a := math.Abs(v)
	div, suffix := 1e3, l.Pick("\u00a0k", "K")
	switch {
	case a >= 1e9:
		div, suffix = 1e9, l.Pick("\u00a0mil\u00a0M", "B")
	case a >= 1e6:
		div, suffix = 1e6, l.Pick("\u00a0M", "M")
	case a < 1e4:
		return l.Auto(v, 2)
	}
	return l.Auto(v/div, 2) + suffix
}

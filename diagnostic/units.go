package diagnostic

import (
	"math"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// FormatValue writes a KPI value in its unit for people. It is the one rule
// the screens, the recommendations and the report share:
//   - percent (a fraction): at most two decimals below 10 %, one from 10 %
//     up, no trailing zeros: 2,15 % / 14,3 % / 25 % (2.15% / 14.3% / 25%);
//   - money: no decimals from 1,000 up, two below, with the currency symbol
//     (a plain number when currency is empty): 184.250 € / €184,250;
//   - ratio: up to one decimal and "×": 2,4× / 2.4×;
//   - days: whole days and the word: 63 días / 63 days;
//   - months: up to one decimal and the word: 7,5 meses / 7.5 months;
//   - count: grouped, no decimals; score and anything else: up to one decimal.
//
// NaN and infinities are written "–".
func FormatValue(l locale.Lang, u Unit, v float64, currency string) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	switch u {
	case UnitPercent:
		return l.Percent(v, percentDecimals(v))
	case UnitMoney:
		dec := 2
		if math.Abs(v) >= 1000 {
			dec = 0
		}
		if currency == "" {
			return l.Number(v, dec)
		}
		return l.Money(v, currency, dec)
	case UnitRatio:
		return l.Auto(v, 1) + "×"
	case UnitDays:
		return l.Number(v, 0) + l.Pick("\u00a0días", "\u00a0days")
	case UnitMonths:
		return l.Auto(v, 1) + l.Pick("\u00a0meses", "\u00a0months")
	case UnitCount:
		return l.Number(v, 0)
	}
	return l.Auto(v, 1)
}

// percentDecimals is how many decimals a percentage needs: as few as the
// figure has, at most two below 10 % and one from 10 % up.
func percentDecimals(fraction float64) int {
	p := math.Abs(fraction * 100)
	limit := 1
	if p < 10 {
		limit = 2
	}
	for d := 0; d < limit; d++ {
		scale := math.Pow10(d)
		if math.Abs(p*scale-math.Round(p*scale)) < 1e-6 {
			return d
		}
	}
	return limit
}

package recommend

import (
	"fmt"
	"math"
	"strings"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// knownPlaceholders are the names a rule text may use; each is filled from
// the evidence of the conditions that fired.
var knownPlaceholders = []string{
	"kpi", "value", "target", "by", "benchmark", "source", "period", "change", "reach",
	"topic", "level", "pillar", "score", "count", "largest", "kpis", "objectives",
}

// formatValue writes v in the KPI's unit: 21,5 % / 21.5% (14 %, 4,91 %: as few decimals as the figure has, up to 2), 1.234 € / €1,234,
// 45 días / 45 days, 7,5 meses / 7.5 months, 2,4× / 2.4×.
func formatValue(lang locale.Lang, u diagnostic.Unit, v float64, currency string) string {
	switch u {
	case diagnostic.UnitPercent:
		// As few decimals as the figure has (14 %, 6,2 %, 4,91 %), else one.
		for d := range 3 {
			scale := math.Pow(10, float64(d))
			if x := v * 100 * scale; math.Abs(x-math.Round(x)) < 1e-6 {
				return lang.Percent(v, d)
			}
		}
		return lang.Percent(v, 1)
	case diagnostic.UnitMoney:
		if currency == "" {
			return lang.Number(v, 0)
		}
		return lang.Money(v, currency, 0)
	case diagnostic.UnitDays:
		return lang.Number(v, 0) + lang.Pick(" días", " days")
	case diagnostic.UnitMonths:
		return lang.Auto(v, 1) + lang.Pick(" meses", " months")
	case diagnostic.UnitRatio:
		return lang.Auto(v, 1) + "×"
	case diagnostic.UnitCount:
		return lang.Number(v, 0)
	}
	return lang.Auto(v, 1)
}

// periodLabel writes a period for people: "mar 2024", "T1 2024", "2024".
func periodLabel(lang locale.Lang, p kpi.Period) string {
	switch p.Grain {
	case kpi.Quarter:
		return lang.Quarter(p.First.Year, p.First.Quarter())
	case kpi.Year:
		return fmt.Sprint(p.First.Year)
	}
	return lang.MonthYear(p.First.Year, p.First.Month)
}

// list joins names: "a, b y c" / "a, b and c".
func list(lang locale.Lang, names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + lang.Pick(" y ", " and ") + names[len(names)-1]
}

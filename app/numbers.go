package app

import (
	"fmt"
	"strings"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/importer/numparse"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// parseNumber reads a number typed in the interface language (1.234,5 in
// Spanish, 1,234.5 in English; a currency sign or % is accepted). For a
// percent unit a plain number is read as percentage points (21,5 → 0,215)
// and "21,5 %" the same way.
func parseNumber(l locale.Lang, s string, unit diagnostic.Unit) (float64, error) {
	f := numparse.PointComma
	if l == locale.ES {
		f = numparse.CommaDot
	}
	n, err := numparse.Parse(strings.TrimSpace(s), f)
	if err != nil {
		return 0, fmt.Errorf("%q: %w", s, diagnostic.ErrInvalid)
	}
	if unit == diagnostic.UnitPercent && !n.Percent {
		return n.Value / 100, nil
	}
	return n.Value, nil
}

// formatValue writes a KPI or input value in its unit for display.
func formatValue(l locale.Lang, unit diagnostic.Unit, v float64, currency string) string {
	return diagnostic.FormatValue(l, unit, v, currency)
}

// editValue writes a value the way parseNumber reads it back: no grouping
// surprises, percent as percentage points.
func editValue(l locale.Lang, unit diagnostic.Unit, v float64) string {
	if unit == diagnostic.UnitPercent {
		return l.Auto(v*100, 2) + l.Pick(" %", "%")
	}
	return l.Auto(v, 2)
}

// unitSuffix is how a unit is written after a number typed in a table
// cell: the currency's symbol, ×, days, months; "" for percentages (the
// text holds the %) and counts.
func unitSuffix(l locale.Lang, unit diagnostic.Unit, currency string) string {
	switch unit {
	case diagnostic.UnitMoney:
		if currency == "" {
			return ""
		}
		return strings.TrimFunc(l.Money(0, currency, 0), func(r rune) bool {
			return r == '0' || r == ' ' || r == '\u00a0' || r == '\u202f' || r == '-' || r == '\u2212'
		})
	case diagnostic.UnitRatio:
		return "×"
	case diagnostic.UnitDays:
		return l.Pick("días", "days")
	case diagnostic.UnitMonths:
		return l.Pick("meses", "months")
	}
	return ""
}

// withUnit is a column or row name with its unit in brackets, when it
// has one worth saying ("Monthly revenue (€)").
func withUnit(name string, l locale.Lang, unit diagnostic.Unit, currency string) string {
	if unit == diagnostic.UnitPercent {
		return name + " (%)"
	}
	if u := unitSuffix(l, unit, currency); u != "" {
		return name + " (" + u + ")"
	}
	return name
}

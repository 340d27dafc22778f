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

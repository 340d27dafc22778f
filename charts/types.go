package charts

import (
	"fmt"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// Type names a chart, as the command line's --type takes it.
type Type string

// The chart types.
const (
	TypeRadar     Type = "radar"
	TypePillars   Type = "pillars"
	TypeAlignment Type = "alignment"
	TypeTrend     Type = "trend"
	TypeFunnel    Type = "funnel"
	TypeScorecard Type = "scorecard"
	TypeWaterfall Type = "waterfall"
)

// allTypes lists every chart type in display order.
var allTypes = []Type{TypeRadar, TypePillars, TypeAlignment, TypeTrend, TypeFunnel, TypeScorecard, TypeWaterfall}

// Types returns a copy of the list above: callers may change it without
// changing it for everyone else.
func Types() []Type { return append([]Type(nil), allTypes...) }

// ParseType reads a chart type name; an unknown name is diagnostic.ErrInvalid.
func ParseType(s string) (Type, error) {
	for _, t := range allTypes {
		if string(t) == s {
			return t, nil
		}
	}
	return "", fmt.Errorf("chart type %q (use radar, pillars, alignment, trend, funnel, scorecard or waterfall): %w", s, diagnostic.ErrInvalid)
}

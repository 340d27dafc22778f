package app

import (
	"context"
	"errors"
	"strings"

	"github.com/revopsdx/revopsdx/charts"
	"github.com/revopsdx/revopsdx/diagnostic/report/chartset"
)

func ctxCanceled(err error) bool { return errors.Is(err, context.Canceled) }

// onSaveChart saves the chosen chart as PNG or SVG ("trend:<kpi>" is a
// KPI's trend; the others are chart types).
func (s *reportScreen) onSaveChart() {
	i := s.charts.SelectedIndex()
	if s.a == nil || i < 0 || i >= len(s.chartIDs) {
		return
	}
	a, id := s.a, s.chartIDs[i]
	typ, kpiID := charts.Type(id), ""
	if strings.HasPrefix(id, "trend:") {
		typ, kpiID = charts.TypeTrend, strings.TrimPrefix(id, "trend:")
	}
	s.u.saveChart(strings.ReplaceAll(id, ":", "-"), func(o charts.Options) ([]byte, error) {
		img, _, err := chartset.Render(a, typ, kpiID, o)
		return img, err
	})
}

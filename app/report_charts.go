package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/revopsdx/revopsdx/charts"
	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/report/chartset"
	"github.com/revopsdx/revopsdx/usecase"
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
	if id == "waterfall" {
		s.u.saveChart(id, s.drawWaterfall)
		return
	}
	typ, kpiID := charts.Type(id), ""
	if strings.HasPrefix(id, "trend:") {
		typ, kpiID = charts.TypeTrend, strings.TrimPrefix(id, "trend:")
	}
	s.u.saveChart(strings.ReplaceAll(id, ":", "-"), func(o charts.Options) ([]byte, error) {
		img, _, err := chartset.Render(a, typ, kpiID, o)
		return img, err
	})
}

// drawWaterfall draws the movement between the organisation's last two
// deals snapshots (issue 18) in the interface language.
func (s *reportScreen) drawWaterfall(o charts.Options) ([]byte, error) {
	ps, ok := s.u.db.(usecase.PipelineStore)
	if !ok {
		return nil, fmt.Errorf("this database cannot read deals snapshots: %w", diagnostic.ErrInvalid)
	}
	d, found, err := usecase.LatestPipelineDiff(context.Background(), ps, s.org.ID)
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, fmt.Errorf("%s has fewer than two deals snapshots: %w", s.org.Name, diagnostic.ErrNotFound)
	}
	o.Lang, o.Currency = s.a.Lang, d.Currency
	return charts.Waterfall(chartset.Waterfall(d, o.Lang), o)
}

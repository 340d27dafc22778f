package app

import (
	"context"
	"errors"
	"strings"

	"github.com/revopsdx/revopsdx/charts"
)

func ctxCanceled(err error) bool { return errors.Is(err, context.Canceled) }

// onSaveChart saves the chosen chart as PNG or SVG.
func (s *reportScreen) onSaveChart() {
	i := s.charts.SelectedIndex()
	if s.a == nil || i < 0 || i >= len(s.chartIDs) {
		return
	}
	a, id := s.a, s.chartIDs[i]
	s.u.saveChart(strings.ReplaceAll(id, ":", "-"), func(o charts.Options) ([]byte, error) {
		o.Lang, o.Currency = a.Lang, a.Snapshot.Profile.Currency
		switch {
		case id == "radar":
			return charts.Radar(radarData(a), o)
		case id == "pillars":
			return charts.PillarBars(pillarData(a), o)
		case id == "alignment":
			return charts.Alignment(alignmentData(a), o)
		}
		td, def, _ := trendData(a, strings.TrimPrefix(id, "trend:"))
		o.Unit = def.Unit
		return charts.Trend(td, o)
	})
}

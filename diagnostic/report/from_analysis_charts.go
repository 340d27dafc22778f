package report

import (
	"fmt"

	"github.com/revopsdx/revopsdx/diagnostic/analysis"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
)

// drawCharts asks draw for the report-wide charts and for the trend chart
// of each KPI off track or worsening. Nothing is drawn when draw is nil.
func drawCharts(d *Data, a *analysis.Analysis, draw ChartFunc, format ChartFormat) error {
	if draw == nil {
		return nil
	}
	if format == "" {
		format = ChartSVG
	}
	req := func(k ChartKind) ChartRequest {
		sz := chartSize[k]
		return ChartRequest{Kind: k, Lang: d.Lang, Width: sz[0], Height: sz[1], Format: format, Currency: d.Currency}
	}
	var err error
	if len(d.Pillars) > 0 {
		r := req(ChartRadar)
		r.Pillars = d.Pillars
		if d.Charts.Radar, err = draw(r); err != nil {
			return fmt.Errorf("radar chart: %w", err)
		}
		r.Kind, r.Width, r.Height = ChartPillars, chartSize[ChartPillars][0], chartSize[ChartPillars][1]
		if d.Charts.Pillars, err = draw(r); err != nil {
			return fmt.Errorf("pillar chart: %w", err)
		}
	}
	if len(d.Departments) >= 2 && len(d.Alignment) > 0 {
		r := req(ChartAlignment)
		r.Departments, r.Alignment = d.Departments, d.Alignment
		if d.Charts.Alignment, err = draw(r); err != nil {
			return fmt.Errorf("alignment chart: %w", err)
		}
	}
	for i := range d.KPIs {
		k := &d.KPIs[i]
		if k.Latest == nil || k.Status != StatusOffTrack && k.Trend != TrendWorsening {
			continue
		}
		r := req(ChartKPITrend)
		r.KPI = k
		r.Series = seriesOf(a.Series(k.ID))
		if k.Chart, err = draw(r); err != nil {
			return fmt.Errorf("trend chart of %s: %w", k.ID, err)
		}
	}
	return nil
}

// seriesOf turns a KPI's monthly rows into chart points.
func seriesOf(rows []kpi.Row) []SeriesPoint {
	out := make([]SeriesPoint, len(rows))
	for i, r := range rows {
		out[i] = SeriesPoint{Month: r.Of.First, Value: r.PeriodValue} // the month itself, not its evidence window
		if r.Target != nil {
			t := r.Target.Value
			out[i].Target = &t
		}
	}
	return out
}

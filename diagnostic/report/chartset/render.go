package chartset

import (
	"fmt"

	"github.com/revopsdx/revopsdx/charts"
	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/analysis"
	"github.com/revopsdx/revopsdx/diagnostic/report"
)

// Render draws one chart of the analysis: typ is a chart type, kpiID the
// KPI of a trend or scorecard (ignored by the others). o.Lang defaults to
// the analysis's language and o.Currency to the organisation's; o.Unit is
// set from the KPI. hasData is false when the image is the "no data" one.
// An unknown KPI is diagnostic.ErrNotFound; a trend or scorecard without a
// KPI, or bad options, diagnostic.ErrInvalid.
func Render(a *analysis.Analysis, typ charts.Type, kpiID string, o charts.Options) (img []byte, hasData bool, err error) {
	if !o.Lang.Valid() {
		o.Lang = a.Lang
	}
	if o.Currency == "" {
		o.Currency = a.Snapshot.Profile.Currency
	}
	if (typ == charts.TypeTrend || typ == charts.TypeScorecard) && kpiID == "" {
		return nil, false, fmt.Errorf("a %s chart needs a KPI: %w", typ, diagnostic.ErrInvalid)
	}
	switch typ {
	case charts.TypeRadar:
		d := Radar(a)
		img, err = charts.Radar(d, o)
		hasData = d.HasData()
	case charts.TypePillars:
		d := Pillars(a)
		img, err = charts.PillarBars(d, o)
		hasData = d.HasData()
	case charts.TypeAlignment:
		d := Alignment(a)
		img, err = charts.Alignment(d, o)
		hasData = d.HasData()
	case charts.TypeTrend:
		d, def, kerr := Trend(a, kpiID)
		if kerr != nil {
			return nil, false, kerr
		}
		o.Unit = def.Unit
		img, err = charts.Trend(d, o)
		hasData = d.HasData()
	case charts.TypeFunnel:
		d := Funnel(a)
		img, err = charts.Funnel(d, o)
		hasData = d.HasData()
	case charts.TypeScorecard:
		d, def, kerr := Tile(a, kpiID)
		if kerr != nil {
			return nil, false, kerr
		}
		o.Unit = def.Unit
		img, err = charts.Scorecard(d, o)
		hasData = d.HasData()
	case charts.TypeWaterfall:
		// Pipeline movement comes from dated deals snapshots, which an
		// analysis does not hold: callers with a store draw it from
		// usecase.PipelineDiff (see pipelinechart); here it has no data.
		img, err = charts.Waterfall(charts.WaterfallData{}, o)
	default:
		_, err = charts.ParseType(string(typ))
		return nil, false, err
	}
	if err != nil {
		return nil, false, fmt.Errorf("drawing the %s chart: %w", typ, err)
	}
	return img, hasData, nil
}

// ReportScale is how many image pixels the report's charts get per pixel
// of the size it asks for (at the matching DPI, so they look the same,
// only sharper on paper). 1.5 puts a trend chart at about 230 dpi on
// paper: sharp in print, and a third lighter and faster than 2 (issue 15:
// the demo PDF went from 1.2 MB to under 1 MB).
const ReportScale = 1.5

// ForReport returns the report's chart hook for report.Meta.Charts: it
// draws each chart the report asks for from a, as PNG in the report's
// language, light theme, at ReportScale times the requested size. Charts
// without data are left out (nil image).
func ForReport(a *analysis.Analysis) report.ChartFunc {
	return func(req report.ChartRequest) ([]byte, error) {
		o := charts.Options{Width: int(float64(req.Width) * ReportScale), Height: int(float64(req.Height) * ReportScale), DPI: 96 * ReportScale,
			Lang: req.Lang, Format: charts.PNG, Currency: req.Currency}
		if req.Format == report.ChartSVG {
			// Vector: the size only sets the proportions of text to chart.
			o.Width, o.Height, o.DPI, o.Format = req.Width, req.Height, 96, charts.SVG
		}
		var typ charts.Type
		id := ""
		switch req.Kind {
		case report.ChartRadar:
			typ = charts.TypeRadar
		case report.ChartPillars:
			typ = charts.TypePillars
		case report.ChartAlignment:
			typ = charts.TypeAlignment
		case report.ChartKPITrend:
			if req.KPI == nil {
				return nil, nil
			}
			typ, id = charts.TypeTrend, req.KPI.ID
		default:
			return nil, nil
		}
		img, ok, err := Render(a, typ, id, o)
		if err != nil || !ok {
			return nil, err
		}
		return img, nil
	}
}

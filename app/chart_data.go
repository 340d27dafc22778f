package app

import (
	"github.com/revopsdx/revopsdx/charts"
	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/analysis"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
	"github.com/revopsdx/revopsdx/diagnostic/report"
)

// This file maps an analysis to chart inputs for the KPI detail, the
// report and "save chart". It is the one place to swap for the shared
// mapping package (chartset) once it lands.

// trendData is a KPI's monthly history with outliers, the target as steps
// where it changes and the benchmark cited as everywhere else.
func trendData(a *analysis.Analysis, id string) (charts.TrendData, kpi.Def, bool) {
	def, ok := a.Catalogue.Def(id)
	if !ok {
		return charts.TrendData{}, def, false
	}
	d := charts.TrendData{Title: def.Name(a.Lang)}
	var last *float64
	for _, r := range a.Series(id) {
		p := charts.Point{Month: r.Of.First, Value: r.Value}
		if r.Trend != nil {
			p.Outlier = r.Trend.Outlier
		}
		d.Points = append(d.Points, p)
		if r.Target != nil && (last == nil || *last != r.Target.Value) {
			v := r.Target.Value
			last = &v
			d.Targets = append(d.Targets, charts.TargetStep{From: r.Of.First, Value: v})
		}
		if d.Benchmark == nil && r.Benchmark != nil {
			src := r.Benchmark.Source
			if r.Match != nil {
				src = r.Match.Cite(a.Lang)
			}
			d.Benchmark = &charts.Benchmark{P25: r.Benchmark.P25, Median: r.Benchmark.Median, P75: r.Benchmark.P75, Source: src}
		}
	}
	return d, def, true
}

// radarData is the pillar radar of the latest assessment, with the
// previous one as an outline.
func radarData(a *analysis.Analysis) charts.RadarData {
	var d charts.RadarData
	for _, p := range a.Questionnaire.Pillars {
		d.Axes = append(d.Axes, p.Name.In(a.Lang))
	}
	if a.Result != nil {
		d.Series = append(d.Series, charts.Series{Name: a.Lang.Date(a.Assessment.Date), Values: pillarScores(a, a.Result), Kind: charts.Primary})
	}
	if a.PreviousResult != nil {
		d.Series = append(d.Series, charts.Series{Name: a.Lang.Date(a.Previous.Date), Values: pillarScores(a, a.PreviousResult), Kind: charts.Earlier})
	}
	return d
}

// pillarData is the pillar bars with the previous scores as markers.
func pillarData(a *analysis.Analysis) charts.PillarData {
	var d charts.PillarData
	var cur, prev []*float64
	if a.Result != nil {
		cur, d.CurrentLabel = pillarScores(a, a.Result), a.Lang.Date(a.Assessment.Date)
	}
	if a.PreviousResult != nil {
		prev, d.EarlierLabel = pillarScores(a, a.PreviousResult), a.Lang.Date(a.Previous.Date)
	}
	for i, p := range a.Questionnaire.Pillars {
		ps := charts.PillarScore{Name: p.Name.In(a.Lang)}
		if cur != nil {
			ps.Score = cur[i]
		}
		if prev != nil {
			ps.Earlier = prev[i]
		}
		d.Pillars = append(d.Pillars, ps)
	}
	return d
}

// alignmentData is each department's pillar scores, gaps flagged.
func alignmentData(a *analysis.Analysis) charts.AlignmentData {
	var d charts.AlignmentData
	for _, p := range a.Questionnaire.Pillars {
		d.Pillars = append(d.Pillars, p.Name.In(a.Lang))
		flagged := false
		if a.Result != nil {
			for _, g := range a.Result.Gaps {
				flagged = flagged || g.Pillar == p.ID
			}
		}
		d.Flagged = append(d.Flagged, flagged)
	}
	if a.Result == nil || len(a.Result.Departments) < 2 {
		return d
	}
	for _, dep := range a.Result.Departments {
		ds := charts.DepartmentScores{Name: a.Questionnaire.DepartmentName(dep, a.Lang)}
		for _, p := range a.Questionnaire.Pillars {
			var v *float64
			if pr := a.Result.Pillar(p.ID); pr != nil {
				if x, ok := pr.Departments[dep]; ok {
					v = &x
				}
			}
			ds.Scores = append(ds.Scores, v)
		}
		d.Departments = append(d.Departments, ds)
	}
	return d
}

func pillarScores(a *analysis.Analysis, r *diagnostic.Result) []*float64 {
	out := make([]*float64, len(a.Questionnaire.Pillars))
	for i, p := range a.Questionnaire.Pillars {
		if pr := r.Pillar(p.ID); pr != nil {
			out[i] = pr.Score
		}
	}
	return out
}

// reportScale is how many image pixels the report's charts get per pixel
// it asks for, at the matching DPI.
const reportScale = 2

// reportCharts is the report's chart hook: every chart the report asks
// for, drawn from a in the report's language (light theme). Charts
// without data are left out.
func reportCharts(a *analysis.Analysis) report.ChartFunc {
	return func(req report.ChartRequest) ([]byte, error) {
		o := charts.Options{Width: req.Width * reportScale, Height: req.Height * reportScale, DPI: 96 * reportScale, Lang: req.Lang, Currency: req.Currency}
		switch req.Kind {
		case report.ChartRadar:
			d := radarData(a)
			if !d.HasData() {
				return nil, nil
			}
			return charts.Radar(d, o)
		case report.ChartPillars:
			d := pillarData(a)
			if !d.HasData() {
				return nil, nil
			}
			return charts.PillarBars(d, o)
		case report.ChartAlignment:
			d := alignmentData(a)
			if !d.HasData() {
				return nil, nil
			}
			return charts.Alignment(d, o)
		case report.ChartKPITrend:
			if req.KPI == nil {
				return nil, nil
			}
			d, def, ok := trendData(a, req.KPI.ID)
			if !ok || !d.HasData() {
				return nil, nil
			}
			o.Unit = def.Unit
			return charts.Trend(d, o)
		}
		return nil, nil
	}
}

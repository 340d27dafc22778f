package chartset

import (
	"fmt"

	"github.com/revopsdx/revopsdx/charts"
	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/analysis"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
)

// Radar is the maturity radar: the seven pillars in questionnaire order,
// the latest assessment filled and the previous one as an outline. Without
// an assessment it has no data.
func Radar(a *analysis.Analysis) charts.RadarData {
	var d charts.RadarData
	for _, p := range a.Questionnaire.Pillars {
		d.Axes = append(d.Axes, p.Name.In(a.Lang))
	}
	if a.Result == nil {
		return d
	}
	d.Series = append(d.Series, charts.Series{Name: assessmentLabel(a, a.Assessment), Values: pillarScores(a, a.Result), Kind: charts.Primary})
	if a.PreviousResult != nil {
		d.Series = append(d.Series, charts.Series{Name: assessmentLabel(a, a.Previous), Values: pillarScores(a, a.PreviousResult), Kind: charts.Earlier})
	}
	return d
}

// Pillars is the pillar-score bars, with the previous assessment as
// markers.
func Pillars(a *analysis.Analysis) charts.PillarData {
	var d charts.PillarData
	var cur, prev []*float64
	if a.Result != nil {
		cur = pillarScores(a, a.Result)
		d.CurrentLabel = assessmentLabel(a, a.Assessment)
	}
	if a.PreviousResult != nil {
		prev = pillarScores(a, a.PreviousResult)
		d.EarlierLabel = assessmentLabel(a, a.Previous)
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

// Alignment is each department's score per pillar, pillars with an
// alignment gap flagged. With fewer than two departments it has no data:
// there is nothing to compare.
func Alignment(a *analysis.Analysis) charts.AlignmentData {
	var d charts.AlignmentData
	for _, p := range a.Questionnaire.Pillars {
		d.Pillars = append(d.Pillars, p.Name.In(a.Lang))
	}
	if a.Result == nil || len(a.Result.Departments) < 2 {
		return d
	}
	byID := map[string]diagnostic.PillarResult{}
	for _, p := range a.Result.Pillars {
		byID[p.ID] = p
	}
	for _, dep := range a.Result.Departments {
		ds := charts.DepartmentScores{Name: a.Questionnaire.DepartmentName(dep, a.Lang)}
		for _, p := range a.Questionnaire.Pillars {
			var v *float64
			if x, ok := byID[p.ID].Departments[dep]; ok {
				v = &x
			}
			ds.Scores = append(ds.Scores, v)
		}
		d.Departments = append(d.Departments, ds)
	}
	for _, p := range a.Questionnaire.Pillars {
		flagged := false
		for _, g := range a.Result.Gaps {
			flagged = flagged || g.Pillar == p.ID
		}
		d.Flagged = append(d.Flagged, flagged)
	}
	return d
}

// Trend is a KPI's monthly history over the analysis's months: values with
// outliers marked, the target as steps where it changes, and the benchmark.
// An unknown KPI is diagnostic.ErrNotFound.
func Trend(a *analysis.Analysis, id string) (charts.TrendData, kpi.Def, error) {
	def, ok := a.Catalogue.Def(id)
	if !ok {
		return charts.TrendData{}, def, unknownKPI(id)
	}
	d := charts.TrendData{Title: def.Name(a.Lang)}
	var last *float64
	windowed := false // some month is judged over more than itself
	for _, r := range a.Series(id) {
		p := charts.Point{Month: r.Of.First, Value: r.PeriodValue} // the month itself, not its evidence window
		if rule, ok := kpi.SampleRules[r.KPI]; ok && rule.Rate && r.PeriodSample != nil {
			p.Small = *r.PeriodSample < rule.Min
			if r.Insufficient == nil && r.Value != nil {
				p.Judged = r.Value // the verdict's value, over its window
				windowed = windowed || r.Window.From != r.Window.To
			}
		}
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
			d.Benchmark = benchmark(a, r)
		}
	}
	if !windowed { // every verdict rests on its own month: one line
		for i := range d.Points {
			d.Points[i].Judged = nil
		}
	}
	return d, def, nil
}

// Tile is a KPI's scorecard tile: its latest value, the month before, the
// target in force and the benchmark. An unknown KPI is
// diagnostic.ErrNotFound.
func Tile(a *analysis.Analysis, id string) (charts.TileData, kpi.Def, error) {
	def, ok := a.Catalogue.Def(id)
	if !ok {
		return charts.TileData{}, def, unknownKPI(id)
	}
	d := charts.TileData{Title: def.Name(a.Lang), Direction: def.Direction}
	r, ok := a.Latest(id)
	if !ok || r.Value == nil {
		return d, def, nil
	}
	d.Month, d.Value = r.Of.First, r.Value
	for _, s := range a.Series(id) {
		if s.Of.First == r.Of.First.Add(-1) {
			d.Previous = s.Value
		}
	}
	if r.Target != nil {
		t := r.Target.Value
		d.Target = &t
	}
	if r.Benchmark != nil {
		d.Benchmark = benchmark(a, r)
	}
	return d, def, nil
}

// FunnelMonths is how many months, ending with the latest month of KPI
// data, the funnel adds up.
const FunnelMonths = 3

// Funnel is leads → MQL → SQL → opportunities → won over the last
// FunnelMonths months of data: leads and won deals from the KPI rows
// (records or typed values), MQLs, SQLs and opportunities from the typed
// monthly inputs. A stage without any value in those months has no data.
func Funnel(a *analysis.Analysis) charts.FunnelData {
	if !a.HasKPIData {
		return charts.StandardFunnel(nil, nil, nil, nil, nil)
	}
	from := a.To.Add(1 - FunnelMonths)
	in := func(m diagnostic.Month) bool { return !m.Before(from) && !a.To.Before(m) }
	sumKPI := func(id string) *float64 {
		var s *float64
		for _, r := range a.Series(id) {
			if in(r.Of.First) && r.Value != nil {
				s = add(s, *r.Value)
			}
		}
		return s
	}
	sumInput := func(metric string) *float64 {
		var s *float64
		for _, o := range a.Snapshot.Observations {
			if o.Metric == metric && in(o.Month) {
				s = add(s, o.Value)
			}
		}
		return s
	}
	d := charts.StandardFunnel(sumKPI("leads"), sumInput("mqls"), sumInput("sqls"), sumInput("opportunities"), sumKPI("deals_won"))
	d.Title = fmt.Sprintf("%s · %s – %s", a.Lang.Pick("Embudo comercial", "Sales funnel"),
		a.Lang.MonthYear(from.Year, from.Month), a.Lang.MonthYear(a.To.Year, a.To.Month))
	return d
}

func add(s *float64, v float64) *float64 {
	if s == nil {
		return &v
	}
	x := *s + v
	return &x
}

// pillarScores lists a result's pillar scores in questionnaire order.
func pillarScores(a *analysis.Analysis, r *diagnostic.Result) []*float64 {
	out := make([]*float64, len(a.Questionnaire.Pillars))
	for i, p := range a.Questionnaire.Pillars {
		for _, pr := range r.Pillars {
			if pr.ID == p.ID {
				out[i] = pr.Score
			}
		}
	}
	return out
}

// assessmentLabel names an assessment by its date in the locale.
func assessmentLabel(a *analysis.Analysis, as *diagnostic.Assessment) string {
	if as == nil {
		return ""
	}
	return a.Lang.Date(as.Date)
}

// benchmark is a row's benchmark with its source quoted as everywhere
// else (kpi.Benchmark.Cite).
func benchmark(a *analysis.Analysis, r kpi.Row) *charts.Benchmark {
	b := r.Benchmark
	src := b.Source
	if r.Match != nil {
		src = r.Match.Cite(a.Lang)
	}
	return &charts.Benchmark{P25: b.P25, Median: b.Median, P75: b.P75, Source: src}
}

func unknownKPI(id string) error {
	return fmt.Errorf("unknown KPI %q: %w", id, diagnostic.ErrNotFound)
}

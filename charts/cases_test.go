package charts

import (
	"math"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// chartCase is one input of one chart, drawn to a canvas so that tests can
// inspect the placed labels as well as the bytes.
type chartCase struct {
	name  string
	empty bool // expected to give the "no data" image
	draw  func(o Options) (*canvas, error)
}

// cases covers every chart with typical data, empty data, a single point,
// negative and extreme values and long series (24 and 60 periods).
func cases(l locale.Lang) []chartCase {
	money := func(o Options) Options { o.Unit, o.Currency = diagnostic.UnitMoney, "EUR"; return o }
	pct := func(o Options) Options { o.Unit = diagnostic.UnitPercent; return o }
	trendN := func(n int) TrendData { return sampleRevenue(l, n) }
	singleRadar := RadarData{Axes: pillarNames(l)[:1], Series: []Series{{Values: fs(40), Kind: Primary}}}
	wild := RadarData{Axes: pillarNames(l), Series: []Series{{Values: []*float64{F(-20), F(1e9), F(math.NaN()), F(math.Inf(1)), nil, F(0), F(100)}, Kind: Primary}}}
	negPillars := PillarData{Pillars: []PillarScore{{Name: pillarNames(l)[5], Score: F(-10)}, {Name: pillarNames(l)[6], Score: F(250), Earlier: F(-5)}}}
	return []chartCase{
		{"radar", false, func(o Options) (*canvas, error) { return radar(sampleRadar(l, true), o) }},
		{"radar-empty", true, func(o Options) (*canvas, error) { return radar(RadarData{Axes: pillarNames(l)}, o) }},
		{"radar-single", false, func(o Options) (*canvas, error) { return radar(singleRadar, o) }},
		{"radar-extreme", false, func(o Options) (*canvas, error) { return radar(wild, o) }},
		{"pillars", false, func(o Options) (*canvas, error) { return pillarBars(samplePillars(l, true), o) }},
		{"pillars-empty", true, func(o Options) (*canvas, error) { return pillarBars(PillarData{}, o) }},
		{"pillars-single", false, func(o Options) (*canvas, error) {
			return pillarBars(PillarData{Pillars: samplePillars(l, false).Pillars[:1]}, o)
		}},
		{"pillars-extreme", false, func(o Options) (*canvas, error) { return pillarBars(negPillars, o) }},
		{"alignment", false, func(o Options) (*canvas, error) { return alignment(sampleAlignment(l), o) }},
		{"alignment-empty", true, func(o Options) (*canvas, error) { return alignment(AlignmentData{Pillars: pillarNames(l)}, o) }},
		{"alignment-single", false, func(o Options) (*canvas, error) {
			return alignment(AlignmentData{Pillars: pillarNames(l)[:1], Departments: []DepartmentScores{{Name: "X", Scores: fs(50)}}}, o)
		}},
		{"alignment-extreme", false, func(o Options) (*canvas, error) {
			return alignment(AlignmentData{Pillars: pillarNames(l)[:2], Departments: []DepartmentScores{{Name: "A", Scores: fs(0, 100)}, {Name: "B", Scores: []*float64{F(-50), F(1e6)}}}, Flagged: []bool{true, true}}, o)
		}},
		{"trend-12", false, func(o Options) (*canvas, error) { return trend(sampleWinRate(l), pct(o)) }},
		{"trend-24", false, func(o Options) (*canvas, error) { return trend(trendN(24), money(o)) }},
		{"trend-60", false, func(o Options) (*canvas, error) { return trend(trendN(60), money(o)) }},
		{"trend-120", false, func(o Options) (*canvas, error) { return trend(sampleLeads(l, 120), o) }},
		{"trend-empty", true, func(o Options) (*canvas, error) {
			return trend(TrendData{Title: "KPI", Points: []Point{{Month: start}}}, o)
		}},
		{"trend-single", false, func(o Options) (*canvas, error) {
			d := sampleWinRate(l)
			d.Points = d.Points[:1]
			return trend(d, pct(o))
		}},
		{"trend-negative", false, func(o Options) (*canvas, error) { return trend(sampleNetProfit(l), money(o)) }},
		{"trend-extreme", false, func(o Options) (*canvas, error) { return trend(sampleExtreme(l), money(o)) }},
		{"trend-overflow", false, func(o Options) (*canvas, error) {
			// ±1e300 are dropped as input errors; the ordinary points remain.
			return trend(TrendData{Title: "X", Points: []Point{{Month: start, Value: F(1e300)}, {Month: start.Add(1), Value: F(-1e300)}, {Month: start.Add(2), Value: F(5)}, {Month: start.Add(3), Value: F(7)}}}, o)
		}},
		{"trend-overflow-only", true, func(o Options) (*canvas, error) {
			return trend(TrendData{Title: "X", Points: []Point{{Month: start, Value: F(math.MaxFloat64)}, {Month: start.Add(1), Value: F(math.Inf(-1))}}}, o)
		}},
		{"trend-flat-zero", false, func(o Options) (*canvas, error) {
			return trend(TrendData{Title: "0", Points: []Point{{Month: start, Value: F(0)}, {Month: start.Add(1), Value: F(0)}}}, o)
		}},
		{"funnel", false, func(o Options) (*canvas, error) {
			return funnel(StandardFunnel(F(4200), F(1350), F(520), F(210), F(48)), o)
		}},
		{"funnel-empty", true, func(o Options) (*canvas, error) { return funnel(StandardFunnel(nil, nil, nil, nil, nil), o) }},
		{"funnel-single", false, func(o Options) (*canvas, error) {
			return funnel(FunnelData{Stages: []Stage{{Key: "leads", Value: F(10)}}}, o)
		}},
		{"funnel-extreme", false, func(o Options) (*canvas, error) { return funnel(StandardFunnel(F(2.5e12), F(1), F(0), nil, F(-5)), o) }},
		{"tile", false, func(o Options) (*canvas, error) { return scorecard(sampleTiles(l)[0], pct(o)) }},
		{"tile-lower-better", false, func(o Options) (*canvas, error) { return scorecard(sampleTiles(l)[1], money(o)) }},
		{"tile-empty", true, func(o Options) (*canvas, error) { return scorecard(TileData{Title: "NPS"}, o) }},
		{"tile-extreme", false, func(o Options) (*canvas, error) {
			return scorecard(TileData{Title: "X", Value: F(-9.87e14), Previous: F(0), Target: F(1), Benchmark: &Benchmark{P25: F(5), P75: F(5)}}, money(o))
		}},
	}
}

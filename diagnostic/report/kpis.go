package report

import (
	"fmt"
	"strings"

	"github.com/johnfercher/maroto/v2/pkg/consts/align"
	"github.com/johnfercher/maroto/v2/pkg/core"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// kpis draws the scorecard of the KPI plan and the trend charts of the KPIs
// that are off track or worsening.
func (d *doc) kpis() {
	d.section(SectionKPIs)
	t, f := d.t, d.f
	d.para(t.T("kpis.intro"))
	d.add(spacer(2))
	cols := []column{
		{t.T("col.kpi"), 22, align.Left},
		{t.T("col.latest"), 15, align.Right},
		{t.T("col.target"), 12, align.Right},
		{t.T("col.benchmark"), 27, align.Left},
		{t.T("col.status"), 12, align.Left},
		{t.T("col.trend"), 12, align.Left},
	}
	right := stCell.aligned(align.Right)
	var rows [][]cell
	for _, k := range d.d.KPIs {
		period := ""
		if k.Latest != nil && !k.Period.IsZero() {
			period = f.lang.MonthYear(k.Period.Year, k.Period.Month)
			if !k.From.IsZero() && k.From.Before(k.Period) { // judged over a longer window
				from := f.lang.MonthYear(k.From.Year, k.From.Month)
				if k.From.Year == k.Period.Year {
					from = strings.TrimSuffix(from, " "+fmt.Sprint(k.Period.Year))
				}
				period = from + "–" + period
			}
		}
		latest := twoLines(right, f.optValue(k.Latest, k.Unit, k.Currency), period)
		latest[len(latest)-1] = alignLast(latest, period)
		if k.Latest != nil && k.Interval != nil { // the 90 % interval of a rate
			latest = append(latest, alignLast(latest, f.lang.Percent(0.9, 0)+": "+f.interval(*k.Interval, k.Unit)))
		}
		rows = append(rows, []cell{
			twoLines(stCellB, k.Name, k.Owner),
			latest,
			{right.t(f.optValue(k.Target, k.Unit, k.Currency))},
			twoLines(stCell, f.benchmark(k.Benchmark, k.Unit, k.Currency), f.source(k.Benchmark)),
			tcolour(f.status(k.Status), statusColour(k.Status), true),
			tcolour(f.trend(k.Trend), trendColour(k.Trend), false),
		})
	}
	d.table(cols, bodyRows(rows))

	var figs []figure
	for _, k := range d.d.KPIs {
		if len(k.Chart) > 0 && (k.Status == StatusOffTrack || k.Trend == TrendWorsening) {
			figs = append(figs, figure{png: k.Chart, caption: f.status(k.Status) + " · " + f.trend(k.Trend)})
		}
	}
	if len(figs) == 0 {
		return
	}
	d.sub(t.T("kpis.trends"), 70)
	d.para(t.T("kpis.trends_intro"))
	d.add(spacer(2))
	d.figures(2, 1, figs...)
}

// interval writes a 90 % interval compactly, whole units: "7–26 %" for a
// rate, "−3–37" for a score.
func (f formatter) interval(iv [2]float64, unit diagnostic.Unit) string {
	if unit == diagnostic.UnitPercent {
		return f.lang.Number(100*iv[0], 0) + "–" + f.lang.Percent(iv[1], 0)
	}
	return f.lang.Number(iv[0], 0) + "–" + f.lang.Number(iv[1], 0)
}

// alignLast returns the last component of a two-line cell, right-aligned
// when the cell has a second line.
func alignLast(c cell, sub string) core.Component {
	if sub == "" {
		return c[len(c)-1]
	}
	s := stSmall.aligned(align.Right)
	s.top, s.bot = 0, 1.4
	return s.t(sub)
}

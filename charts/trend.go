package charts

import (
	"math"
	"slices"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// Point is one period of a KPI trend; a nil Value is a period without data
// (the line breaks there). Outlier marks a value the trend analysis flagged.
type Point struct {
	Month   diagnostic.Month
	Value   *float64
	Outlier bool
	// Small marks a value resting on fewer observations than its KPI needs
	// for a verdict (docs/METHOD.md): drawn as a hollow marker.
	Small bool
	// Judged is the value the verdict rests on at this month: a rate over
	// the trailing window that holds enough observations (docs/METHOD.md).
	// When any point has one, it is the chart's main line and labelled last;
	// the months' own values become a thin line beside it, so that a month
	// of 11 lost deals reads as the noise it is, not as "0 %".
	Judged *float64
}

// TargetStep is a target value that applies from a month on, until the next
// step. One step draws a target line; several draw a step line.
type TargetStep struct {
	From  diagnostic.Month
	Value float64
}

// Benchmark is a published benchmark: the 25th and 75th percentiles (drawn
// as a band) and the median (a line), with its source in small print. Any
// of the three may be nil.
type Benchmark struct {
	P25, Median, P75 *float64
	// Source names the publication and year ("OpenView SaaS Benchmarks 2025").
	Source string
}

// TrendData is the input of a KPI trend chart.
type TrendData struct {
	// Title is the KPI's name ("Tasa de cierre"); "-" draws none.
	Title string
	// Name labels the series in the legend (default: the title).
	Name      string
	Points    []Point
	Targets   []TargetStep
	Benchmark *Benchmark
}

const trendW, trendH = 820, 440

// Trend draws a KPI by month: the value line with markers, the target as a
// line or a step line, the benchmark band p25–p75 with its median and
// source, outliers ringed and the last value labelled. Months are named in
// the chosen language and thinned out so that labels never overlap.
func Trend(d TrendData, o Options) ([]byte, error) {
	return encode(trend(d, o))
}

func trend(d TrendData, o Options) (*canvas, error) {
	o, err := o.normalise(trendW, trendH)
	if err != nil {
		return nil, err
	}
	title := d.Title
	if title == "-" {
		title = ""
	}
	pts := slices.Clone(d.Points)
	slices.SortStableFunc(pts, func(a, b Point) int { return a.Month.Index() - b.Month.Index() })
	var present []Point
	for _, p := range pts {
		if _, ok := finite(p.Value); ok {
			present = append(present, p)
		}
	}
	if len(present) == 0 {
		return noData(o, title)
	}
	c, err := newCanvas(o)
	if err != nil {
		return nil, err
	}
	f := o.formatter()
	first, last := pts[0].Month.Index(), pts[len(pts)-1].Month.Index()

	// Values that the y axis must show.
	ys := make([]float64, 0, 2*len(present)+len(d.Targets)+3)
	var judged []Point // the points with a judged value, as points of Value
	for _, p := range present {
		ys = append(ys, *p.Value)
	}
	for _, p := range pts {
		if v, ok := finite(p.Judged); ok {
			ys = append(ys, v)
			judged = append(judged, Point{Month: p.Month, Value: &v})
		}
	}
	targets := slices.Clone(d.Targets)
	slices.SortStableFunc(targets, func(a, b TargetStep) int { return a.From.Index() - b.From.Index() })
	targets = slices.DeleteFunc(targets, func(t TargetStep) bool {
		_, ok := finite(&t.Value)
		return !ok
	})
	for _, t := range targets {
		if t.From.Index() <= last {
			ys = append(ys, t.Value)
		}
	}
	var p25, med, p75 float64
	var hasP25, hasMed, hasP75 bool
	if bm := d.Benchmark; bm != nil {
		p25, hasP25 = finite(bm.P25)
		med, hasMed = finite(bm.Median)
		p75, hasP75 = finite(bm.P75)
		for _, v := range []struct {
			v  float64
			ok bool
		}{{p25, hasP25}, {med, hasMed}, {p75, hasP75}} {
			if v.ok {
				ys = append(ys, v.v)
			}
		}
	}
	hasBand := hasP25 && hasP75

	// Legend and note.
	var legend []legendItem
	seriesCol := c.th.series[0]
	targetCol := c.th.series[3] // reddish purple: apart from the outliers' vermillion
	name := d.Name
	if name == "" {
		name = nameOr(title, o, "trend.value")
	}
	monthCol := seriesCol // the months' own values
	if len(judged) > 0 {
		monthCol = c.th.muted
		legend = append(legend, legendItem{label: name + " · " + tr(o.Lang, "trend.judged"), color: seriesCol, kind: swatchLine},
			legendItem{label: tr(o.Lang, "trend.monthly"), color: monthCol, kind: swatchLine})
	} else if len(targets) > 0 || hasBand || hasMed {
		legend = append(legend, legendItem{label: name, color: seriesCol, kind: swatchLine})
	}
	if len(targets) > 0 {
		legend = append(legend, legendItem{label: tr(o.Lang, "trend.target"), color: targetCol, kind: swatchDash})
	}
	if hasBand {
		legend = append(legend, legendItem{label: tr(o.Lang, "trend.benchmark"), color: c.th.band, kind: swatchBand})
	}
	if hasMed {
		legend = append(legend, legendItem{label: tr(o.Lang, "trend.median"), color: c.th.muted, kind: swatchDash})
	}
	outliers := false
	for _, p := range present {
		outliers = outliers || p.Outlier
	}
	if outliers {
		legend = append(legend, legendItem{label: tr(o.Lang, "trend.outlier"), color: c.th.bad, kind: swatchMarker, shape: shapeDiamond})
	}
	small := false
	for _, p := range present {
		small = small || p.Small && !p.Outlier
	}
	if small {
		legend = append(legend, legendItem{label: tr(o.Lang, "trend.small"), color: monthCol, kind: swatchMarker, shape: shapeCircle, hollow: true})
	}
	note := ""
	if d.Benchmark != nil && d.Benchmark.Source != "" && (hasBand || hasMed) {
		note = tr(o.Lang, "trend.source") + ": " + d.Benchmark.Source
	}
	b := c.frame(title, legend, note)

	// Y axis: round ticks over every value to show, from zero (or to zero
	// for a series below it), so that the height of the line is its size:
	// a 60-to-72-day cycle does not look like a fivefold change.
	lo, hi := min(slices.Min(ys), 0), max(slices.Max(ys), 0)
	nTicks := max(3, min(7, int(b.h/c.px(48))))
	ticks, step := niceTicks(lo, hi, nTicks)
	top := max(math.Abs(ticks[0]), math.Abs(ticks[len(ticks)-1]))
	ts := textStyle{size: smallSize, color: c.th.muted}
	labelW := 0.0
	tickText := make([]string, len(ticks))
	for i, t := range ticks {
		tickText[i] = f.tick(t, step, top)
		if i == len(ticks)-1 {
			tickText[i] += f.axisUnit() // "80 días": the axis says what it counts
		}
		labelW = max(labelW, c.measure(tickText[i], ts))
	}
	labelled := present // the line whose last value is labelled
	if len(judged) > 0 {
		labelled = judged
	}
	lastVal := *labelled[len(labelled)-1].Value
	lastText := f.label(lastVal)
	vs := textStyle{size: valueSize, bold: true, color: seriesCol}
	xLabelH := 2*c.lineHeight(smallSize) + c.px(6)
	plot := box{x: b.x + labelW + c.px(8), y: b.y + c.px(6)}
	plot.w = b.right() - plot.x - c.measure(lastText, vs) - c.px(14)
	plot.h = b.bottom() - plot.y - xLabelH
	if plot.w < c.px(20) || plot.h < c.px(20) {
		plot.w, plot.h = max(plot.w, c.px(20)), max(plot.h, c.px(20))
	}
	yOf := func(v float64) float64 {
		return plot.bottom() - (v-ticks[0])/(ticks[len(ticks)-1]-ticks[0])*plot.h
	}
	// Months sit in the middle of equal slots, so one month is centred.
	slots := float64(last - first + 1)
	xOf := func(idx int) float64 {
		return plot.x + (float64(idx-first)+0.5)/slots*plot.w
	}

	// Benchmark band and gridlines under the data.
	if hasBand {
		y0, y1 := yOf(max(p25, p75)), yOf(min(p25, p75))
		c.rect(plot.x, y0, plot.w, max(y1-y0, c.px(1)), withAlpha(c.th.band, 255))
	}
	for i, t := range ticks {
		y := yOf(t)
		col := c.th.grid
		if t == 0 {
			col = c.th.axis
		}
		c.line(plot.x, y, plot.right(), y, col, 1, nil)
		c.textMid(tickText[i], plot.x-c.px(8), y, alignRight, ts)
	}
	if hasMed {
		c.line(plot.x, yOf(med), plot.right(), yOf(med), c.th.muted, 1.5, []float64{2, 3})
	}
	c.line(plot.x, plot.bottom(), plot.right(), plot.bottom(), c.th.axis, 1, nil)
	c.monthAxis(plot, first, last, xOf)

	// Target: a line, or a step line when it changes.
	if len(targets) > 0 {
		var line [][2]float64
		for i, t := range targets {
			from := max(t.From.Index(), first)
			to := last + 1
			if i+1 < len(targets) {
				to = min(targets[i+1].From.Index(), last+1)
			}
			if to <= from || from > last {
				continue
			}
			x0 := plot.x + float64(from-first)/slots*plot.w
			x1 := plot.x + float64(to-first)/slots*plot.w
			y := yOf(t.Value)
			line = append(line, [2]float64{x0, y}, [2]float64{x1, y})
		}
		c.polyline(line, targetCol, 2, []float64{7, 4})
	}

	// The months' own values, broken where a month has no value; thin and
	// muted under a judged line.
	width := 2.5
	if len(judged) > 0 {
		width = 1.2
	}
	c.series(pts, xOf, yOf, monthCol, width)
	dense := len(present) > 36
	for _, p := range present {
		x, y := xOf(p.Month.Index()), yOf(*p.Value)
		switch {
		case p.Outlier:
			c.marker(shapeDiamond, x, y, 5.5, c.th.bad)
		case p.Small: // hollow: few observations behind it
			c.marker(shapeCircle, x, y, 4.5, monthCol)
			c.marker(shapeCircle, x, y, 2.5, c.th.bg)
		case !dense:
			c.marker(shapeCircle, x, y, 3, monthCol)
		}
	}
	if len(judged) > 0 {
		c.series(judged, xOf, yOf, seriesCol, 2.8)
	}
	// The last value, labelled to the right of its point.
	lp := labelled[len(labelled)-1]
	lx, ly := xOf(lp.Month.Index()), yOf(lastVal)
	c.marker(shapeCircle, lx, ly, 4.5, seriesCol)
	c.textOnBg(lastText, lx+c.px(9), ly, alignLeft, vs, c.th.bg)
	return c, nil
}

// series draws a line through the points with a value, broken where a
// month has none (a lone point becomes a dot).
func (c *canvas) series(pts []Point, xOf func(int) float64, yOf func(float64) float64, col drawing.Color, width float64) {
	var seg [][2]float64
	flush := func() {
		if len(seg) == 1 {
			c.marker(shapeCircle, seg[0][0], seg[0][1], 3.5, col)
		}
		c.polyline(seg, col, width, nil)
		seg = nil
	}
	prev := math.MinInt
	for _, p := range pts {
		v, ok := finite(p.Value)
		if !ok || p.Month.Index() != prev+1 && prev != math.MinInt {
			flush()
		}
		if ok {
			seg = append(seg, [2]float64{xOf(p.Month.Index()), yOf(v)})
			prev = p.Month.Index()
		} else {
			prev = math.MinInt
		}
	}
	flush()
}

package charts

import (
	"math"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// WaterfallStep is one movement between the first and the last bar: a
// signed change (positive adds, negative takes away).
type WaterfallStep struct {
	Label string
	Delta float64
	// Good draws a fall in the colour of a rise: won deals leave the open
	// pipeline for the best of reasons. The sign of the label still says
	// which way the total moved.
	Good bool
}

// WaterfallData is the input of the waterfall chart: a starting total, the
// movements in order and the ending total (pipeline movement between two
// snapshots, say). Start and End nil mean no data.
type WaterfallData struct {
	// Title overrides the default title; "-" draws none.
	Title      string
	StartLabel string
	EndLabel   string
	Start, End *float64
	Steps      []WaterfallStep
	// Note is printed at the bottom in small print (what the amounts are).
	Note string
}

// HasData reports whether the chart has both totals.
func (d WaterfallData) HasData() bool {
	_, ok0 := finite(d.Start)
	_, ok1 := finite(d.End)
	return ok0 && ok1
}

const waterfallW, waterfallH = 860, 500

// Waterfall draws the starting total as a full bar, each movement as a bar
// floating from the running total (up in the "good" colour with a "+"
// label, down in the "bad" colour with a "−" label, unless the step is
// Good: the sign says the direction, the colour whether it is good news), and the ending total as a full bar. Values use the unit of
// o (money by default) through the tables' formatter.
func Waterfall(d WaterfallData, o Options) ([]byte, error) {
	return encode(waterfall(d, o))
}

func waterfall(d WaterfallData, o Options) (*canvas, error) {
	if o.Unit == "" {
		o.Unit = diagnostic.UnitMoney
	}
	o, err := o.normalise(waterfallW, waterfallH)
	if err != nil {
		return nil, err
	}
	title := titleOr(d.Title, o, "waterfall.title")
	if !d.HasData() {
		return noData(o, title)
	}
	c, err := newCanvas(o)
	if err != nil {
		return nil, err
	}
	f := o.formatter()
	start, end := *d.Start, *d.End
	// Bars: [lo, hi] of each, in order start, steps…, end.
	type bar struct {
		label  string
		lo, hi float64
		text   string
		total  bool
		up     bool
		good   bool
	}
	bars := []bar{{label: nameOr(d.StartLabel, o, "waterfall.start"), lo: 0, hi: start, text: f.label(start), total: true}}
	run := start
	for _, s := range d.Steps {
		if math.IsNaN(s.Delta) || math.IsInf(s.Delta, 0) {
			continue
		}
		next := run + s.Delta
		sign := "+"
		if s.Delta < 0 {
			sign = "−"
		}
		bars = append(bars, bar{label: s.Label, lo: min(run, next), hi: max(run, next), text: sign + f.label(math.Abs(s.Delta)), up: s.Delta >= 0, good: s.Delta >= 0 || s.Good})
		run = next
	}
	bars = append(bars, bar{label: nameOr(d.EndLabel, o, "waterfall.end"), lo: 0, hi: end, text: f.label(end), total: true})

	b := c.frame(title, nil, d.Note)
	lo, hi := 0.0, 0.0
	for _, br := range bars {
		lo, hi = min(lo, br.lo), max(hi, br.hi)
	}
	if hi == lo {
		hi = lo + 1
	}
	nTicks := max(3, min(7, int(b.h/c.px(48))))
	ticks, step := niceTicks(lo, hi, nTicks)
	top := max(math.Abs(ticks[0]), math.Abs(ticks[len(ticks)-1]))
	ts := textStyle{size: smallSize, color: c.th.muted}
	labelW := 0.0
	tickText := make([]string, len(ticks))
	for i, t := range ticks {
		tickText[i] = f.tick(t, step, top)
		labelW = max(labelW, c.measure(tickText[i], ts))
	}
	xLabelH := 3*c.lineHeight(smallSize) + c.px(6)
	vs := textStyle{size: valueSize, bold: true, color: c.th.text}
	plot := box{x: b.x + labelW + c.px(8), y: b.y + c.lineHeight(valueSize) + c.px(4)}
	plot.w = b.right() - plot.x
	plot.h = b.bottom() - plot.y - xLabelH
	if plot.w < c.px(20) || plot.h < c.px(20) {
		plot.w, plot.h = max(plot.w, c.px(20)), max(plot.h, c.px(20))
	}
	yOf := func(v float64) float64 {
		return plot.bottom() - (v-ticks[0])/(ticks[len(ticks)-1]-ticks[0])*plot.h
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
	slot := plot.w / float64(len(bars))
	bw := slot * 0.62
	ls := textStyle{size: smallSize, color: c.th.text}
	for i, br := range bars {
		x := plot.x + float64(i)*slot + (slot-bw)/2
		col := c.th.series[0]
		switch {
		case br.total:
		case br.good:
			col = c.th.series[2]
		default:
			col = c.th.bad
		}
		y0, y1 := yOf(br.hi), yOf(br.lo)
		c.rect(x, y0, bw, max(y1-y0, c.px(1)), col)
		// A thin connector from this bar's running total to the next bar.
		if i+1 < len(bars) {
			level := br.hi
			if !br.total && !br.up {
				level = br.lo
			}
			y := yOf(level)
			c.line(x+bw, y, x+slot+(slot-bw)/2, y, c.th.axis, 1, []float64{2, 2})
		}
		c.text(c.ellipsis(br.text, vs, slot), x+bw/2, y0-c.px(4), alignCenter, vs)
		for j, line := range c.wrap(br.label, ls, slot-c.px(4), 3) {
			c.text(line, x+bw/2, plot.bottom()+c.px(4)+float64(j+1)*c.lineHeight(smallSize), alignCenter, ls)
		}
	}
	return c, nil
}

package charts

import (
	"math"
	"strings"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// TileData is the input of a scorecard tile: a KPI's latest value with its
// target, its position against a benchmark and the change from the
// previous period.
type TileData struct {
	// Title is the KPI's name.
	Title string
	// Month is the period of Value; the zero Month shows none.
	Month diagnostic.Month
	// Value is the latest value; nil draws the tile's "no data" variant.
	Value *float64
	// Previous is the value of the period before, for the trend arrow.
	Previous *float64
	// Target is the value to reach, if any.
	Target *float64
	// Benchmark positions the value against p25–p75 and the median.
	Benchmark *Benchmark
	// Direction says whether higher or lower is better (default higher).
	Direction diagnostic.Direction
}

const tileW, tileH = 360, 200

// Scorecard draws a KPI tile: the name and period, the latest value in
// large type, an arrow with the change from the previous period (coloured
// good or bad given the KPI's direction, and signed so colour is never the
// only cue), the target with ✓ or ✗, and a small scale placing the value
// against the benchmark band.
func Scorecard(d TileData, o Options) ([]byte, error) {
	return encode(scorecard(d, o))
}

func scorecard(d TileData, o Options) (*canvas, error) {
	o, err := o.normalise(tileW, tileH)
	if err != nil {
		return nil, err
	}
	if !d.HasData() {
		return noDataOn(o, d.Title, true)
	}
	v, _ := finite(d.Value)
	c, err := newCanvas(o)
	if err != nil {
		return nil, err
	}
	lang := o.Lang
	f := o.formatter()
	lowerBetter := d.Direction == diagnostic.LowerIsBetter
	pad := c.px(14)
	b := box{pad, pad, float64(c.w) - 2*pad, float64(c.h) - 2*pad}
	c.rect(c.px(1), c.px(1), float64(c.w)-c.px(2), float64(c.h)-c.px(2), c.th.panel)

	// Header: name at the left, period at the right.
	hs := textStyle{size: labelSize + 1, bold: true, color: c.th.text}
	ps := textStyle{size: smallSize, color: c.th.muted}
	period := ""
	if !d.Month.IsZero() {
		period = lang.MonthYear(d.Month.Year, d.Month.Month)
	}
	// A long name wraps onto a second line (cut with "…" only beyond two),
	// its last two words kept together so no word is left alone.
	pw := c.measure(period, ps)
	y := b.y + c.capHeight(hs.size)
	c.text(period, b.right(), y, alignRight, ps)
	for i, line := range c.wrap(keepLastTwo(d.Title), hs, b.w-pw-c.px(10), 2) {
		if i > 0 {
			y += c.lineHeight(hs.size)
		}
		c.text(strings.ReplaceAll(line, "\u00a0", " "), b.x, y, alignLeft, hs)
	}

	// Big value, sized down until it fits the width.
	big := textStyle{size: 29, bold: true, color: c.th.text}
	val := f.label(v)
	for big.size > 10 && c.measure(val, big) > b.w*0.62 {
		big.size--
	}
	y += c.px(16) + c.capHeight(big.size)
	c.text(val, b.x, y, alignLeft, big)

	// Change from the previous period, right of the value.
	if p, ok := finite(d.Previous); ok {
		arrow, col := "→", c.th.neutral
		delta := v - p
		switch {
		case delta > 0:
			arrow = "▲"
		case delta < 0:
			arrow = "▼"
		}
		if delta != 0 {
			if (delta > 0) != lowerBetter {
				col = c.th.good
			} else {
				col = c.th.bad
			}
		}
		ch := f.change(v, p)
		cs := textStyle{size: valueSize + 1, bold: true, color: col}
		x := b.x + c.measure(val, big) + c.px(12)
		c.text(c.ellipsis(arrow+" "+ch, cs, b.right()-x), x, y-c.lineHeight(ps.size)-c.px(2), alignLeft, cs)
		c.text(c.ellipsis(tr(lang, "tile.vsPrevious"), ps, b.right()-x), x, y, alignLeft, ps)
	}

	// Target line.
	ls := textStyle{size: valueSize, color: c.th.text}
	if t, ok := finite(d.Target); ok {
		y += c.px(8) + c.lineHeight(ls.size)
		met := v >= t
		if lowerBetter {
			met = v <= t
		}
		mark, col := "✗", c.th.bad
		if met {
			mark, col = "✓", c.th.good
		}
		label := tr(lang, "tile.target") + ": " + f.label(t)
		c.text(c.ellipsis(label, ls, b.w-c.px(20)), b.x, y, alignLeft, ls)
		c.text(mark, b.x+c.measure(label, ls)+c.px(8), y, alignLeft, textStyle{size: valueSize + 1, bold: true, color: col})
	}

	// Benchmark scale at the bottom.
	if bm := d.Benchmark; bm != nil {
		c.benchmarkScale(b, y, v, bm, f, lowerBetter)
	}
	return c, nil
}

// benchmarkScale draws, in the space below yTop, a track with the band
// p25–p75, the median and the value's marker, captioned with the value's
// position.
func (c *canvas) benchmarkScale(b box, yTop, v float64, bm *Benchmark, f formatter, lowerBetter bool) {
	p25, ok25 := finite(bm.P25)
	p75, ok75 := finite(bm.P75)
	med, okMed := finite(bm.Median)
	if !ok25 && !ok75 && !okMed {
		return
	}
	lang := c.o.Lang
	ps := textStyle{size: smallSize, color: c.th.muted}
	capY := b.bottom()
	trackY := capY - c.lineHeight(smallSize) - c.px(6)
	if trackY-c.px(6) < yTop+c.px(4) {
		return // no room left
	}
	lo, hi := v, v
	for _, x := range []struct {
		v  float64
		ok bool
	}{{p25, ok25}, {p75, ok75}, {med, okMed}} {
		if x.ok {
			lo, hi = min(lo, x.v), max(hi, x.v)
		}
	}
	span := hi - lo
	if span == 0 {
		span = math.Max(math.Abs(hi), 1)
	}
	lo, hi = lo-span*0.15, hi+span*0.15
	x0, x1 := b.x+c.px(4), b.right()-c.px(4)
	xOf := func(u float64) float64 { return x0 + (u-lo)/(hi-lo)*(x1-x0) }
	c.rect(x0, trackY-c.px(2), x1-x0, c.px(4), c.th.grid)
	if ok25 && ok75 {
		c.rect(xOf(min(p25, p75)), trackY-c.px(6), xOf(max(p25, p75))-xOf(min(p25, p75)), c.px(12), c.th.band)
	}
	if okMed {
		c.line(xOf(med), trackY-c.px(7), xOf(med), trackY+c.px(7), c.th.muted, 2, nil)
	}
	c.marker(shapeCircle, xOf(v), trackY, 5.5, c.th.series[0])
	// Caption: where the value stands.
	pos := ""
	switch {
	case ok25 && v < math.Min(p25, p75):
		pos = tr(lang, "tile.belowBenchmark")
	case ok75 && v > math.Max(p25, p75):
		pos = tr(lang, "tile.aboveBenchmark")
	case ok25 && ok75:
		pos = tr(lang, "tile.inBenchmark")
	}
	caption := tr(lang, "tile.benchmark")
	if okMed {
		caption += " p50 " + f.label(med)
	}
	if pos != "" {
		caption += " · " + pos
	}
	c.text(c.ellipsis(caption, ps, b.w), b.x, capY, alignLeft, ps)
}

// change formats the change from p to v: percentage points for
// percentages, a relative change otherwise (an absolute one from zero).
func (f formatter) change(v, p float64) string {
	l := f.lang
	sign := func(x float64, s string) string {
		if x > 0 {
			return "+" + s
		}
		return s
	}
	switch {
	case f.unit == diagnostic.UnitPercent:
		d := (v - p) * 100
		return sign(d, l.Number(d, 1)) + "\u00a0pp"
	case p != 0:
		r := (v - p) / math.Abs(p)
		return sign(r, l.Percent(r, 1))
	}
	return sign(v-p, f.label(v-p))
}

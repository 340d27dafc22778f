package charts

import "fmt"

// rowLayout places one labelled row per category to the left of a 0–100
// horizontal axis, shared by the pillar bars and the alignment dot plot.
type rowLayout struct {
	c      *canvas
	labels [][]string
	plot   box // the data area (without the label column and axis)
	rowH   float64
	header float64 // height of the level-band header above the rows
	// labelStyle is the type of the row labels, smaller in short rows.
	labelStyle textStyle
}

// newRowLayout measures the labels and reserves room for the level header,
// the axis ticks and, at the right, value labels as wide as widest. Labels
// wrap to two lines within 38 % of the width when rows are tall enough,
// else to one line, in a smaller type when even that does not fit.
func (c *canvas) newRowLayout(b box, names []string, header bool, widest string) *rowLayout {
	rl := &rowLayout{c: c, labels: make([][]string, len(names))}
	if header {
		rl.header = c.lineHeight(smallSize) + c.px(4)
	}
	axisH := c.lineHeight(smallSize) + c.px(6)
	rows := float64(max(len(names), 1))
	rowH := (b.h - rl.header - axisH) / rows
	ls := textStyle{size: labelSize, color: c.th.text}
	for ls.size > smallSize-1 && c.lineHeight(ls.size) > rowH {
		ls.size -= 0.5
	}
	maxLines := 2
	if 2*c.lineHeight(ls.size) > rowH {
		maxLines = 1
	}
	rl.labelStyle = ls
	labelW := 0.0
	for i, n := range names {
		rl.labels[i] = c.wrap(n, ls, b.w*0.38, maxLines)
		for _, l := range rl.labels[i] {
			labelW = max(labelW, c.measure(l, ls))
		}
	}
	right := c.measure(widest, textStyle{size: valueSize, bold: true}) + c.px(12)
	rl.plot = box{x: b.x + labelW + c.px(10), y: b.y + rl.header, w: b.w - labelW - c.px(10) - right, h: rowH * rows}
	rl.rowH = rowH
	// Axis: ticks every 20 (every 40 when narrow).
	ts := textStyle{size: smallSize, color: c.th.muted}
	every := 20.0
	if rl.plot.w/5 < c.measure("100", ts)+c.px(6) {
		every = 50
	}
	for v := 0.0; v <= 100; v += every {
		c.text(fmt.Sprint(int(v)), rl.x(v), rl.plot.bottom()+c.px(4)+c.capHeight(smallSize), alignCenter, ts)
	}
	// Labels, right-aligned, vertically centred on their rows.
	lh := c.lineHeight(ls.size)
	for i, lines := range rl.labels {
		y0, y1 := rl.rowBand(i)
		top := (y0+y1)/2 - float64(len(lines))*lh/2
		for j, l := range lines {
			c.text(l, rl.plot.x-c.px(10), top+float64(j)*lh+c.capHeight(ls.size)+c.px(1), alignRight, ls)
		}
	}
	return rl
}

// x maps a 0–100 score to a pixel column (values outside are clamped).
func (rl *rowLayout) x(v float64) float64 {
	v = max(0, min(v, 100))
	return rl.plot.x + rl.plot.w*v/100
}

// rowBand returns the top and bottom of row i.
func (rl *rowLayout) rowBand(i int) (float64, float64) {
	y0 := rl.plot.y + float64(i)*rl.rowH
	return y0, y0 + rl.rowH
}

// grid draws the vertical gridlines at 0, 20, … 100 with the zero line
// stronger, under the data.
func (rl *rowLayout) grid() {
	c := rl.c
	for v := 0.0; v <= 100; v += 20 {
		col := c.th.grid
		if v == 0 {
			col = c.th.axis
		}
		c.line(rl.x(v), rl.plot.y, rl.x(v), rl.plot.bottom(), col, 1, nil)
	}
}

// levelBands shades the five maturity levels (20 points each) and names
// them above the plot, then draws the grid. The names come from the
// questionnaire content; when any one of them does not fit its band, all
// five are shown by number ("N1" … "N5" / "L1" … "L5") so the row reads
// evenly.
func (c *canvas) levelBands(rl *rowLayout) {
	ts := textStyle{size: smallSize, color: c.th.muted}
	names := levelNames(c.o.Lang)
	for lvl := range 5 {
		x0, x1 := rl.x(float64(lvl)*20), rl.x(float64(lvl+1)*20)
		if names[lvl] == "" || c.measure(names[lvl], ts) > x1-x0-c.px(4) {
			names = shortLevelNames(c.o.Lang)
			break
		}
	}
	for lvl := range 5 {
		x0, x1 := rl.x(float64(lvl)*20), rl.x(float64(lvl+1)*20)
		col := c.th.bandAlt
		if lvl%2 == 1 {
			col = c.th.band
		}
		c.rect(x0, rl.plot.y, x1-x0, rl.plot.h, col)
		c.text(c.ellipsis(names[lvl], ts, x1-x0), (x0+x1)/2, rl.plot.y-c.px(5), alignCenter, ts)
	}
	rl.grid()
}

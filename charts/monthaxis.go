package charts

import "github.com/revopsdx/revopsdx/diagnostic"

// monthAxis labels months under the plot: every step-th month (1, 2, 3, 4,
// 6 or 12, whichever first leaves room between labels), aligned to the
// calendar, with the year under January and under the first label.
func (c *canvas) monthAxis(plot box, first, last int, xOf func(int) float64) {
	lang := c.o.Lang
	ts := textStyle{size: smallSize, color: c.th.muted}
	ys := textStyle{size: smallSize, bold: true, color: c.th.muted}
	widest := 0.0
	for m := 1; m <= 12; m++ {
		widest = max(widest, c.measure(lang.MonthAbbr(timeMonth(m)), ts))
	}
	widest = max(widest, c.measure("2026", ys))
	slot := plot.w / float64(last-first+1)
	step := 12
	for _, s := range []int{1, 2, 3, 4, 6, 12} {
		if float64(s)*slot >= widest+c.px(8) {
			step = s
			break
		}
	}
	// Years only, when even one label a year does not fit.
	yearStep := 1
	for float64(12*yearStep)*slot < widest+c.px(8) && yearStep < 1000 {
		yearStep++
	}
	y1 := plot.bottom() + c.px(6) + c.capHeight(smallSize)
	y2 := y1 + c.lineHeight(smallSize)
	labelled := false
	for idx := first; idx <= last; idx++ {
		m := diagnostic.Month{Year: idx / 12, Month: timeMonth(idx%12 + 1)}
		x := xOf(idx)
		if step == 12 && slot*12 < widest+c.px(8) {
			if m.Month == 1 && m.Year%yearStep == 0 || idx == first && last-first < 12 {
				c.text(itoa(m.Year), x, y1, alignCenter, ys)
			}
			continue
		}
		if (idx%12)%step != 0 {
			continue
		}
		c.line(x, plot.bottom(), x, plot.bottom()+c.px(4), c.th.axis, 1, nil)
		if step == 12 {
			c.text(itoa(m.Year), x, y1, alignCenter, ys)
			continue
		}
		c.text(lang.MonthAbbr(m.Month), x, y1, alignCenter, ts)
		if m.Month == 1 || !labelled {
			c.text(itoa(m.Year), x, y2, alignCenter, ys)
		}
		labelled = true
	}
	if !labelled && step < 12 {
		// A short range that holds no calendar-aligned label: name the first month.
		m := diagnostic.Month{Year: first / 12, Month: timeMonth(first%12 + 1)}
		c.text(lang.MonthAbbr(m.Month), xOf(first), y1, alignCenter, ts)
		c.text(itoa(m.Year), xOf(first), y2, alignCenter, ys)
	}
}

package charts

import "github.com/wcharczuk/go-chart/v2/drawing"

// noData draws the image shown instead of a chart without data: the
// chart's title, an empty-chart pictogram and "No data" with a hint, in the
// chosen language, centred in the requested size.
func noData(o Options, title string) (*canvas, error) {
	return noDataOn(o, title, false)
}

// noDataOn draws the "no data" image, on a tile's panel when panel is set.
func noDataOn(o Options, title string, panel bool) (*canvas, error) {
	c, err := newCanvas(o)
	if err != nil {
		return nil, err
	}
	if panel {
		c.rect(c.px(1), c.px(1), float64(c.w)-c.px(2), float64(c.h)-c.px(2), c.th.panel)
	}
	b := c.frame(title, nil, "")
	lang := o.Lang
	head := textStyle{size: titleSize + 1, bold: true, color: c.th.muted}
	hint := textStyle{size: labelSize, color: c.th.muted}
	// Pictogram: three empty bar outlines on a baseline, if there is room.
	textH := c.lineHeight(head.size) + c.lineHeight(hint.size)
	icon := min(c.px(56), b.h-textH-c.px(8))
	cx := b.x + b.w/2
	top := b.y + (b.h-textH-max(icon, 0)-c.px(8))/2
	if icon >= c.px(16) {
		bw := icon / 4
		base := top + icon
		for i, hf := range []float64{0.45, 0.8, 0.6} {
			x := cx - 1.5*bw - bw/4 + float64(i)*(bw+bw/4)
			h := icon * hf
			c.polygon([][2]float64{{x, base - h}, {x + bw, base - h}, {x + bw, base}, {x, base}},
				drawing.Color{}, c.th.axis, 1.5, []float64{4, 3})
		}
		c.line(cx-2*bw-bw/4, base, cx+2*bw+bw/4, base, c.th.axis, 1.5, nil)
		top = base + c.px(8)
	}
	y := top + c.capHeight(head.size) + c.px(4)
	c.text(c.ellipsis(tr(lang, "nodata.title"), head, b.w), cx, y, alignCenter, head)
	y += c.lineHeight(hint.size) + c.px(2)
	if y < b.bottom()+c.px(8) {
		c.text(c.ellipsis(tr(lang, "nodata.hint"), hint, b.w), cx, y, alignCenter, hint)
	}
	return c, nil
}

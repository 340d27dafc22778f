package charts

import (
	"strings"
	"unicode"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// Type sizes in points.
const (
	titleSize  = 14.5
	labelSize  = 10.5
	smallSize  = 9
	legendSize = 10
	valueSize  = 10
)

// box is a rectangle in output pixels.
type box struct{ x, y, w, h float64 }

func (b box) right() float64  { return b.x + b.w }
func (b box) bottom() float64 { return b.y + b.h }

// overlaps reports whether two boxes share more than a pixel each way.
func overlaps(a, b box) bool {
	return a.x+1 < b.right() && b.x+1 < a.right() && a.y+1 < b.bottom() && b.y+1 < a.bottom()
}

// Legend swatch kinds.
const (
	swatchFill = iota
	swatchLine
	swatchDash
	swatchMarker
	swatchBand
)

// legendItem is one entry of a legend.
type legendItem struct {
	label  string
	color  drawing.Color
	kind   int
	shape  int  // marker shape for swatchMarker
	hollow bool // a ring rather than a filled marker
}

// frame draws the title at the top, the legend below it and the note (a
// source in small print) at the bottom, and returns the box left for the
// plot.
func (c *canvas) frame(title string, legend []legendItem, note string) box {
	pad := c.px(14)
	b := box{pad, pad, float64(c.w) - 2*pad, float64(c.h) - 2*pad}
	if title != "" {
		ts := textStyle{size: titleSize, bold: true, color: c.th.text}
		lines := c.wrap(title, ts, b.w, 2)
		for _, l := range lines {
			c.text(l, b.x, b.y+c.capHeight(titleSize), alignLeft, ts)
			adv := c.lineHeight(titleSize)
			b.y += adv
			b.h -= adv
		}
		b.y += c.px(6)
		b.h -= c.px(6)
	}
	if len(legend) > 0 {
		hgt := c.legend(legend, b.x, b.y, b.w)
		b.y += hgt + c.px(8)
		b.h -= hgt + c.px(8)
	}
	if note != "" {
		ns := textStyle{size: smallSize, color: c.th.muted}
		lines := c.wrap(note, ns, b.w, 2)
		for i := len(lines) - 1; i >= 0; i-- {
			c.text(lines[i], b.x, b.bottom(), alignLeft, ns)
			adv := c.lineHeight(smallSize)
			b.h -= adv
		}
		b.h -= c.px(6)
	}
	return b
}

// legend lays items out in rows from (x, y) within width w and returns the
// height used.
func (c *canvas) legend(items []legendItem, x, y, w float64) float64 {
	ts := textStyle{size: legendSize, color: c.th.text}
	sw := c.px(18)
	gap := c.px(6)
	space := c.px(16)
	row := c.lineHeight(legendSize) + c.px(2)
	cx, cy := x, y
	for _, it := range items {
		label := c.ellipsis(it.label, ts, w-sw-gap)
		iw := sw + gap + c.measure(label, ts)
		if cx > x && cx+iw > x+w {
			cx = x
			cy += row
		}
		mid := cy + row/2
		switch it.kind {
		case swatchFill, swatchBand:
			c.rect(cx, mid-c.px(5), sw, c.px(10), it.color)
		case swatchLine:
			c.line(cx, mid, cx+sw, mid, it.color, 2.5, nil)
		case swatchDash:
			c.line(cx, mid, cx+sw, mid, it.color, 2, []float64{5, 3})
		case swatchMarker:
			c.marker(it.shape, cx+sw/2, mid, 5, it.color)
			if it.hollow {
				c.marker(it.shape, cx+sw/2, mid, 2.8, c.th.bg)
			}
		}
		c.textMid(label, cx+sw+gap, mid, alignLeft, ts)
		cx += iw + space
	}
	return cy + row - y
}

// wrap breaks s into at most maxLines lines no wider than w, cutting the
// last one with an ellipsis when needed. It breaks only at breaking white
// space: a number keeps its unit across a no-break space ("14,3 %").
func (c *canvas) wrap(s string, ts textStyle, w float64, maxLines int) []string {
	words := strings.FieldsFunc(s, breakingSpace)
	var lines []string
	cur := ""
	for i, wd := range words {
		try := wd
		if cur != "" {
			try = cur + " " + wd
		}
		if cur == "" || c.measure(try, ts) <= w {
			cur = try
			continue
		}
		if len(lines) == maxLines-1 {
			cur = strings.Join(append([]string{cur}, words[i:]...), " ")
			break
		}
		lines = append(lines, cur)
		cur = wd
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	for i, l := range lines {
		lines[i] = c.ellipsis(l, ts, w)
	}
	return lines
}

// ellipsis shortens s with "…" until it fits in w.
func (c *canvas) ellipsis(s string, ts textStyle, w float64) string {
	if c.measure(s, ts) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 1 {
		r = r[:len(r)-1]
		t := strings.TrimRight(string(r), " ") + "…"
		if c.measure(t, ts) <= w {
			return t
		}
	}
	return "…"
}

// breakingSpace reports whether a line may break at r: white space other
// than the no-break spaces U+00A0, U+202F and U+2007.
func breakingSpace(r rune) bool {
	switch r {
	case '\u00a0', '\u202f', '\u2007':
		return false
	}
	return unicode.IsSpace(r)
}

// keepLastTwo joins the last two words of a text of three words or more
// with a no-break space, so wrapping never leaves the last word alone.
func keepLastTwo(s string) string {
	words := strings.FieldsFunc(s, breakingSpace)
	if len(words) < 3 {
		return strings.Join(words, " ")
	}
	n := len(words)
	return strings.Join(words[:n-2], " ") + " " + words[n-2] + "\u00a0" + words[n-1]
}

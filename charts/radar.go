package charts

import (
	"math"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// SeriesKind says how a radar series is drawn.
type SeriesKind int

// The kinds of radar series.
const (
	// Primary is the assessment being shown: a filled polygon with markers.
	Primary SeriesKind = iota
	// Earlier is an earlier assessment: a dashed outline.
	Earlier
	// Department is one department's view: a thin outline in its own colour.
	Department
)

// Series is one set of scores (0–100) on the radar axes, in axis order; a
// nil value means no data for that axis.
type Series struct {
	Name   string
	Values []*float64
	Kind   SeriesKind
}

// RadarData is the input of the maturity radar: the axis names (the seven
// pillars, in order) and the series to draw.
type RadarData struct {
	// Title overrides the default title; "-" draws none.
	Title  string
	Axes   []string
	Series []Series
}

// Default sizes in pixels.
const (
	radarW, radarH = 760, 620
)

// Radar draws the maturity radar: a 0–100 scale with gridlines at 20, 40, 60
// and 80, the primary series as a filled polygon with its score under each
// axis name, and earlier and department series as outlines with a legend.
// With fewer than three axes, which make no polygon, it draws the primary
// and earlier scores as pillar bars instead.
func Radar(d RadarData, o Options) ([]byte, error) {
	return encode(radar(d, o))
}

func radar(d RadarData, o Options) (*canvas, error) {
	o, err := o.normalise(radarW, radarH)
	if err != nil {
		return nil, err
	}
	title := titleOr(d.Title, o, "radar.title")
	if !d.HasData() {
		return noData(o, title)
	}
	if len(d.Axes) < 3 {
		// One or two axes make no polygon: show the same scores as bars.
		return pillarBars(radarAsBars(d, title), o)
	}
	c, err := newCanvas(o)
	if err != nil {
		return nil, err
	}
	var legend []legendItem
	colors := make([]drawing.Color, len(d.Series))
	dept := 0
	primary := -1
	for i, s := range d.Series {
		switch s.Kind {
		case Primary:
			colors[i] = c.th.series[0]
			if primary < 0 {
				primary = i
			}
			legend = append(legend, legendItem{label: nameOr(s.Name, o, "radar.current"), color: colors[i], kind: swatchFill})
		case Earlier:
			colors[i] = c.th.muted
			legend = append(legend, legendItem{label: nameOr(s.Name, o, "radar.earlier"), color: colors[i], kind: swatchDash})
		default:
			dept++
			colors[i] = c.th.seriesColor(dept)
			legend = append(legend, legendItem{label: s.Name, color: colors[i], kind: swatchLine})
		}
	}
	if len(d.Series) == 1 && primary == 0 {
		legend = nil // a single filled polygon needs no legend
	}
	b := c.frame(title, legend, "")

	n := len(d.Axes)
	angle := func(i int) float64 { return -math.Pi/2 + 2*math.Pi*float64(i)/float64(n) }
	type lab struct {
		lines []string
		value string
		w, h  float64
	}
	var (
		labels []lab
		ls, vs textStyle
	)
	// measure lays the labels out in type of size pt, names wrapped to
	// maxLines lines (none: values only).
	measure := func(pt float64, maxLines int) {
		ls = textStyle{size: pt, color: c.th.text}
		vs = textStyle{size: pt, bold: true, color: c.th.series[0]}
		maxW := max(c.px(80), b.w*0.22)
		labels = make([]lab, n)
		for i, name := range d.Axes {
			var l lab
			if maxLines > 0 {
				l.lines = c.wrap(name, ls, maxW, maxLines)
			}
			if primary >= 0 {
				if v, ok := valueAt(d.Series[primary].Values, i); ok {
					l.value = o.Lang.Number(v, 0)
				} else {
					l.value = tr(o.Lang, "nodata.short")
				}
			}
			for _, s := range l.lines {
				l.w = max(l.w, c.measure(s, ls))
			}
			if l.value != "" {
				l.w = max(l.w, c.measure(l.value, vs))
			}
			l.h = float64(len(l.lines)) * c.lineHeight(pt)
			if l.value != "" {
				l.h += c.lineHeight(pt)
			}
			labels[i] = l
		}
	}
	gap := c.px(8)
	cx, cy := b.x+b.w/2, b.y+b.h/2
	// labelBox is where axis i's label goes for radius r: anchored at the
	// point just outside the circle, on the side facing away from it.
	labelBox := func(i int, r float64) box {
		a := angle(i)
		px, py := cx+(r+gap)*math.Cos(a), cy+(r+gap)*math.Sin(a)
		l := labels[i]
		bx := box{w: l.w, h: l.h}
		switch cs := math.Cos(a); {
		case cs > 0.25:
			bx.x = px
		case cs < -0.25:
			bx.x = px - l.w
		default:
			bx.x = px - l.w/2
		}
		switch sn := math.Sin(a); {
		case sn < -0.25:
			bx.y = py - l.h
		case sn > 0.25:
			bx.y = py
		default:
			bx.y = py - l.h/2
		}
		return bx
	}
	// inside reports whether, at radius r, every label stays in the plot
	// box (true for radii up to a limit).
	inside := func(r float64) bool {
		for i := range labels {
			lb := labelBox(i, r)
			if lb.x < b.x || lb.right() > b.right() || lb.y < b.y || lb.bottom() > b.bottom() {
				return false
			}
		}
		return true
	}
	// apart reports whether no two labels overlap at radius r.
	apart := func(r float64) bool {
		for i := range labels {
			for j := range i {
				if overlaps(labelBox(i, r), labelBox(j, r)) {
					return false
				}
			}
		}
		return true
	}
	// largest is the largest radius keeping labels inside, or -1 when
	// even that radius leaves labels overlapping (the labels are never
	// further apart than at the largest radius).
	largest := func() float64 {
		lo, hi := 0.0, min(b.w, b.h)/2
		if !inside(lo) {
			return -1
		}
		for range 30 {
			mid := (lo + hi) / 2
			if inside(mid) {
				lo = mid
			} else {
				hi = mid
			}
		}
		if !apart(lo) {
			return -1
		}
		return lo
	}
	// Smaller type until the radar keeps a useful size; names dropped (the
	// values kept) as a last resort, then every label.
	R := -1.0
	want := min(b.w, b.h) * 0.3
	for _, cfg := range []struct {
		pt    float64
		lines int
	}{{labelSize, 3}, {labelSize - 1, 3}, {smallSize, 3}, {smallSize - 1, 3}, {smallSize - 1, 0}} {
		measure(cfg.pt, cfg.lines)
		if R = largest(); R >= want || cfg.lines == 0 && R >= c.px(16) {
			break
		}
	}
	if R < c.px(16) {
		labels = make([]lab, n)
		R = max(min(b.w, b.h)/2-c.px(4), 1)
	}
	pt := func(i int, v float64) [2]float64 {
		a := angle(i)
		rr := R * math.Max(0, math.Min(v, 100)) / 100
		return [2]float64{cx + rr*math.Cos(a), cy + rr*math.Sin(a)}
	}
	// Grid: rings at 20…100 and spokes.
	for lvl := 20.0; lvl <= 100; lvl += 20 {
		ring := make([][2]float64, n)
		for i := range ring {
			ring[i] = pt(i, lvl)
		}
		col, wd := c.th.grid, 1.0
		if lvl == 100 {
			col, wd = c.th.axis, 1.2
		}
		if n >= 3 {
			c.polygon(ring, drawing.Color{}, col, wd, nil)
		}
	}
	for i := range n {
		p := pt(i, 100)
		c.line(cx, cy, p[0], p[1], c.th.grid, 1, nil)
	}
	// Series: departments, then earlier, then the primary on top.
	for _, pass := range []SeriesKind{Department, Earlier, Primary} {
		for si, s := range d.Series {
			if s.Kind != pass && !(pass == Department && s.Kind > Department) {
				continue
			}
			var poly [][2]float64
			for i := range n {
				if v, ok := valueAt(s.Values, i); ok {
					poly = append(poly, pt(i, v))
				}
			}
			switch pass {
			case Primary:
				if len(poly) >= 3 {
					c.polygon(poly, withAlpha(colors[si], 70), colors[si], 2.5, nil)
				} else {
					c.polyline(poly, colors[si], 2.5, nil)
				}
				for _, p := range poly {
					c.marker(shapeCircle, p[0], p[1], 4, colors[si])
				}
			case Earlier:
				c.polygon(poly, drawing.Color{}, colors[si], 2, []float64{6, 4})
				if len(poly) < 3 {
					for _, p := range poly {
						c.marker(shapeDiamond, p[0], p[1], 3.5, colors[si])
					}
				}
			default:
				c.polygon(poly, drawing.Color{}, colors[si], 1.6, nil)
				if len(poly) < 3 {
					for _, p := range poly {
						c.marker(si, p[0], p[1], 3.5, colors[si])
					}
				}
			}
		}
	}
	// Scale numbers along the first spoke.
	ss := textStyle{size: min(smallSize, ls.size), color: c.th.muted}
	// Every ring is numbered when there is room, else every second or more.
	every := 20.0
	for R*every/100 < c.lineHeight(smallSize)+c.px(2) && every < 100 {
		every += 20
	}
	for lvl := every; lvl <= 100; lvl += every {
		p := pt(0, lvl)
		c.textOnBg(o.Lang.Number(lvl, 0), p[0]+c.px(4), p[1], alignLeft, ss, c.th.bg)
	}
	// Axis labels with the primary score underneath.
	for i, l := range labels {
		lb := labelBox(i, R)
		align, x := alignCenter, lb.x+lb.w/2
		if cs := math.Cos(angle(i)); cs > 0.25 {
			align, x = alignLeft, lb.x
		} else if cs < -0.25 {
			align, x = alignRight, lb.right()
		}
		y := lb.y
		for _, s := range l.lines {
			y += c.lineHeight(ls.size)
			c.text(s, x, y-c.fontPx(ls.size)*0.3, align, ls)
		}
		if l.value != "" {
			y += c.lineHeight(vs.size)
			vst := vs
			if l.value == tr(o.Lang, "nodata.short") {
				vst.color, vst.bold = c.th.muted, false
			}
			c.text(l.value, x, y-c.fontPx(vs.size)*0.3, align, vst)
		}
	}
	return c, nil
}

// valueAt returns values[i] when present and finite.
func valueAt(values []*float64, i int) (float64, bool) {
	if i < 0 || i >= len(values) {
		return 0, false
	}
	return finite(values[i])
}

// titleOr returns t, the default title for key when t is empty, or nothing
// when t is "-".
func titleOr(t string, o Options, key string) string {
	switch t {
	case "":
		return tr(o.Lang, key)
	case "-":
		return ""
	}
	return t
}

// nameOr returns name or the default text for key.
func nameOr(name string, o Options, key string) string {
	if name == "" {
		return tr(o.Lang, key)
	}
	return name
}

// radarAsBars turns a radar's primary and earlier series into pillar bars.
func radarAsBars(d RadarData, title string) PillarData {
	if title == "" {
		title = "-"
	}
	p := PillarData{Title: title}
	for i, name := range d.Axes {
		ps := PillarScore{Name: name}
		for _, s := range d.Series {
			switch {
			case s.Kind == Primary && ps.Score == nil && i < len(s.Values):
				ps.Score = s.Values[i]
				p.CurrentLabel = s.Name
			case s.Kind == Earlier && ps.Earlier == nil && i < len(s.Values):
				ps.Earlier = s.Values[i]
				p.EarlierLabel = s.Name
			}
		}
		p.Pillars = append(p.Pillars, ps)
	}
	return p
}

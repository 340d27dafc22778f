package charts

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// rect fills a rectangle. In PNG it is painted straight into the bitmap,
// with edges on whole pixels (crisper and much faster than rasterising a
// path); in SVG it is a path.
func (c *canvas) rect(x, y, w, h float64, fill drawing.Color) {
	if c.img != nil {
		r := image.Rect(iround(x), iround(y), iround(x+w), iround(y+h))
		op := draw.Over
		if fill.A == 255 {
			op = draw.Src
		}
		pr, pg, pb, pa := fill.RGBA() // premultiplied, as image.RGBA stores it
		u := color.RGBA{R: uint8(pr >> 8), G: uint8(pg >> 8), B: uint8(pb >> 8), A: uint8(pa >> 8)}
		draw.Draw(c.img, r, image.NewUniform(u), image.Point{}, op)
		return
	}
	c.r.ResetStyle()
	c.r.SetFillColor(fill)
	c.path([][2]float64{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}}, true)
	c.r.Fill()
}

// line strokes a segment; dash is in 96-DPI pixels (nil for solid).
func (c *canvas) line(x1, y1, x2, y2 float64, col drawing.Color, width float64, dash []float64) {
	c.polyline([][2]float64{{x1, y1}, {x2, y2}}, col, width, dash)
}

// polyline strokes connected segments.
func (c *canvas) polyline(pts [][2]float64, col drawing.Color, width float64, dash []float64) {
	if len(pts) < 2 {
		return
	}
	c.r.ResetStyle()
	c.r.SetStrokeColor(col)
	c.r.SetStrokeWidth(math.Max(1, c.px(width)))
	if len(dash) > 0 {
		d := make([]float64, len(dash))
		for i, v := range dash {
			d[i] = c.px(v)
		}
		c.r.SetStrokeDashArray(d)
	}
	c.path(pts, false)
	c.r.Stroke()
}

// polygon fills and optionally strokes a closed shape.
func (c *canvas) polygon(pts [][2]float64, fill, stroke drawing.Color, width float64, dash []float64) {
	if len(pts) < 3 {
		return
	}
	if !fill.IsZero() {
		c.r.ResetStyle()
		c.r.SetFillColor(fill)
		c.path(pts, true)
		c.r.Fill()
	}
	if !stroke.IsZero() {
		closed := append(append([][2]float64{}, pts...), pts[0])
		c.polyline(closed, stroke, width, dash)
	}
}

func (c *canvas) path(pts [][2]float64, closed bool) {
	for i, p := range pts {
		if i == 0 {
			c.r.MoveTo(iround(p[0]), iround(p[1]))
		} else {
			c.r.LineTo(iround(p[0]), iround(p[1]))
		}
	}
	if closed {
		c.r.Close()
	}
}

// Marker shapes, so that series differ by more than colour.
const (
	shapeCircle = iota
	shapeSquare
	shapeTriangle
	shapeDiamond
	shapeTriangleDown
	shapeHexagon
)

// marker draws a filled shape of radius rad (96-DPI pixels) at (x, y) with
// an outline in the background colour so overlapping markers stay visible.
func (c *canvas) marker(shape int, x, y, rad float64, fill drawing.Color) {
	r := c.px(rad)
	var pts [][2]float64
	switch shape % 6 {
	case shapeSquare:
		r *= 0.88
		pts = [][2]float64{{x - r, y - r}, {x + r, y - r}, {x + r, y + r}, {x - r, y + r}}
	case shapeTriangle:
		r *= 1.2
		pts = [][2]float64{{x, y - r}, {x + r*0.95, y + r*0.7}, {x - r*0.95, y + r*0.7}}
	case shapeTriangleDown:
		r *= 1.2
		pts = [][2]float64{{x, y + r}, {x + r*0.95, y - r*0.7}, {x - r*0.95, y - r*0.7}}
	case shapeDiamond:
		r *= 1.2
		pts = [][2]float64{{x, y - r}, {x + r, y}, {x, y + r}, {x - r, y}}
	case shapeHexagon:
		pts = regular(x, y, r*1.05, 6, 0)
	default:
		pts = regular(x, y, r, 16, 0)
	}
	c.polygon(pts, fill, c.th.bg, 1, nil)
}

// regular returns the vertices of a regular n-gon.
func regular(x, y, r float64, n int, phase float64) [][2]float64 {
	pts := make([][2]float64, n)
	for i := range pts {
		a := phase + 2*math.Pi*float64(i)/float64(n)
		pts[i] = [2]float64{x + r*math.Cos(a), y + r*math.Sin(a)}
	}
	return pts
}

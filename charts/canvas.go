package charts

import (
	"bytes"
	"fmt"
	"image"
	"math"
	"regexp"
	"strings"

	"github.com/golang/freetype/truetype"
	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// canvas wraps a go-chart Renderer with the helpers every chart needs:
// lengths in points scaled by DPI, text aligned by anchor, shapes that reset
// the style first (go-chart's SVG back end otherwise leaks a font colour into
// the fill of the next path) and XML escaping of SVG text.
type canvas struct {
	r             chart.Renderer
	o             Options
	th            *theme
	svg           bool
	w, h          int
	scale         float64 // pixels per point-like unit: DPI/96
	regular, bold *truetype.Font
	texts         []placedText
	img           *image.RGBA // the PNG bitmap being drawn, nil for SVG
}

// newCanvas creates the renderer for o and paints the background.
func newCanvas(o Options) (*canvas, error) {
	reg, bold, err := fonts()
	if err != nil {
		return nil, err
	}
	var r chart.Renderer
	if o.Format == SVG {
		r, err = chart.SVG(o.Width, o.Height)
	} else {
		r, err = chart.PNG(o.Width, o.Height)
	}
	if err != nil {
		return nil, fmt.Errorf("charts: creating %s renderer: %w", o.Format, err)
	}
	r.SetDPI(o.DPI)
	c := &canvas{r: r, o: o, th: themeFor(o.Dark), svg: o.Format == SVG, w: o.Width, h: o.Height,
		scale: o.DPI / 96, regular: reg, bold: bold}
	if !c.svg {
		// go-chart hands its bitmap to an RGBACollector without copying:
		// keep it to paint rectangles directly.
		var col rgbaCollector
		if err := r.Save(&col); err != nil {
			return nil, fmt.Errorf("charts: reaching the bitmap: %w", err)
		}
		c.img = col.img
	}
	c.rect(0, 0, float64(c.w), float64(c.h), c.th.bg)
	return c, nil
}

// encode returns the bytes of a finished drawing.
func encode(c *canvas, err error) ([]byte, error) {
	if err != nil {
		return nil, err
	}
	return c.bytes()
}

// bytes encodes the drawing.
func (c *canvas) bytes() ([]byte, error) {
	var buf bytes.Buffer
	if c.svg {
		if err := c.r.Save(&buf); err != nil {
			return nil, fmt.Errorf("charts: writing SVG: %w", err)
		}
		out := boldText.ReplaceAll(buf.Bytes(), []byte("${1};font-weight:bold${2}"))
		// go-chart writes only a viewBox; a size lets decks and browsers
		// place the image at its intended pixel size.
		size := fmt.Sprintf(`<svg width="%d" height="%d" `, c.w, c.h)
		return bytes.Replace(out, []byte("<svg "), []byte(size), 1), nil
	}
	// Collect the bitmap and encode it ourselves, favouring speed.
	var col rgbaCollector
	if err := c.r.Save(&col); err != nil {
		return nil, fmt.Errorf("charts: collecting bitmap: %w", err)
	}
	if err := encodePNG(&buf, col.img); err != nil {
		return nil, fmt.Errorf("charts: encoding PNG: %w", err)
	}
	return buf.Bytes(), nil
}

// px converts a length in 96-DPI pixels to output pixels.
func (c *canvas) px(v float64) float64 { return v * c.scale }

// fontPx is the pixel height of the em square of a font of pt points.
func (c *canvas) fontPx(pt float64) float64 { return pt * c.o.DPI / 72 }

// capHeight is the height of capital letters for a size, used to centre
// text vertically (DejaVu Sans: 0.73 em).
func (c *canvas) capHeight(pt float64) float64 { return 0.73 * c.fontPx(pt) }

// lineHeight is the distance between baselines of consecutive lines.
func (c *canvas) lineHeight(pt float64) float64 { return 1.25 * c.fontPx(pt) }

// textStyle describes one piece of text.
type textStyle struct {
	size  float64 // points
	bold  bool
	color drawing.Color
}

func (c *canvas) setText(s textStyle) {
	c.r.ResetStyle()
	if s.bold {
		c.r.SetFont(c.bold)
	} else {
		c.r.SetFont(c.regular)
	}
	size := s.size
	if !c.svg {
		// go-chart's raster back end scales fonts by size×DPI/64 pixels,
		// its SVG back end (and typography) by size×DPI/72: correct the
		// raster size so that PNG and SVG text match the measured widths.
		size *= 64.0 / 72.0
	}
	c.r.SetFontSize(size)
	c.r.SetFontColor(s.color)
}

// measure returns the width in pixels of body in style s.
func (c *canvas) measure(body string, s textStyle) float64 {
	f := c.regular
	if s.bold {
		f = c.bold
	}
	return textWidth(f, faceKey{bold: s.bold, size: s.size, dpi: c.o.DPI}, body)
}

// Horizontal anchors of text.
const (
	alignLeft = iota
	alignCenter
	alignRight
)

// text draws body with its baseline at y, anchored at x.
func (c *canvas) text(body string, x, y float64, align int, s textStyle) {
	if body == "" {
		return
	}
	w := c.measure(body, s)
	switch align {
	case alignCenter:
		x -= w / 2
	case alignRight:
		x -= w
	}
	c.setText(s)
	c.r.Text(c.svgBody(body, s), iround(x), iround(y))
	em := c.fontPx(s.size)
	c.texts = append(c.texts, placedText{body: body, b: box{x: x, y: y - 0.76*em, w: w, h: em}})
}

// placedText is a piece of text drawn and the box it covers (from the
// ascender to the descender), kept so tests can check that no two labels
// overlap and none is clipped.
type placedText struct {
	body string
	b    box
}

// boldMark starts the body of SVG text meant to be bold: go-chart's SVG back
// end names only the font family, so bytes() turns the mark into a
// font-weight on the enclosing element.
const boldMark = "\u2060"

var boldText = regexp.MustCompile(`(<text [^>]*style="[^"]*)("[^>]*>)` + boldMark)

// svgBody escapes text for SVG and marks bold text; PNG text is unchanged.
func (c *canvas) svgBody(body string, s textStyle) string {
	if !c.svg {
		return body
	}
	body = xmlEscape(body)
	if s.bold {
		body = boldMark + body
	}
	return body
}

// textMid draws body vertically centred on y.
func (c *canvas) textMid(body string, x, y float64, align int, s textStyle) {
	c.text(body, x, y+c.capHeight(s.size)/2, align, s)
}

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;")

func xmlEscape(s string) string { return xmlEscaper.Replace(s) }

func iround(v float64) int { return int(math.Round(v)) }

// textOnBg draws body vertically centred on y over a padded rectangle of
// colour bg, so it stays legible above lines and fills.
func (c *canvas) textOnBg(body string, x, y float64, align int, s textStyle, bg drawing.Color) {
	w := c.measure(body, s)
	left := x
	switch align {
	case alignCenter:
		left = x - w/2
	case alignRight:
		left = x - w
	}
	p := c.px(2)
	h := c.capHeight(s.size)
	c.rect(left-p, y-h/2-p-c.px(1), w+2*p, h+2*p+c.px(2), withAlpha(bg, 220))
	c.textMid(body, x, y, align, s)
}

package report

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// svgChart is a chart drawn by package charts as SVG (go-chart's SVG back
// end), parsed so that the report can draw it into the PDF as vector
// graphics: sharp at any zoom, selectable text, and a few kilobytes instead
// of a raster image. Only what that back end writes is read: an <svg> with
// width and height in pixels, <path> elements whose d holds M, L and Z
// commands (with an optional stroke-dasharray attribute) and <text>
// elements at a baseline point; styles are stroke-width, stroke and fill as
// rgba(…) or none, font-size in px and font-weight bold.
type svgChart struct {
	w, h  float64 // size in SVG pixels
	items []svgItem
}

// svgItem is one path or one text of an svgChart.
type svgItem struct {
	// A path: its subpaths (each a list of points), whether each is
	// closed, and its paint.
	subpaths [][][2]float64
	closed   []bool
	fill     *rgba
	stroke   *rgba
	width    float64
	dash     []float64
	// A text: its baseline start, size in pixels, weight and colour (fill).
	text string
	x, y float64
	size float64
	bold bool
}

// rgba is a colour with alpha 0–1.
type rgba struct {
	r, g, b int
	a       float64
}

// isSVG reports whether b looks like an SVG document.
func isSVG(b []byte) bool {
	t := bytes.TrimLeft(b, " \t\r\n\ufeff")
	return bytes.HasPrefix(t, []byte("<svg")) || bytes.HasPrefix(t, []byte("<?xml"))
}

// svgCache keeps the last charts parsed: a report measures and draws each
// chart several times (imageSize, figures, imageCol), and parsing is most
// of a vector chart's cost. Keyed by the bytes' address and length (the
// same slice is passed each time); cleared when full.
var svgCache = struct {
	sync.Mutex
	m map[svgKey]*svgChart
}{m: map[svgKey]*svgChart{}}

type svgKey struct {
	p *byte
	n int
}

const svgCacheSize = 32

// parseSVG is parseSVGBytes with svgCache. The chart returned is shared:
// callers only read it.
func parseSVG(b []byte) (*svgChart, error) {
	if len(b) == 0 {
		return parseSVGBytes(b)
	}
	k := svgKey{unsafe.SliceData(b), len(b)}
	svgCache.Lock()
	c, ok := svgCache.m[k]
	svgCache.Unlock()
	if ok {
		return c, nil
	}
	c, err := parseSVGBytes(b)
	if err != nil {
		return nil, err
	}
	svgCache.Lock()
	if len(svgCache.m) >= svgCacheSize {
		clear(svgCache.m)
	}
	svgCache.m[k] = c
	svgCache.Unlock()
	return c, nil
}

// parseSVGBytes reads the SVG subset described at svgChart. Anything else —
// another element, a path command other than M, L, Z, a bad number — is
// an error wrapping diagnostic.ErrInvalid, so a chart the report cannot
// draw is caught when the data are checked, not shown half drawn.
func parseSVGBytes(b []byte) (*svgChart, error) {
	// A label with a control character or invalid UTF-8 (a pillar named
	// so) reaches the SVG as it is, and XML cannot hold it: it is
	// dropped or becomes U+FFFD here, as drawable would do anyway.
	b = bytes.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
			return -1
		}
		return r
	}, bytes.ToValidUTF8(b, []byte("\uFFFD")))
	dec := xml.NewDecoder(bytes.NewReader(b))
	c := &svgChart{}
	var text *svgItem
	sawRoot := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("chart SVG: %v: %w", err, diagnostic.ErrInvalid)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			attr := func(name string) string {
				for _, a := range t.Attr {
					if a.Name.Local == name {
						return a.Value
					}
				}
				return ""
			}
			switch t.Name.Local {
			case "svg":
				sawRoot = true
				if c.w, err = strconv.ParseFloat(attr("width"), 64); err == nil {
					c.h, err = strconv.ParseFloat(attr("height"), 64)
				}
				if err != nil || c.w <= 0 || c.h <= 0 {
					return nil, fmt.Errorf("chart SVG without a size in pixels (width %q, height %q): %w", attr("width"), attr("height"), diagnostic.ErrInvalid)
				}
			case "path":
				it, err := parsePath(attr("d"), attr("style"), attr("stroke-dasharray"))
				if err != nil {
					return nil, err
				}
				c.items = append(c.items, it)
			case "text":
				it := svgItem{}
				st := parseStyle(attr("style"))
				if it.x, err = strconv.ParseFloat(attr("x"), 64); err == nil {
					it.y, err = strconv.ParseFloat(attr("y"), 64)
				}
				if err == nil {
					it.size, err = strconv.ParseFloat(strings.TrimSuffix(st["font-size"], "px"), 64)
				}
				if err != nil {
					return nil, fmt.Errorf("chart SVG text at %q,%q size %q: %w", attr("x"), attr("y"), st["font-size"], diagnostic.ErrInvalid)
				}
				if attr("transform") != "" {
					return nil, fmt.Errorf("chart SVG: transformed text is not drawn: %w", diagnostic.ErrInvalid)
				}
				it.bold = st["font-weight"] == "bold"
				if it.fill, err = parseColour(st["fill"]); err != nil {
					return nil, err
				}
				text = &it
			default:
				return nil, fmt.Errorf("chart SVG: element <%s> is not drawn: %w", t.Name.Local, diagnostic.ErrInvalid)
			}
		case xml.CharData:
			if text != nil {
				text.text += string(t)
			}
		case xml.EndElement:
			if t.Name.Local == "text" && text != nil {
				c.items = append(c.items, *text)
				text = nil
			}
		}
	}
	if !sawRoot {
		return nil, fmt.Errorf("chart SVG without an <svg> element: %w", diagnostic.ErrInvalid)
	}
	return c, nil
}

// parsePath reads one <path>: d with M, L and Z, the style and the dashes.
func parsePath(d, style, dash string) (svgItem, error) {
	it := svgItem{}
	st := parseStyle(style)
	var err error
	if it.fill, err = parseColour(st["fill"]); err != nil {
		return it, err
	}
	if it.stroke, err = parseColour(st["stroke"]); err != nil {
		return it, err
	}
	if w := st["stroke-width"]; w != "" {
		if it.width, err = strconv.ParseFloat(strings.TrimSuffix(w, "px"), 64); err != nil {
			return it, fmt.Errorf("chart SVG stroke width %q: %w", w, diagnostic.ErrInvalid)
		}
	}
	for _, f := range strings.FieldsFunc(dash, func(r rune) bool { return r == ',' || r == ' ' }) {
		v, err := strconv.ParseFloat(f, 64)
		if err != nil {
			return it, fmt.Errorf("chart SVG dashes %q: %w", dash, diagnostic.ErrInvalid)
		}
		it.dash = append(it.dash, v)
	}
	fields := strings.Fields(d)
	for i := 0; i < len(fields); {
		switch cmd := fields[i]; cmd {
		case "M", "L":
			if i+2 >= len(fields) {
				return it, fmt.Errorf("chart SVG path %q ends early: %w", d, diagnostic.ErrInvalid)
			}
			x, ex := strconv.ParseFloat(fields[i+1], 64)
			y, ey := strconv.ParseFloat(fields[i+2], 64)
			if ex != nil || ey != nil {
				return it, fmt.Errorf("chart SVG path %q: bad point: %w", d, diagnostic.ErrInvalid)
			}
			if cmd == "M" || len(it.subpaths) == 0 {
				it.subpaths = append(it.subpaths, nil)
				it.closed = append(it.closed, false)
			}
			n := len(it.subpaths) - 1
			it.subpaths[n] = append(it.subpaths[n], [2]float64{x, y})
			i += 3
		case "Z", "z":
			if n := len(it.closed); n > 0 {
				it.closed[n-1] = true
			}
			i++
		default:
			return it, fmt.Errorf("chart SVG path command %q is not drawn: %w", cmd, diagnostic.ErrInvalid)
		}
	}
	return it, nil
}

// parseStyle splits "a:b;c:d" into a map.
func parseStyle(s string) map[string]string {
	out := map[string]string{}
	for _, decl := range strings.Split(s, ";") {
		if k, v, ok := strings.Cut(decl, ":"); ok {
			out[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return out
}

// parseColour reads rgba(r,g,b,a), rgb(r,g,b) or none/empty (nil).
func parseColour(s string) (*rgba, error) {
	if s == "" || s == "none" || s == "transparent" {
		return nil, nil
	}
	inner, ok := strings.CutPrefix(s, "rgba(")
	if !ok {
		inner, ok = strings.CutPrefix(s, "rgb(")
	}
	inner, closed := strings.CutSuffix(inner, ")")
	parts := strings.Split(inner, ",")
	if !ok || !closed || len(parts) < 3 || len(parts) > 4 {
		return nil, fmt.Errorf("chart SVG colour %q: %w", s, diagnostic.ErrInvalid)
	}
	var v [4]float64
	v[3] = 1
	for i, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return nil, fmt.Errorf("chart SVG colour %q: %w", s, diagnostic.ErrInvalid)
		}
		v[i] = f
	}
	if v[3] <= 0 {
		return nil, nil
	}
	return &rgba{int(v[0]), int(v[1]), int(v[2]), min(v[3], 1)}, nil
}

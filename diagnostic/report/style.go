package report

import (
	"bytes"
	"image"
	_ "image/jpeg" // logos may be JPEG
	_ "image/png"  // charts and logos
	"math"
	"regexp"
	"strings"
	"unicode"

	"github.com/johnfercher/maroto/v2/pkg/components/col"
	mimage "github.com/johnfercher/maroto/v2/pkg/components/image"
	"github.com/johnfercher/maroto/v2/pkg/components/line"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/components/text"
	"github.com/johnfercher/maroto/v2/pkg/consts/align"
	"github.com/johnfercher/maroto/v2/pkg/consts/extension"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"
)

// The report's palette.
var (
	colText    = &props.Color{Red: 33, Green: 37, Blue: 41}
	colMuted   = &props.Color{Red: 108, Green: 117, Blue: 125}
	colPrimary = &props.Color{Red: 22, Green: 58, Blue: 107}
	colAccent  = &props.Color{Red: 0, Green: 121, Blue: 140}
	colRule    = &props.Color{Red: 200, Green: 206, Blue: 214}
	colHeadBg  = &props.Color{Red: 22, Green: 58, Blue: 107}
	colZebra   = &props.Color{Red: 243, Green: 246, Blue: 250}
	colPanel   = &props.Color{Red: 235, Green: 241, Blue: 248}
	colWhite   = &props.Color{Red: 255, Green: 255, Blue: 255}
	colGood    = &props.Color{Red: 30, Green: 126, Blue: 52}
	colWarn    = &props.Color{Red: 176, Green: 106, Blue: 0}
	colBad     = &props.Color{Red: 190, Green: 30, Blue: 45}
)

// statusColour is the colour a KPI status is written in.
func statusColour(s Status) *props.Color {
	switch s {
	case StatusOnTrack:
		return colGood
	case StatusAtRisk:
		return colWarn
	case StatusOffTrack:
		return colBad
	}
	return colMuted
}

// trendColour is the colour a trend is written in.
func trendColour(t Trend) *props.Color {
	switch t {
	case TrendImproving:
		return colGood
	case TrendWorsening:
		return colBad
	}
	return colMuted
}

// txt is a text style: size in points, bold or not, colour and alignment.
type txt struct {
	size  float64
	bold  bool
	color *props.Color
	align align.Type
	top   float64
	bot   float64
}

// props turns a text style into maroto's properties, with cell padding.
func (s txt) props() props.Text {
	st := fontstyle.Normal
	if s.bold {
		st = fontstyle.Bold
	}
	c := s.color
	if c == nil {
		c = colText
	}
	a := s.align
	if a == "" {
		a = align.Left
	}
	return props.Text{Family: fontFamily, Style: st, Size: s.size, Color: c, Align: a,
		Top: s.top, Bottom: s.bot, Left: 1.5, Right: 1.5, VerticalPadding: s.size * 0.12}
}

// The text styles of the report.
var (
	stBody    = txt{size: 9, top: 1, bot: 1}
	stSmall   = txt{size: 7.5, color: colMuted, top: 0.5, bot: 1}
	stCell    = txt{size: 8, top: 1.4, bot: 1.4}
	stCellB   = txt{size: 8, bold: true, top: 1.4, bot: 1.4}
	stHeadCel = txt{size: 8, bold: true, color: colWhite, top: 1.6, bot: 1.6}
	stH1      = txt{size: 17, bold: true, color: colPrimary, top: 0, bot: 2}
	stH2      = txt{size: 11.5, bold: true, color: colAccent, top: 3, bot: 1.5}
	stCaption = txt{size: 8, color: colMuted, top: 1, bot: 2, align: align.Center}
)

// t makes a text component. Runs of white space, line breaks included,
// become one space: maroto wraps text itself and would print a line break
// as a stray glyph.
func (s txt) t(value string) core.Component { return text.New(clean(value), s.props()) }

// clean collapses every run of breaking white space into one space and
// trims the ends. No-break spaces (U+00A0, U+202F, U+2007) are kept: the
// locale puts one between a number and its unit ("14,3 %", "1.234 €") and
// maroto breaks lines only at plain spaces, so the two stay on one line.
// A plain space between a digit and a percent or currency sign (typed in
// content text) becomes a no-break space too.
func clean(s string) string {
	s = breakLongWords(strings.Join(strings.FieldsFunc(drawable(s), breakingSpace), " "))
	return numberUnit.ReplaceAllString(s, "$1\u00a0$2")
}

// numberUnit matches a digit, a plain space and a percent or currency sign.
var numberUnit = regexp.MustCompile(`(\d) ([%€$£¥])`)

// breakingSpace reports whether r is white space a line may break at.
func breakingSpace(r rune) bool {
	switch r {
	case '\u00a0', '\u202f', '\u2007':
		return false
	}
	return unicode.IsSpace(r)
}

// with returns a copy of the style in another colour.
func (s txt) with(c *props.Color) txt { s.color = c; return s }

// aligned returns a copy of the style with another alignment.
func (s txt) aligned(a align.Type) txt { s.align = a; return s }

// textRow is a full-width row of automatic height holding one text.
func textRow(s txt, value string) core.Row {
	return row.New().Add(col.New(gridSize).Add(s.t(value)))
}

// spacer is an empty row h millimetres high.
func spacer(h float64) core.Row { return row.New(h).Add(col.New(gridSize)) }

// rule is a thin horizontal line across the text width.
func rule(c *props.Color, thickness float64) core.Row {
	return row.New(1.5).Add(col.New(gridSize).Add(line.New(props.Line{Color: c, Thickness: thickness, OffsetPercent: 50, SizePercent: 100})))
}

// panel is the cell style of a shaded box.
func panel(bg *props.Color) *props.Cell { return &props.Cell{BackgroundColor: bg} }

// extSVG marks a chart given as SVG (package charts' SVG back end): it is
// drawn as vector graphics (vectorChart), not as an image.
const extSVG extension.Type = "svg"

// imageSize returns the pixel size of a PNG, JPEG or chart SVG and its
// extension; ok is false when the bytes are not a readable image.
func imageSize(b []byte) (w, h int, ext extension.Type, ok bool) {
	if isSVG(b) {
		c, err := parseSVG(b)
		if err != nil {
			return 0, 0, "", false
		}
		return int(math.Round(c.w)), int(math.Round(c.h)), extSVG, true
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil || cfg.Width == 0 || cfg.Height == 0 {
		return 0, 0, "", false
	}
	switch format {
	case "png":
		ext = extension.Png
	case "jpeg":
		ext = extension.Jpeg
	default:
		return 0, 0, "", false
	}
	return cfg.Width, cfg.Height, ext, true
}

// imageCol is a column of size cols (out of the grid) holding an image
// scaled to fit and centred; a chart SVG is drawn as vector graphics.
func imageCol(cols int, b []byte, ext extension.Type) core.Col {
	if ext == extSVG {
		if c, err := parseSVG(b); err == nil {
			return col.New(cols).Add(&vectorChart{svg: c})
		}
		return col.New(cols) // imageSize already refused it
	}
	return col.New(cols).Add(mimage.NewFromBytes(b, ext, props.Rect{Center: true, Percent: 100}))
}

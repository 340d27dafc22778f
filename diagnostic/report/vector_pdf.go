package report

import (
	"reflect"
	"unsafe"

	"github.com/johnfercher/go-tree/node"
	"github.com/johnfercher/maroto/v2/pkg/components/text"
	"github.com/johnfercher/maroto/v2/pkg/consts/align"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/core/entity"
	"github.com/johnfercher/maroto/v2/pkg/props"
	"github.com/phpdave11/gofpdf"
)

// vectorChart is a maroto component that draws an svgChart into the PDF
// as paths and text, scaled to fit its cell and centred (like an image
// at 100 %).
//
// maroto has no component for vector drawing and its provider does not
// expose the PDF library underneath, so Render reaches the provider's
// *gofpdf.Fpdf by reflection (fpdfOf). TestVectorCharts fails if a maroto
// upgrade moves it; should that happen at run time, the cell shows
// "[chart]" instead of a crash.
type vectorChart struct {
	svg *svgChart
}

// GetStructure describes the chart for maroto's structure dump.
func (v *vectorChart) GetStructure() *node.Node[core.Structure] {
	return node.New(core.Structure{Type: "vector-chart"})
}

// SetConfig does nothing: the chart has no configurable properties.
func (v *vectorChart) SetConfig(*entity.Config) {}

// GetHeight is the chart's height at the cell's width.
func (v *vectorChart) GetHeight(_ core.Provider, cell *entity.Cell) float64 {
	return cell.Width * v.svg.h / v.svg.w
}

// Render draws the chart.
func (v *vectorChart) Render(provider core.Provider, cell *entity.Cell) {
	pdf, ok := fpdfOf(provider)
	if !ok {
		text.New("[chart]", props.Text{Align: align.Center, Style: fontstyle.Normal}).Render(provider, cell)
		return
	}
	left, top, _, _ := pdf.GetMargins()
	scale := min(cell.Width/v.svg.w, cell.Height/v.svg.h)
	x0 := left + cell.X + (cell.Width-v.svg.w*scale)/2
	y0 := top + cell.Y + (cell.Height-v.svg.h*scale)/2
	drawSVG(pdf, v.svg, x0, y0, scale)
}

// fpdfOf returns the gofpdf document behind maroto's provider: the
// unexported field fpdf of maroto v2's gofpdf provider (a
// gofpdfwrapper.Fpdf interface holding a *gofpdf.Fpdf). ok is false when
// the provider has another shape.
func fpdfOf(p core.Provider) (*gofpdf.Fpdf, bool) {
	v := reflect.ValueOf(p)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return nil, false
	}
	f := v.Elem().FieldByName("fpdf")
	if !f.IsValid() || f.Kind() != reflect.Interface || !f.CanAddr() {
		return nil, false
	}
	// The field is unexported: read it through its address.
	f = reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
	if f.IsNil() {
		return nil, false
	}
	pdf, ok := f.Interface().(*gofpdf.Fpdf)
	return pdf, ok && pdf != nil
}

// drawSVG draws c with its top-left corner at (x0, y0) millimetres, scale
// millimetres per SVG pixel. The drawing state gofpdf tracks (colours,
// line width, dashes, alpha) is put back afterwards, so maroto's next
// drawing is unaffected; maroto sets the font before every text.
// (The current position too.)
func drawSVG(pdf *gofpdf.Fpdf, c *svgChart, x0, y0, scale float64) {
	dr, dg, db := pdf.GetDrawColor()
	fr, fg, fb := pdf.GetFillColor()
	tr, tg, tb := pdf.GetTextColor()
	lw := pdf.GetLineWidth()
	alpha, blend := pdf.GetAlpha()
	// gofpdf's path functions move its current position, which maroto's
	// cells are drawn from: put it back too.
	cx, cy := pdf.GetXY()
	defer func() {
		pdf.SetXY(cx, cy)
		pdf.SetDrawColor(dr, dg, db)
		pdf.SetFillColor(fr, fg, fb)
		pdf.SetTextColor(tr, tg, tb)
		pdf.SetLineWidth(lw)
		pdf.SetDashPattern(nil, 0)
		pdf.SetAlpha(alpha, blend)
	}()
	px := func(x, y float64) (float64, float64) { return x0 + x*scale, y0 + y*scale }
	setAlpha := func(a float64) {
		if cur, _ := pdf.GetAlpha(); cur != a {
			pdf.SetAlpha(a, "Normal")
		}
	}
	pdf.SetLineCapStyle("butt")
	pdf.SetLineJoinStyle("miter")
	for _, it := range c.items {
		if it.text != "" || it.subpaths == nil {
			if it.text == "" || it.fill == nil {
				continue
			}
			style := ""
			if it.bold {
				style = "B"
			}
			pdf.SetFont(fontFamily, style, it.size*scale/ptInMM)
			pdf.SetTextColor(it.fill.r, it.fill.g, it.fill.b)
			setAlpha(it.fill.a)
			x, y := px(it.x, it.y)
			pdf.Text(x, y, drawable(it.text))
			continue
		}
		stroke := it.stroke != nil && it.width > 0
		if it.fill == nil && !stroke {
			continue
		}
		// Fill and stroke may have different alphas: paint in two passes
		// when they differ, once otherwise.
		passes := []string{"F", "D"}
		if it.fill != nil && stroke && it.fill.a == it.stroke.a {
			passes = []string{"FD"}
		}
		for _, pass := range passes {
			if pass == "F" && it.fill == nil || pass == "D" && !stroke {
				continue
			}
			if pass != "D" {
				pdf.SetFillColor(it.fill.r, it.fill.g, it.fill.b)
				setAlpha(it.fill.a)
			}
			if pass != "F" {
				pdf.SetDrawColor(it.stroke.r, it.stroke.g, it.stroke.b)
				pdf.SetLineWidth(it.width * scale)
				dash := make([]float64, len(it.dash))
				for i, d := range it.dash {
					dash[i] = d * scale
				}
				pdf.SetDashPattern(dash, 0)
				setAlpha(it.stroke.a)
			}
			for i, sp := range it.subpaths {
				for j, p := range sp {
					x, y := px(p[0], p[1])
					if j == 0 {
						pdf.MoveTo(x, y)
					} else {
						pdf.LineTo(x, y)
					}
				}
				if it.closed[i] {
					pdf.ClosePath()
				}
			}
			pdf.DrawPath(pass)
		}
	}
}

// ptInMM is one typographic point in millimetres.
const ptInMM = 25.4 / 72

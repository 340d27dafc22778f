package report

import (
	"errors"
	"strings"
	"testing"

	"github.com/phpdave11/gofpdf"

	"github.com/revopsdx/revopsdx/assets"
	"github.com/revopsdx/revopsdx/charts"
	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// radarSVG draws a radar with package charts' SVG back end, as
// chartset.ForReport does for the report.
func radarSVG(t *testing.T, axes ...string) []byte {
	t.Helper()
	vals := make([]*float64, len(axes))
	for i := range vals {
		vals[i] = f64(float64(30 + 8*i))
	}
	w, h := chartSize[ChartRadar][0], chartSize[ChartRadar][1]
	b, err := charts.Radar(charts.RadarData{Axes: axes, Series: []charts.Series{{Name: "2026", Values: vals}}},
		charts.Options{Width: w, Height: h, Lang: locale.ES, Format: charts.SVG})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestParseSVG reads what the charts' SVG back end writes (paths and
// texts) and refuses what the report cannot draw, with ErrInvalid.
func TestParseSVG(t *testing.T) {
	c, err := parseSVG(radarSVG(t, "Objetivos", "Datos", "Cultura", "Alineación", "Métricas"))
	if err != nil {
		t.Fatal(err)
	}
	paths, texts := 0, map[string]bool{}
	for _, it := range c.items {
		if it.text != "" {
			texts[it.text] = true
			if it.size <= 0 || it.fill == nil {
				t.Errorf("text %q without size or colour", it.text)
			}
		} else if len(it.subpaths) > 0 {
			paths++
		}
	}
	if c.w != float64(chartSize[ChartRadar][0]) || paths < 10 || !texts["Alineación"] {
		t.Errorf("parsed %g×%g, %d paths, texts %v", c.w, c.h, paths, texts)
	}
	// A label with characters XML cannot hold still parses (they are
	// dropped, or U+FFFD for invalid UTF-8).
	odd, err := parseSVG([]byte("<svg width=\"10\" height=\"10\"><text x=\"1\" y=\"2\" style=\"font-size:12px;fill:rgba(0,0,0,1.0)\">a\x00b\xffc</text></svg>"))
	if err != nil || len(odd.items) != 1 || odd.items[0].text != "ab\uFFFDc" {
		t.Errorf("odd label: %+v %v", odd, err)
	}
	for _, bad := range []string{
		`<svg width="10" height="10"><circle r="3"/></svg>`,
		`<svg width="10" height="10"><path d="M 0 0 C 1 1 2 2 3 3" style="fill:none"/></svg>`,
		`<svg width="10" height="10"><path d="M 0 0 L 1" style="fill:none"/></svg>`,
		`<svg width="10" height="10"><path d="M 0 0 L 1 1" style="fill:blue"/></svg>`,
		`<svg height="10"></svg>`,
		`<svg width="10" height="10"><text x="1" y="2" style="font-size:12px;fill:rgba(0,0,0,1.0)" transform="rotate(90)">x</text></svg>`,
		`<svg width="10" height="10"><path`,
	} {
		if _, err := parseSVG([]byte(bad)); !errors.Is(err, diagnostic.ErrInvalid) {
			t.Errorf("%s: %v, want ErrInvalid", bad, err)
		}
	}
}

// TestVectorCharts renders the sample with its report-wide charts as SVG:
// they are drawn as vector graphics (no raster image in the PDF; their
// labels are text pdftotext reads), the table drawn after a chart keeps
// its place, and the file is small.
func TestVectorCharts(t *testing.T) {
	needPoppler(t)
	d := sampleData(locale.ES)
	axes := make([]string, len(d.Pillars))
	for i, p := range d.Pillars {
		axes[i] = p.Name
	}
	d.Charts.Radar = radarSVG(t, axes...)
	d.Charts.Pillars, d.Charts.Alignment = nil, nil
	for i := range d.KPIs {
		d.KPIs[i].Chart = nil
	}
	path := renderTo(t, "vector.pdf", d, Options{Sections: []string{SectionMaturity}})
	if list := run(t, "pdfimages", "-f", "2", "-list", path); strings.Count(list, "\n") > 2 { // the cover has the logo
		t.Errorf("the PDF still holds raster images:\n%s", list)
	}
	text := pdfText(t, path, 2, 2)
	for _, want := range []string{"Madurez por pilar", axes[0], "Puntuación global"} {
		if !strings.Contains(text, want) {
			t.Errorf("page 2 lacks %q: %q", want, text)
		}
	}
	// The chart's text comes before the table's: the table was not drawn
	// over the chart (the current position was put back).
	if i, j := strings.Index(text, "Madurez por pilar"), strings.Index(text, "Puntuación global"); i < 0 || j < i {
		t.Errorf("chart title at %d, table at %d", i, j)
	}
}

// TestFpdfOf: maroto's provider still holds a *gofpdf.Fpdf where fpdfOf
// looks for it; a maroto upgrade that moves it fails here (the charts
// would print as "[chart]").
func TestFpdfOf(t *testing.T) {
	d := sampleData(locale.EN)
	r, err := Options{}.resolve(&d)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := content()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := newDoc(&d, r, cat[r.lang])
	if err != nil {
		t.Fatal(err)
	}
	if doc.probe.provider == nil {
		t.Fatal("the probe has no provider")
	}
	if pdf, ok := fpdfOf(doc.probe.provider); !ok || pdf == nil {
		t.Error("fpdfOf cannot reach maroto's gofpdf document")
	}
	if _, ok := fpdfOf(nil); ok {
		t.Error("fpdfOf(nil) succeeded")
	}
}

// TestDrawSVGKeepsState: drawing a chart leaves gofpdf's current position,
// colours and line width as they were, so maroto's next cell (drawn from
// the current position) lands where it should.
func TestDrawSVGKeepsState(t *testing.T) {
	c, err := parseSVG(radarSVG(t, "A", "B", "C"))
	if err != nil {
		t.Fatal(err)
	}
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes(fontFamily, "", mustFont(t, "DejaVuSans.ttf"))
	pdf.AddUTF8FontFromBytes(fontFamily, "B", mustFont(t, "DejaVuSans-Bold.ttf"))
	pdf.AddPage()
	pdf.SetXY(12, 34)
	pdf.SetDrawColor(1, 2, 3)
	pdf.SetFillColor(4, 5, 6)
	pdf.SetLineWidth(0.3)
	drawSVG(pdf, c, 20, 40, 0.25)
	if x, y := pdf.GetXY(); x != 12 || y != 34 {
		t.Errorf("position %g,%g after the chart, want 12,34", x, y)
	}
	if r, g, b := pdf.GetDrawColor(); r != 1 || g != 2 || b != 3 {
		t.Errorf("draw colour %d,%d,%d", r, g, b)
	}
	if r, g, b := pdf.GetFillColor(); r != 4 || g != 5 || b != 6 {
		t.Errorf("fill colour %d,%d,%d", r, g, b)
	}
	if w := pdf.GetLineWidth(); w != 0.3 {
		t.Errorf("line width %g", w)
	}
	if err := pdf.Error(); err != nil {
		t.Fatal(err)
	}
}

func mustFont(t *testing.T, name string) []byte {
	t.Helper()
	b, err := assets.Font(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestChartLabelsAtLeast8pt: every chart is asked at a pixel size that,
// at the width the report prints it on A4 (the narrower paper width), keeps
// its smallest labels at 8 pt or more.
func TestChartLabelsAtLeast8pt(t *testing.T) {
	const textWidthA4 = 178.0 // mm
	printed := map[ChartKind]float64{
		ChartRadar: 0.57 * textWidthA4, ChartPillars: 0.9 * textWidthA4, ChartAlignment: 0.9 * textWidthA4, ChartKPITrend: textWidthA4 / 2,
	}
	for k, sz := range chartSize {
		mm, ok := printed[k]
		if !ok {
			t.Errorf("no print width known for %s", k)
			continue
		}
		if min := minChartWidth(sz[0]); mm < min {
			t.Errorf("%s: %d px printed at %.0f mm puts 12 px labels under 8 pt (needs %.0f mm)", k, sz[0], mm, min)
		}
	}
}

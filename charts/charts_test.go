package charts

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"math"
	"strings"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// chartCase is one input of one chart, drawn to a canvas so that tests can
// inspect the placed labels as well as the bytes.
type chartCase struct {
	name  string
	empty bool // expected to give the "no data" image
	draw  func(o Options) (*canvas, error)
}

// cases covers every chart with typical data, empty data, a single point,
// negative and extreme values and long series (24 and 60 periods).
func cases(l locale.Lang) []chartCase {
	money := func(o Options) Options { o.Unit, o.Currency = diagnostic.UnitMoney, "EUR"; return o }
	pct := func(o Options) Options { o.Unit = diagnostic.UnitPercent; return o }
	trendN := func(n int) TrendData { return sampleRevenue(l, n) }
	singleRadar := RadarData{Axes: pillarNames(l)[:1], Series: []Series{{Values: fs(40), Kind: Primary}}}
	wild := RadarData{Axes: pillarNames(l), Series: []Series{{Values: []*float64{F(-20), F(1e9), F(math.NaN()), F(math.Inf(1)), nil, F(0), F(100)}, Kind: Primary}}}
	negPillars := PillarData{Pillars: []PillarScore{{Name: pillarNames(l)[5], Score: F(-10)}, {Name: pillarNames(l)[6], Score: F(250), Earlier: F(-5)}}}
	return []chartCase{
		{"radar", false, func(o Options) (*canvas, error) { return radar(sampleRadar(l, true), o) }},
		{"radar-empty", true, func(o Options) (*canvas, error) { return radar(RadarData{Axes: pillarNames(l)}, o) }},
		{"radar-single", false, func(o Options) (*canvas, error) { return radar(singleRadar, o) }},
		{"radar-extreme", false, func(o Options) (*canvas, error) { return radar(wild, o) }},
		{"pillars", false, func(o Options) (*canvas, error) { return pillarBars(samplePillars(l, true), o) }},
		{"pillars-empty", true, func(o Options) (*canvas, error) { return pillarBars(PillarData{}, o) }},
		{"pillars-single", false, func(o Options) (*canvas, error) {
			return pillarBars(PillarData{Pillars: samplePillars(l, false).Pillars[:1]}, o)
		}},
		{"pillars-extreme", false, func(o Options) (*canvas, error) { return pillarBars(negPillars, o) }},
		{"alignment", false, func(o Options) (*canvas, error) { return alignment(sampleAlignment(l), o) }},
		{"alignment-empty", true, func(o Options) (*canvas, error) { return alignment(AlignmentData{Pillars: pillarNames(l)}, o) }},
		{"alignment-single", false, func(o Options) (*canvas, error) {
			return alignment(AlignmentData{Pillars: pillarNames(l)[:1], Departments: []DepartmentScores{{Name: "X", Scores: fs(50)}}}, o)
		}},
		{"alignment-extreme", false, func(o Options) (*canvas, error) {
			return alignment(AlignmentData{Pillars: pillarNames(l)[:2], Departments: []DepartmentScores{{Name: "A", Scores: fs(0, 100)}, {Name: "B", Scores: []*float64{F(-50), F(1e6)}}}, Flagged: []bool{true, true}}, o)
		}},
		{"trend-12", false, func(o Options) (*canvas, error) { return trend(sampleWinRate(l), pct(o)) }},
		{"trend-24", false, func(o Options) (*canvas, error) { return trend(trendN(24), money(o)) }},
		{"trend-60", false, func(o Options) (*canvas, error) { return trend(trendN(60), money(o)) }},
		{"trend-120", false, func(o Options) (*canvas, error) { return trend(sampleLeads(l, 120), o) }},
		{"trend-empty", true, func(o Options) (*canvas, error) {
			return trend(TrendData{Title: "KPI", Points: []Point{{Month: start}}}, o)
		}},
		{"trend-single", false, func(o Options) (*canvas, error) {
			d := sampleWinRate(l)
			d.Points = d.Points[:1]
			return trend(d, pct(o))
		}},
		{"trend-negative", false, func(o Options) (*canvas, error) { return trend(sampleNetProfit(l), money(o)) }},
		{"trend-extreme", false, func(o Options) (*canvas, error) { return trend(sampleExtreme(l), money(o)) }},
		{"trend-overflow", false, func(o Options) (*canvas, error) {
			// ±1e300 are dropped as input errors; the ordinary points remain.
			return trend(TrendData{Title: "X", Points: []Point{{Month: start, Value: F(1e300)}, {Month: start.Add(1), Value: F(-1e300)}, {Month: start.Add(2), Value: F(5)}, {Month: start.Add(3), Value: F(7)}}}, o)
		}},
		{"trend-overflow-only", true, func(o Options) (*canvas, error) {
			return trend(TrendData{Title: "X", Points: []Point{{Month: start, Value: F(math.MaxFloat64)}, {Month: start.Add(1), Value: F(math.Inf(-1))}}}, o)
		}},
		{"trend-flat-zero", false, func(o Options) (*canvas, error) {
			return trend(TrendData{Title: "0", Points: []Point{{Month: start, Value: F(0)}, {Month: start.Add(1), Value: F(0)}}}, o)
		}},
		{"funnel", false, func(o Options) (*canvas, error) {
			return funnel(StandardFunnel(F(4200), F(1350), F(520), F(210), F(48)), o)
		}},
		{"funnel-empty", true, func(o Options) (*canvas, error) { return funnel(StandardFunnel(nil, nil, nil, nil, nil), o) }},
		{"funnel-single", false, func(o Options) (*canvas, error) {
			return funnel(FunnelData{Stages: []Stage{{Key: "leads", Value: F(10)}}}, o)
		}},
		{"funnel-extreme", false, func(o Options) (*canvas, error) { return funnel(StandardFunnel(F(2.5e12), F(1), F(0), nil, F(-5)), o) }},
		{"tile", false, func(o Options) (*canvas, error) { return scorecard(sampleTiles(l)[0], pct(o)) }},
		{"tile-lower-better", false, func(o Options) (*canvas, error) { return scorecard(sampleTiles(l)[1], money(o)) }},
		{"tile-empty", true, func(o Options) (*canvas, error) { return scorecard(TileData{Title: "NPS"}, o) }},
		{"tile-extreme", false, func(o Options) (*canvas, error) {
			return scorecard(TileData{Title: "X", Value: F(-9.87e14), Previous: F(0), Target: F(1), Benchmark: &Benchmark{P25: F(5), P75: F(5)}}, money(o))
		}},
	}
}

// eachVariant runs f for both languages, both themes and both formats.
func eachVariant(t *testing.T, f func(t *testing.T, l locale.Lang, o Options)) {
	for _, l := range locale.Langs {
		for _, dark := range []bool{false, true} {
			for _, format := range []Format{PNG, SVG} {
				o := Options{Lang: l, Dark: dark, Format: format}
				t.Run(fmt.Sprintf("%s-dark=%v-%s", l, dark, format), func(t *testing.T) { f(t, l, o) })
			}
		}
	}
}

func TestEveryChartRendersValidImages(t *testing.T) {
	eachVariant(t, func(t *testing.T, l locale.Lang, o Options) {
		for _, cc := range cases(l) {
			c, err := cc.draw(o)
			if err != nil {
				t.Fatalf("%s: %v", cc.name, err)
			}
			b, err := c.bytes()
			if err != nil {
				t.Fatalf("%s: %v", cc.name, err)
			}
			if o.Format == SVG {
				checkSVG(t, cc.name, b)
			} else {
				checkPNG(t, cc.name, b, c.w, c.h)
			}
			noData := tr(l, "nodata.title")
			if got := hasText(c, noData); got != cc.empty {
				t.Errorf("%s: shows %q = %v, want %v", cc.name, noData, got, cc.empty)
			}
		}
	})
}

// checkPNG decodes b, checks its size and that it is not an empty frame:
// a chart has at least a background, text and one more colour.
func checkPNG(t *testing.T, name string, b []byte, w, h int) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: PNG does not decode: %v", name, err)
	}
	if got := img.Bounds().Size(); got != image.Pt(w, h) {
		t.Fatalf("%s: size %v, want %dx%d", name, got, w, h)
	}
	colours := map[[4]uint32]bool{}
	for y := 0; y < h; y += 3 {
		for x := 0; x < w; x += 3 {
			r, g, b, a := img.At(x, y).RGBA()
			colours[[4]uint32{r >> 12, g >> 12, b >> 12, a >> 12}] = true
		}
	}
	if len(colours) < 3 {
		t.Errorf("%s: only %d colours: an empty frame", name, len(colours))
	}
	if _, _, _, a := img.At(w/2, h/2).RGBA(); a != 0xffff {
		t.Errorf("%s: transparent background", name)
	}
}

// checkSVG parses b as XML to the end and checks the root element.
func checkSVG(t *testing.T, name string, b []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	root := ""
	texts := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: SVG is not XML: %v\n%s", name, err, b)
		}
		if se, ok := tok.(xml.StartElement); ok {
			if root == "" {
				root = se.Name.Local
			}
			if se.Name.Local == "text" {
				texts++
			}
		}
	}
	if !bytes.HasPrefix(b, []byte(`<svg width="`)) {
		t.Errorf("%s: SVG without a width", name)
	}
	if root != "svg" || texts == 0 {
		t.Errorf("%s: root <%s> with %d texts", name, root, texts)
	}
	if bytes.Contains(b, []byte(boldMark)) {
		t.Errorf("%s: bold mark left in the SVG", name)
	}
}

func hasText(c *canvas, s string) bool {
	for _, pt := range c.texts {
		if pt.body == s {
			return true
		}
	}
	return false
}

// TestLabelsNeitherOverlapNorClip checks every placed text of every chart,
// including 24 and 60 monthly points and the longest Spanish pillar names,
// at the default size and at a small one: no two labels overlap and none
// leaves the image.
func TestLabelsNeitherOverlapNorClip(t *testing.T) {
	for _, l := range locale.Langs {
		for _, size := range []struct{ w, h int }{{0, 0}, {480, 360}, {360, 260}} {
			for _, cc := range cases(l) {
				o := Options{Lang: l, Width: size.w, Height: size.h}
				if strings.HasPrefix(cc.name, "tile") && size.w != 0 {
					o.Width, o.Height = size.w*3/5, size.h/2
				}
				c, err := cc.draw(o)
				if err != nil {
					t.Fatalf("%s: %v", cc.name, err)
				}
				name := fmt.Sprintf("%s/%s/%dx%d", l, cc.name, c.w, c.h)
				for i, a := range c.texts {
					if a.b.x < -0.5 || a.b.y < -0.5 || a.b.right() > float64(c.w)+0.5 || a.b.bottom() > float64(c.h)+0.5 {
						t.Errorf("%s: %q clipped at %+v", name, a.body, a.b)
					}
					for _, b := range c.texts[i+1:] {
						if overlaps(a.b, b.b) {
							t.Errorf("%s: %q %+v overlaps %q %+v", name, a.body, a.b, b.body, b.b)
						}
					}
				}
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	eachVariant(t, func(t *testing.T, l locale.Lang, o Options) {
		for _, cc := range cases(l)[:6] {
			a, err := encode(cc.draw(o))
			if err != nil {
				t.Fatal(err)
			}
			b, err := encode(cc.draw(o))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a, b) {
				t.Errorf("%s: two renderings differ", cc.name)
			}
		}
	})
}

// TestConcurrentRendering renders the same chart from several goroutines
// (run with -race) and expects identical bytes.
func TestConcurrentRendering(t *testing.T) {
	o := Options{Lang: locale.ES}
	want, err := Trend(sampleRevenue(locale.ES, 24), o)
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			got, err := Trend(sampleRevenue(locale.ES, 24), o)
			if err == nil && !bytes.Equal(got, want) {
				err = errors.New("different bytes")
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

func TestOptionsValidation(t *testing.T) {
	bad := []Options{{Width: 10}, {Width: 9000, Height: 100}, {DPI: 5}, {Format: "gif"}}
	for _, o := range bad {
		if _, err := Radar(sampleRadar(locale.EN, false), o); !errors.Is(err, diagnostic.ErrInvalid) {
			t.Errorf("%+v: err = %v, want ErrInvalid", o, err)
		}
	}
	// Defaults: size of the chart type, PNG.
	b, err := Funnel(StandardFunnel(F(1), nil, nil, nil, nil), Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkPNG(t, "funnel-default", b, funnelW, funnelH)
	if _, err := ParseFormat("svg"); err != nil {
		t.Error(err)
	}
	if _, err := ParseFormat("jpg"); !errors.Is(err, diagnostic.ErrInvalid) {
		t.Errorf("ParseFormat(jpg) = %v", err)
	}
}

// TestDPIScales renders the same chart at 96 and 192 DPI with twice the
// pixels: the labels are laid out the same, twice as large.
func TestDPIScales(t *testing.T) {
	a, err := pillarBars(samplePillars(locale.ES, true), Options{Lang: locale.ES})
	if err != nil {
		t.Fatal(err)
	}
	b, err := pillarBars(samplePillars(locale.ES, true), Options{Lang: locale.ES, DPI: 192, Width: 2 * pillarsW, Height: 2 * pillarsH})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.texts) != len(b.texts) {
		t.Fatalf("%d texts at 96 DPI, %d at 192", len(a.texts), len(b.texts))
	}
	for i := range a.texts {
		if math.Abs(2*a.texts[i].b.x-b.texts[i].b.x) > 4 || math.Abs(2*a.texts[i].b.y-b.texts[i].b.y) > 4 {
			t.Errorf("%q at %+v (96 DPI) but %+v (192 DPI)", a.texts[i].body, a.texts[i].b, b.texts[i].b)
		}
	}
}

func TestSVGEscapesText(t *testing.T) {
	d := sampleRadar(locale.EN, false)
	d.Title = `Sales & "Marketing" <alignment>`
	b, err := Radar(d, Options{Format: SVG})
	if err != nil {
		t.Fatal(err)
	}
	checkSVG(t, "escaped", b)
	if !bytes.Contains(b, []byte("Sales &amp; &quot;Marketing&quot; &lt;alignment&gt;")) {
		t.Error("title not escaped")
	}
	if !bytes.Contains(b, []byte("font-weight:bold")) {
		t.Error("no bold text in the SVG")
	}
}

func TestTexts(t *testing.T) {
	if _, err := parseTexts([]byte(`{"a": {"es": "x"}}`)); err == nil {
		t.Error("a text without English was accepted")
	}
	if _, err := parseTexts([]byte(`{`)); err == nil {
		t.Error("bad JSON was accepted")
	}
	for k, v := range texts {
		if v["es"] == v["en"] && !strings.HasPrefix(k, "level.1") && k != "funnel.leads" {
			t.Logf("%s is the same in both languages: %q", k, v["es"])
		}
	}
	if got := tr(locale.ES, "nodata.title"); got != "Sin datos" {
		t.Errorf("tr = %q", got)
	}
	if got := tr(locale.EN, "no.such.key"); got != "no.such.key" {
		t.Errorf("unknown key = %q", got)
	}
}

// TestLocaleLabels checks that the texts drawn are in the chosen language
// and number format.
func TestLocaleLabels(t *testing.T) {
	money := Options{Unit: diagnostic.UnitMoney, Currency: "EUR"}
	tests := []struct {
		lang  locale.Lang
		draw  func(o Options) (*canvas, error)
		wants []string
	}{
		// Month 23 of the sample: 82000 + 1900·23 + 9000·sin(23/1.9)
		// = 125700 − 4004.5 = 121695.5 → 121.696 €.
		{locale.ES, func(o Options) (*canvas, error) { return trend(sampleRevenue(locale.ES, 24), o) },
			[]string{"121.696\u00a0€", "ene", "2026", "Objetivo", "Fuente: Encuesta SaaS España 2025 (empresas de 10–50 empleados)"}},
		{locale.EN, func(o Options) (*canvas, error) { return trend(sampleRevenue(locale.EN, 24), o) },
			[]string{"€121,696", "Jan", "Target", "€100K"}},
		{locale.ES, func(o Options) (*canvas, error) {
			o.Unit = diagnostic.UnitPercent
			return scorecard(sampleTiles(locale.ES)[0], o)
		}, []string{"21,5\u00a0%", "▲ +2,5\u00a0pp", "Objetivo: 25,0\u00a0%", "✗", "nov 2026"}},
		{locale.EN, func(o Options) (*canvas, error) {
			return funnel(StandardFunnel(F(4200), F(1350), F(520), F(210), F(48)), o)
		},
			// 1350/4200 = 32.14 %; 48/4200 = 1.14 %.
			[]string{"4,200", "↓ 32.1%", "Overall conversion: 1.1%", "Opportunities"}},
		{locale.ES, func(o Options) (*canvas, error) { return radar(sampleRadar(locale.ES, false), o) },
			[]string{"Monitorización y", "mejora continua", "81", "Madurez por pilar"}},
		{locale.ES, func(o Options) (*canvas, error) { return alignment(sampleAlignment(locale.ES), o) },
			// Cross-team alignment: 70 − 20 = 50 points apart.
			[]string{"Δ 50", "Alineación entre equipos", "Brecha"}},
	}
	for _, tt := range tests {
		o := money
		o.Lang = tt.lang
		c, err := tt.draw(o)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tt.wants {
			if !hasText(c, w) {
				var got []string
				for _, pt := range c.texts {
					got = append(got, pt.body)
				}
				t.Errorf("%s: no text %q among %q", tt.lang, w, got)
			}
		}
	}
}

func TestParseType(t *testing.T) {
	for _, ty := range Types {
		if got, err := ParseType(string(ty)); err != nil || got != ty {
			t.Errorf("ParseType(%q) = %q, %v", ty, got, err)
		}
	}
	if _, err := ParseType("pie"); !errors.Is(err, diagnostic.ErrInvalid) {
		t.Errorf("ParseType(pie) = %v", err)
	}
}

// TestOddSizes renders every case at tiny and lopsided sizes: no panic, a
// valid image of the requested size (labels may be dropped or cut there).
func TestOddSizes(t *testing.T) {
	for _, size := range []struct{ w, h int }{{16, 16}, {64, 48}, {2000, 60}, {60, 1200}} {
		for _, f := range []Format{PNG, SVG} {
			for _, cc := range cases(locale.ES) {
				o := Options{Lang: locale.ES, Width: size.w, Height: size.h, Format: f}
				b, err := encode(cc.draw(o))
				if err != nil {
					t.Fatalf("%s %dx%d: %v", cc.name, size.w, size.h, err)
				}
				if f == SVG {
					checkSVG(t, cc.name, b)
					continue
				}
				img, err := png.Decode(bytes.NewReader(b))
				if err != nil || img.Bounds().Dx() != size.w || img.Bounds().Dy() != size.h {
					t.Errorf("%s %dx%d: %v %v", cc.name, size.w, size.h, err, img.Bounds())
				}
			}
		}
	}
}

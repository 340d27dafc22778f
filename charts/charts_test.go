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

// eachVariant runs f for both languages, both themes and both formats.
func eachVariant(t *testing.T, f func(t *testing.T, l locale.Lang, o Options)) {
	for _, l := range locale.Langs() {
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
	for _, l := range locale.Langs() {
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
		if v["es"] == v["en"] && k != "funnel.leads" {
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
			// The value axis starts at zero ("€0"), not at the lowest value.
			[]string{"€121,696", "Jan", "Target", "€100K", "€0"}},
		{locale.ES, func(o Options) (*canvas, error) {
			o.Unit = diagnostic.UnitPercent
			return scorecard(sampleTiles(locale.ES)[0], o)
		}, []string{"21,5\u00a0%", "▲ +2,5\u00a0pp", "Objetivo: 25\u00a0%", "✗", "nov 2026"}},
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
	for _, ty := range allTypes {
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

func TestHasData(t *testing.T) {
	l := locale.ES
	tests := []struct {
		name string
		got  bool
		want bool
	}{
		{"radar", sampleRadar(l, false).HasData(), true},
		{"radar without values", RadarData{Axes: pillarNames(l), Series: []Series{{Values: []*float64{nil, F(math.NaN())}}}}.HasData(), false},
		// A value beyond the axes does not count.
		{"radar value past the axes", RadarData{Axes: []string{"a", "b", "c"}, Series: []Series{{Values: fs(-1, -1, -1, 50)}}}.HasData(), false},
		{"radar of two axes, departments only", RadarData{Axes: []string{"a", "b"}, Series: []Series{{Values: fs(50, 60), Kind: Department}}}.HasData(), false},
		{"pillars, earlier only", PillarData{Pillars: []PillarScore{{Name: "a", Earlier: F(3)}}}.HasData(), true},
		{"pillars", PillarData{Pillars: []PillarScore{{Name: "a"}}}.HasData(), false},
		{"alignment", sampleAlignment(l).HasData(), true},
		{"alignment without pillars", AlignmentData{Departments: sampleAlignment(l).Departments}.HasData(), false},
		{"trend", sampleWinRate(l).HasData(), true},
		{"trend of empty months", TrendData{Points: []Point{{Month: start}}}.HasData(), false},
		{"funnel of zeros", StandardFunnel(F(0), nil, nil, nil, nil).HasData(), true},
		{"funnel", StandardFunnel(nil, nil, nil, nil, nil).HasData(), false},
		{"tile", TileData{Value: F(0)}.HasData(), true},
		{"tile", TileData{Target: F(1)}.HasData(), false},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: HasData = %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}

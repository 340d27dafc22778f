package charts

import (
	"bytes"
	"image/png"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

func sampleWaterfall() WaterfallData {
	return WaterfallData{Start: F(32300), End: F(23000), StartLabel: "31/01/2026", EndLabel: "28/02/2026", Steps: []WaterfallStep{
		{Label: "Nuevas", Delta: 2700}, {Label: "Al alza", Delta: 1800}, {Label: "A la baja", Delta: -1000},
		{Label: "Ganadas", Delta: -3800, Good: true}, {Label: "Perdidas", Delta: -2000}, {Label: "Fuera", Delta: -7000},
	}}
}

// TestWaterfall checks the labels (totals and signed movements through the
// tables' formatter, in both languages), the bars' geometry (each step
// floats from the running total) and the no-data image.
func TestWaterfall(t *testing.T) {
	for _, tt := range []struct {
		lang  locale.Lang
		wants []string
	}{
		{locale.ES, []string{"32.300\u00a0€", "+2.700\u00a0€", "−1.000\u00a0€", "−7.000\u00a0€", "23.000\u00a0€", "Movimiento del pipeline", "Ganadas"}},
		{locale.EN, []string{"€32,300", "+€2,700", "−€3,800", "€23,000", "Pipeline movement"}},
	} {
		c, err := waterfall(sampleWaterfall(), Options{Lang: tt.lang, Currency: "EUR"})
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tt.wants {
			if !hasText(c, w) {
				t.Errorf("%s: no text %q", tt.lang, w)
			}
		}
	}
	if (WaterfallData{Start: F(1)}).HasData() || !sampleWaterfall().HasData() {
		t.Error("HasData wants both totals")
	}
	c, err := waterfall(WaterfallData{}, Options{Lang: locale.EN})
	if err != nil || !hasText(c, "No data") {
		t.Errorf("no data: %v", err)
	}
	for _, size := range []struct{ w, h int }{{16, 16}, {2000, 60}, {60, 1200}} {
		b, err := Waterfall(sampleWaterfall(), Options{Width: size.w, Height: size.h})
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil || img.Bounds().Dx() != size.w || img.Bounds().Dy() != size.h {
			t.Errorf("%dx%d: %v", size.w, size.h, err)
		}
		svg, err := Waterfall(sampleWaterfall(), Options{Width: size.w, Height: size.h, Format: SVG})
		if err != nil {
			t.Fatal(err)
		}
		checkSVG(t, "waterfall", svg)
	}
}

package charts

import (
	"bytes"
	"flag"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// goldenTolerance is the share of pixels allowed to differ.
const goldenTolerance = 0.00005

var update = flag.Bool("update", false, "rewrite the golden PNGs in testdata/")

// goldenCases are the charts kept as reference images.
var goldenCases = []struct {
	file string
	draw func() ([]byte, error)
}{
	{"radar-es-light.png", func() ([]byte, error) { return Radar(sampleRadar(locale.ES, true), Options{Lang: locale.ES}) }},
	{"pillars-es-dark.png", func() ([]byte, error) {
		return PillarBars(samplePillars(locale.ES, true), Options{Lang: locale.ES, Dark: true})
	}},
	{"trend24-en-light.png", func() ([]byte, error) {
		return Trend(sampleRevenue(locale.EN, 24), Options{Lang: locale.EN, Unit: diagnostic.UnitMoney, Currency: "EUR"})
	}},
	{"funnel-en-dark.png", func() ([]byte, error) {
		return Funnel(StandardFunnel(F(4200), F(1350), F(520), F(210), F(48)), Options{Lang: locale.EN, Dark: true})
	}},
	{"tile-es-light.png", func() ([]byte, error) {
		return Scorecard(sampleTiles(locale.ES)[1], Options{Lang: locale.ES, Unit: diagnostic.UnitMoney})
	}},
	{"nodata-es-light.png", func() ([]byte, error) { return Alignment(AlignmentData{}, Options{Lang: locale.ES}) }},
}

// TestGolden compares charts with reference PNGs, tolerating small
// differences (anti-aliasing on another CPU architecture, where fused
// multiply-add moves edges by a fraction of a pixel): a pixel counts as
// different when a channel moves by more than 24 of 255, and at most
// 0.005 % of the pixels may differ (23 in a 760×620 radar). One added
// letter changes about 40 such pixels, so it fails.
// Regenerate with: go test ./charts -run TestGolden -update
func TestGolden(t *testing.T) {
	for _, gc := range goldenCases {
		got, err := gc.draw()
		if err != nil {
			t.Fatalf("%s: %v", gc.file, err)
		}
		path := filepath.Join("testdata", gc.file)
		if *update {
			if err := os.MkdirAll("testdata", 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%s: %v (run with -update to create it)", gc.file, err)
		}
		if bytes.Equal(got, want) {
			continue
		}
		diff, total, err := pixelDiff(got, want)
		if err != nil {
			t.Fatalf("%s: %v", gc.file, err)
		}
		if float64(diff) > goldenTolerance*float64(total) {
			out := filepath.Join(os.TempDir(), "charts-golden-"+gc.file)
			if err := os.WriteFile(out, got, 0o644); err != nil {
				t.Log(err)
			}
			t.Errorf("%s: %d of %d pixels differ (limit 0.005 %%); the new image is %s: look at it and run -update if it is right", gc.file, diff, total, out)
		}
	}
}

// pixelDiff counts the pixels of two same-size PNGs that differ by more
// than 24 in a channel.
func pixelDiff(a, b []byte) (diff, total int, err error) {
	ia, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		return 0, 0, err
	}
	ib, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		return 0, 0, err
	}
	r := ia.Bounds()
	if r != ib.Bounds() {
		return r.Dx() * r.Dy(), r.Dx() * r.Dy(), nil
	}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if channelDiff(ia, ib, x, y) > 24 {
				diff++
			}
		}
	}
	return diff, r.Dx() * r.Dy(), nil
}

func channelDiff(a, b image.Image, x, y int) uint32 {
	r1, g1, b1, a1 := a.At(x, y).RGBA()
	r2, g2, b2, a2 := b.At(x, y).RGBA()
	d := uint32(0)
	for _, p := range [][2]uint32{{r1, r2}, {g1, g2}, {b1, b2}, {a1, a2}} {
		v := p[0] >> 8
		w := p[1] >> 8
		if v > w {
			d = max(d, v-w)
		} else {
			d = max(d, w-v)
		}
	}
	return d
}

// TestPixelDiffDetectsChange makes sure the tolerance is not so loose that
// a different chart passes: a changed label or a changed theme must fail.
func TestPixelDiffDetectsChange(t *testing.T) {
	a, err := Radar(sampleRadar(locale.ES, false), Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Radar(sampleRadar(locale.ES, false), Options{Dark: true})
	if err != nil {
		t.Fatal(err)
	}
	diff, total, err := pixelDiff(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if float64(diff) <= goldenTolerance*float64(total) {
		t.Errorf("light and dark radars differ in only %d of %d pixels", diff, total)
	}
	// One axis renamed ("Selección de KPI" → "Selección de KPIs").
	d := sampleRadar(locale.ES, false)
	d.Axes[1] += "s"
	c, err := Radar(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	diff, total, err = pixelDiff(a, c)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("one letter added: %d of %d pixels differ", diff, total)
	if float64(diff) <= goldenTolerance*float64(total) {
		t.Errorf("a renamed axis passes the tolerance: %d of %d pixels", diff, total)
	}
}

package charts

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"io"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// TestEncodePNGRoundTrip encodes a bitmap with repeated rows (Up), flat runs
// and varied pixels (Sub), larger than one 64 KiB IDAT chunk, and decodes it
// with image/png: every pixel must come back.
func TestEncodePNGRoundTrip(t *testing.T) {
	const w, h = 300, 120 // 300·3+1 bytes a row: ~108 KB raw, several chunks
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := color.RGBA{R: 250, G: 250, B: 250, A: 255}
			if y >= 40 && y < 80 { // varied rows
				c = color.RGBA{R: uint8(x * 7), G: uint8(y * 13), B: uint8(x ^ y), A: 255}
			}
			img.SetRGBA(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := encodePNG(&buf, img); err != nil {
		t.Fatal(err)
	}
	got, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for y := range h {
		for x := range w {
			r1, g1, b1, _ := got.At(x, y).RGBA()
			want := img.RGBAAt(x, y)
			if uint8(r1>>8) != want.R || uint8(g1>>8) != want.G || uint8(b1>>8) != want.B {
				t.Fatalf("pixel (%d,%d) = %v, want %v", x, y, got.At(x, y), want)
			}
		}
	}
}

// TestEncodePNGSubImage encodes a bitmap whose bounds do not start at the
// origin.
func TestEncodePNGSubImage(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 20, 20))
	img.SetRGBA(5, 6, color.RGBA{R: 255, A: 255})
	sub := img.SubImage(image.Rect(5, 5, 15, 15)).(*image.RGBA)
	var buf bytes.Buffer
	if err := encodePNG(&buf, sub); err != nil {
		t.Fatal(err)
	}
	got, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if got.Bounds().Dx() != 10 {
		t.Fatalf("bounds %v", got.Bounds())
	}
	if r, _, _, _ := got.At(0, 1).RGBA(); r != 0xffff {
		t.Errorf("pixel (5,6) of the parent not at (0,1): %v", got.At(0, 1))
	}
}

// BenchmarkEncodePNG compares encodePNG with image/png at its fastest
// setting on the bitmap of a 24-month trend.
func BenchmarkEncodePNG(b *testing.B) {
	c, err := trend(sampleRevenue(locale.ES, 24), Options{Lang: locale.ES, Unit: diagnostic.UnitMoney})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("encodePNG", func(b *testing.B) {
		for b.Loop() {
			if err := encodePNG(io.Discard, c.img); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("image-png-BestSpeed", func(b *testing.B) {
		enc := png.Encoder{CompressionLevel: png.BestSpeed}
		for b.Loop() {
			if err := enc.Encode(io.Discard, c.img); err != nil {
				b.Fatal(err)
			}
		}
	})
}

package report

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"strings"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// logoImages generates the kinds of logo consultants have: 16-bit, with
// alpha, palette, grey, JPEG and huge. (Go has no CMYK JPEG encoder; a
// CMYK JPEG decodes to image.CMYK and takes the same path as the PNGs.)
func logoImages(t *testing.T) map[string][]byte {
	t.Helper()
	enc := func(img image.Image) []byte {
		var b bytes.Buffer
		if err := png.Encode(&b, img); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	r := image.Rect(0, 0, 300, 100)
	rgba64 := image.NewRGBA64(r)
	nrgba := image.NewNRGBA(r)
	pal := image.NewPaletted(r, color.Palette{color.White, color.RGBA{22, 58, 107, 255}})
	gray16 := image.NewGray16(r)
	cmyk := image.NewCMYK(r)
	for y := range 100 {
		for x := range 300 {
			rgba64.SetRGBA64(x, y, color.RGBA64{uint16(x * 200), uint16(y * 600), 40000, 65535})
			nrgba.SetNRGBA(x, y, color.NRGBA{200, 30, 30, uint8(x)})
			pal.SetColorIndex(x, y, uint8((x/20)%2))
			gray16.SetGray16(x, y, color.Gray16{uint16(x * 210)})
			cmyk.SetCMYK(x, y, color.CMYK{uint8(x), 100, 0, 20})
		}
	}
	var cmykJPEG bytes.Buffer
	if err := jpeg.Encode(&cmykJPEG, cmyk, nil); err != nil {
		t.Fatal(err)
	}
	return map[string][]byte{
		"16-bit PNG":  enc(rgba64),
		"alpha PNG":   enc(nrgba),
		"palette PNG": enc(pal),
		"grey16 PNG":  enc(gray16),
		"JPEG":        cmykJPEG.Bytes(), // Go writes no CMYK JPEG: YCbCr, kept as it is
		"huge PNG":    enc(image.NewGray(image.Rect(0, 0, 4000, 3000))),
	}
}

// TestNormaliseLogo checks every kind of logo comes out as an 8-bit RGB
// PNG within the cover's box and renders in a report.
func TestNormaliseLogo(t *testing.T) {
	for name, b := range logoImages(t) {
		t.Run(name, func(t *testing.T) {
			out, err := NormaliseLogo(b)
			if err != nil {
				t.Fatal(err)
			}
			cfg, format, err := image.DecodeConfig(bytes.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			if name == "JPEG" {
				if !bytes.Equal(out, b) {
					t.Error("a plain JPEG within the box was re-encoded")
				}
			} else if format != "png" || cfg.ColorModel != color.RGBAModel || cfg.Width > logoMaxW || cfg.Height > logoMaxH {
				t.Errorf("normalised to %s %v %d×%d", format, cfg.ColorModel, cfg.Width, cfg.Height)
			}
			d := sampleData(locale.ES)
			d.Consultant.Logo = b // the stored, unnormalised logo still renders
			if err := Render(context.Background(), io.Discard, d, Options{}); err != nil {
				t.Errorf("report with a %s logo: %v", name, err)
			}
		})
	}
}

// TestNormaliseLogoRefuses checks a file that is not an image is refused
// with a message saying so.
func TestNormaliseLogoRefuses(t *testing.T) {
	for _, b := range [][]byte{[]byte("%PDF-1.7 not an image"), []byte("GIF89a"), nil} {
		_, err := NormaliseLogo(b)
		if !errors.Is(err, diagnostic.ErrInvalid) || !strings.Contains(err.Error(), "not a PNG or JPEG") {
			t.Errorf("%q: %v", b, err)
		}
	}
}

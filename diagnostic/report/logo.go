package report

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	_ "image/jpeg" // JPEG logos, CMYK included
	"image/png"

	xdraw "golang.org/x/image/draw"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// Logo limits: the cover prints the logo in a 60 × 22 mm box, so at about
// 250 dpi it never needs more than logoMaxW × logoMaxH pixels. An image of
// more than logoMaxPixels is refused before it is decoded (a 16-bit
// 25-megapixel image already takes 200 MB to decode).
const (
	logoMaxW      = 600
	logoMaxH      = 220
	logoMaxPixels = 25_000_000
)

// NormaliseLogo turns any PNG or JPEG (8 or 16 bits, palette, grey, alpha,
// CMYK JPEG, any size) into what the PDF library reads reliably: an 8-bit
// RGB PNG, flattened onto white and scaled down to fit logoMaxW ×
// logoMaxH. A logo that is already an 8-bit RGB non-interlaced PNG, or a
// plain 8-bit colour JPEG, within the box is returned unchanged. Bytes that are not a PNG or JPEG
// image fail with an error wrapping diagnostic.ErrInvalid that says so.
func NormaliseLogo(b []byte) ([]byte, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil || (format != "png" && format != "jpeg") {
		return nil, fmt.Errorf("the logo is not a PNG or JPEG image (%d bytes): %w", len(b), diagnostic.ErrInvalid)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > logoMaxPixels {
		return nil, fmt.Errorf("the logo is %d × %d pixels; use an image of at most %d megapixels: %w",
			cfg.Width, cfg.Height, logoMaxPixels/1_000_000, diagnostic.ErrInvalid)
	}
	fits := cfg.Width <= logoMaxW && cfg.Height <= logoMaxH
	if fits && ((format == "png" && cfg.ColorModel == color.RGBAModel) || (format == "jpeg" && cfg.ColorModel == color.YCbCrModel)) {
		if format == "jpeg" || (len(b) > 28 && b[28] == 0) { // not interlaced: gofpdf reads no interlaced PNG
			return b, nil
		}
	}
	src, _, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("the logo cannot be read as %s: %v: %w", format, err, diagnostic.ErrInvalid)
	}
	w, h := fitBox(cfg.Width, cfg.Height, logoMaxW, logoMaxH)
	flat := image.NewRGBA(image.Rect(0, 0, cfg.Width, cfg.Height))
	xdraw.Draw(flat, flat.Bounds(), image.White, image.Point{}, xdraw.Src)
	xdraw.Draw(flat, flat.Bounds(), src, src.Bounds().Min, xdraw.Over)
	out := flat
	if w != cfg.Width || h != cfg.Height {
		out = image.NewRGBA(image.Rect(0, 0, w, h))
		xdraw.CatmullRom.Scale(out, out.Bounds(), flat, flat.Bounds(), xdraw.Src, nil)
	}
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, out); err != nil {
		return nil, fmt.Errorf("encoding the logo: %w", err)
	}
	return buf.Bytes(), nil
}

// fitBox scales w × h down (never up) to fit maxW × maxH, keeping the
// aspect ratio and at least one pixel each way.
func fitBox(w, h, maxW, maxH int) (int, int) {
	if w <= maxW && h <= maxH {
		return w, h
	}
	s := min(float64(maxW)/float64(w), float64(maxH)/float64(h))
	return max(1, int(float64(w)*s+0.5)), max(1, int(float64(h)*s+0.5))
}

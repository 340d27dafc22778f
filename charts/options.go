package charts

import (
	"fmt"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// Format is the output image format.
type Format string

// The supported output formats.
const (
	PNG Format = "png"
	SVG Format = "svg"
)

// ParseFormat reads "png" or "svg".
func ParseFormat(s string) (Format, error) {
	switch Format(s) {
	case PNG, SVG:
		return Format(s), nil
	}
	return "", fmt.Errorf("chart format %q (use png or svg): %w", s, diagnostic.ErrInvalid)
}

// Options says how to draw a chart. The zero value is valid: a default size
// for the chart type, 96 DPI, English, light theme, PNG.
type Options struct {
	// Width and Height are the image size in pixels; 0 takes the chart's
	// default size.
	Width, Height int
	// DPI scales text and strokes: at 192 DPI a chart of twice the pixel size
	// looks the same as at 96 DPI, only sharper. 0 means 96.
	DPI float64
	// Lang is the language of titles, labels and number formats.
	Lang locale.Lang
	// Dark selects the dark theme.
	Dark bool
	// Format is PNG (default) or SVG.
	Format Format
	// Unit is how the values of a trend or tile are expressed (money,
	// percent as a fraction, count…); empty means a plain number.
	Unit diagnostic.Unit
	// Currency is the ISO code for money values ("EUR"); empty means EUR.
	Currency string
}

// Largest accepted image side, to keep a typo from allocating gigabytes.
const maxSide = 8000

// normalise fills the defaults and checks the limits.
func (o Options) normalise(defW, defH int) (Options, error) {
	if o.Width == 0 {
		o.Width = defW
	}
	if o.Height == 0 {
		o.Height = defH
	}
	if o.Width < 16 || o.Height < 16 || o.Width > maxSide || o.Height > maxSide {
		return o, fmt.Errorf("chart size %d×%d px (allowed 16–%d): %w", o.Width, o.Height, maxSide, diagnostic.ErrInvalid)
	}
	if o.DPI == 0 {
		o.DPI = 96
	}
	if o.DPI < 24 || o.DPI > 1200 {
		return o, fmt.Errorf("chart DPI %g (allowed 24–1200): %w", o.DPI, diagnostic.ErrInvalid)
	}
	if !o.Lang.Valid() {
		o.Lang = locale.EN
	}
	if o.Format == "" {
		o.Format = PNG
	}
	if o.Format != PNG && o.Format != SVG {
		return o, fmt.Errorf("chart format %q (use png or svg): %w", o.Format, diagnostic.ErrInvalid)
	}
	if o.Currency == "" {
		o.Currency = "EUR"
	}
	return o, nil
}

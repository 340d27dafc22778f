package charts

import "github.com/wcharczuk/go-chart/v2/drawing"

// theme holds the colours of one variant (light or dark). Series colours
// come from the Okabe–Ito palette, distinguishable with the common forms of
// colour blindness; series are also told apart by marker shape and dash.
type theme struct {
	bg, panel, text, muted, grid, axis drawing.Color
	// series colours in order: primary, then the rest.
	series []drawing.Color
	// good, bad and neutral for status (with arrows and signs, never colour alone).
	good, bad, neutral drawing.Color
	// band is the shade of benchmark bands and level bands.
	band, bandAlt drawing.Color
	// highlight is the background of a flagged row.
	highlight drawing.Color
}

func rgb(hex uint32) drawing.Color {
	return drawing.Color{R: uint8(hex >> 16), G: uint8(hex >> 8), B: uint8(hex), A: 255}
}

func withAlpha(c drawing.Color, a uint8) drawing.Color { c.A = a; return c }

var lightTheme = theme{
	bg:    rgb(0xFFFFFF),
	panel: rgb(0xF5F7F9),
	text:  rgb(0x1F2328),
	muted: rgb(0x59636E),
	grid:  rgb(0xDDE2E7),
	axis:  rgb(0x8C959F),
	// Okabe–Ito: blue, orange, bluish green, reddish purple, vermillion, sky blue, yellow-dark.
	series:    []drawing.Color{rgb(0x0072B2), rgb(0xE69F00), rgb(0x009E73), rgb(0xCC79A7), rgb(0xD55E00), rgb(0x56B4E9), rgb(0x8A7A00)},
	good:      rgb(0x0072B2),
	bad:       rgb(0xD55E00),
	neutral:   rgb(0x59636E),
	band:      rgb(0xE8EEF4),
	bandAlt:   rgb(0xF4F6F8),
	highlight: rgb(0xFDF0E6),
}

var darkTheme = theme{
	bg:        rgb(0x1C1F23),
	panel:     rgb(0x262A30),
	text:      rgb(0xE8EBEE),
	muted:     rgb(0xA7B0BA),
	grid:      rgb(0x363C44),
	axis:      rgb(0x6E7781),
	series:    []drawing.Color{rgb(0x56B4E9), rgb(0xE69F00), rgb(0x2FC59A), rgb(0xE59CC8), rgb(0xFF7F3F), rgb(0xA6D8F5), rgb(0xF0E442)},
	good:      rgb(0x56B4E9),
	bad:       rgb(0xFF8A4C),
	neutral:   rgb(0xA7B0BA),
	band:      rgb(0x34485C),
	bandAlt:   rgb(0x252A30),
	highlight: rgb(0x3A2A22),
}

func themeFor(dark bool) *theme {
	if dark {
		return &darkTheme
	}
	return &lightTheme
}

// seriesColor returns the i-th series colour, cycling.
func (t *theme) seriesColor(i int) drawing.Color { return t.series[i%len(t.series)] }

package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// themeMode is the user's choice of light, dark or the system's variant.
type themeMode string

const (
	themeSystem themeMode = "system"
	themeLight  themeMode = "light"
	themeDark   themeMode = "dark"
)

// appTheme wraps the default theme, forcing a variant when the user chose
// one (LightTheme and DarkTheme are deprecated) and using the brand colour.
type appTheme struct {
	mode themeMode
}

var _ fyne.Theme = (*appTheme)(nil)

// brand is the product's teal, as in the icon.
var brand = color.NRGBA{R: 0x0F, G: 0x4C, B: 0x5C, A: 0xFF}

// brandOnDark is a lighter teal legible on the dark background.
var brandOnDark = color.NRGBA{R: 0x4F, G: 0xB3, B: 0xBF, A: 0xFF}

// focusOnDark and focusOnLight tint the widget that has the keyboard focus.
var (
	focusOnDark  = color.NRGBA{R: 0xFF, G: 0xB3, B: 0x00, A: 0x99}
	focusOnLight = color.NRGBA{R: 0xE6, G: 0x8A, B: 0x00, A: 0x80}
)

func (t *appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch t.mode {
	case themeLight:
		v = theme.VariantLight
	case themeDark:
		v = theme.VariantDark
	}
	switch n {
	case theme.ColorNamePrimary:
		if v == theme.VariantDark {
			return brandOnDark
		}
		return brand
	case theme.ColorNameFocus:
		// Fyne's focus is a tint of its blue: on our teal primary button and
		// on the navigation's selected row it was invisible. Amber stands out
		// on both variants and on the teal.
		if v == theme.VariantDark {
			return focusOnDark
		}
		return focusOnLight
	case theme.ColorNameHover:
		// Lists show their keyboard focus with the hover colour: Fyne's
		// faint one hid the focused navigation row.
		if v == theme.VariantDark {
			return color.NRGBA{R: 0xFF, G: 0xFF, B: 0xFF, A: 0x38}
		}
		return color.NRGBA{R: 0x00, G: 0x00, B: 0x00, A: 0x2A}
	}
	return theme.DefaultTheme().Color(n, v)
}

func (t *appTheme) Font(s fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(s) }

func (t *appTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (t *appTheme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }

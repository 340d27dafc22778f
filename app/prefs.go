package app

import (
	"fyne.io/fyne/v2"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// Preference keys, one constant each, so no key is spelled twice.
const (
	prefLanguage = "ui.language" // "es" or "en"
	prefTheme    = "ui.theme"    // themeSystem, themeLight or themeDark
)

// settings is a typed view of fyne.Preferences.
type settings struct{ p fyne.Preferences }

// Language returns the chosen language, defaulting to the system's.
func (s settings) Language() locale.Lang {
	l := locale.Lang(s.p.String(prefLanguage))
	if !l.Valid() {
		return systemLang()
	}
	return l
}

// SetLanguage remembers the chosen language.
func (s settings) SetLanguage(l locale.Lang) { s.p.SetString(prefLanguage, string(l)) }

// Theme returns the chosen theme mode.
func (s settings) Theme() themeMode {
	m := themeMode(s.p.StringWithFallback(prefTheme, string(themeSystem)))
	switch m {
	case themeLight, themeDark:
		return m
	}
	return themeSystem
}

// SetTheme remembers the chosen theme mode.
func (s settings) SetTheme(m themeMode) { s.p.SetString(prefTheme, string(m)) }

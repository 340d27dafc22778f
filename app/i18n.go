package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/revopsdx/revopsdx/assets"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// setLanguage loads the user-interface strings of l (assets/i18n/<l>.json)
// through Fyne's lang package.
//
// Fyne picks a language from the operating system and offers no call to
// choose one. Its lookup falls back to the bundle's default language,
// English, for any key the system language lacks, and our keys exist under no
// other language: registering the chosen file as the default-language bundle
// therefore makes lang.X return the chosen language on every system, and
// switching at run time is registering the other file.
//
// The file is also registered under the system's language: Fyne looks a
// key up there first (it ships its own Spanish, French… strings) and logs
// a "Translation failure" for every key it has to take from the fallback,
// which would fill the log file.
func setLanguage(l locale.Lang) error {
	data, err := assets.FS.ReadFile("i18n/" + string(l) + ".json")
	if err != nil {
		return fmt.Errorf("translations for %q: %w", l, err)
	}
	if data, err = withFyneStrings(data, l); err != nil {
		return err
	}
	for _, loc := range []fyne.Locale{"en", fyne.Locale(lang.SystemLocale().LanguageString())} {
		if loc == "" {
			continue
		}
		if err := lang.AddTranslationsForLocale(data, loc); err != nil {
			return fmt.Errorf("translations for %q: %w", l, err)
		}
	}
	return nil
}

// tr returns the user-interface text for key in the current language. A
// missing key shows as the key itself, and a test fails on it.
func tr(key string, data ...any) string { return lang.X(key, key, data...) }

// count is the text for n things: one when n is 1, other otherwise (both
// keys, with {{.N}} in them).
func count(n int, one, other string) string {
	if n == 1 {
		return tr(one, map[string]any{"N": n})
	}
	return tr(other, map[string]any{"N": n})
}

// countN is count with n written as a number of the language l
// ("1.234 filas", "1,234 rows").
func countN(l locale.Lang, n int, one, other string) string {
	if n == 1 {
		return tr(one, map[string]any{"N": l.Number(1, 0)})
	}
	return tr(other, map[string]any{"N": l.Number(float64(n), 0)})
}

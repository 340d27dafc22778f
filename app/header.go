package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// header is the strip above every screen: the product name, the keyboard
// help and the language switch.
func (u *ui) header() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(tr("app.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return borderInOrder(nil, widget.NewSeparator(), nil, container.NewHBox(u.helpButton(), u.languageSelect()), title)
}

// languageSelect offers Español and English, each in its own language.
func (u *ui) languageSelect() *widget.Select {
	names := make([]string, len(locale.Langs()))
	for i, l := range locale.Langs() {
		names[i] = l.Name()
	}
	sel := widget.NewSelect(names, nil)
	sel.SetSelected(u.prefs.Language().Name())
	sel.OnChanged = func(name string) {
		for _, l := range locale.Langs() {
			if l.Name() == name && l != u.prefs.Language() {
				u.setLanguage(l)
			}
		}
	}
	return sel
}

// setLanguage switches the interface language at once and remembers it.
func (u *ui) setLanguage(l locale.Lang) {
	if err := setLanguage(l); err != nil {
		u.showError(err)
		return
	}
	u.prefs.SetLanguage(l)
	u.rebuild()
}

// setTheme applies and remembers a theme mode.
func (u *ui) setTheme(m themeMode) {
	u.prefs.SetTheme(m)
	u.app.Settings().SetTheme(&appTheme{mode: m})
}

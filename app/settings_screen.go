package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// settingsView lets the user choose the theme and shows where data lives and
// which version runs.
func (u *ui) settingsView() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(tr("nav.settings"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText

	modes := []themeMode{themeSystem, themeLight, themeDark}
	labels := make([]string, len(modes))
	for i, m := range modes {
		labels[i] = tr("settings.theme." + string(m))
	}
	themes := widget.NewRadioGroup(labels, nil)
	themes.Horizontal = true
	for i, m := range modes {
		if m == u.prefs.Theme() {
			themes.SetSelected(labels[i])
		}
	}
	themes.OnChanged = func(label string) {
		for i, l := range labels {
			if l == label {
				u.setTheme(modes[i])
			}
		}
	}

	db := widget.NewLabel(u.opts.DBPath)
	db.Wrapping = fyne.TextWrapBreak
	form := widget.NewForm(
		widget.NewFormItem(tr("settings.language"), u.languageSelect()),
		widget.NewFormItem(tr("settings.theme"), themes),
		widget.NewFormItem(tr("settings.database"), db),
		widget.NewFormItem(tr("settings.version"), widget.NewLabel(u.opts.Version)),
	)
	return container.NewVScroll(container.NewVBox(title, form, u.settingsMoreView()))
}

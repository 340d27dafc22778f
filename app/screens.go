package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// screen is one entry of the navigation.
type screen struct {
	key  string // translation key of the title, "nav.<id>"
	icon fyne.Resource
	view func() fyne.CanvasObject
}

func (s *screen) title() string { return tr(s.key) }

// makeScreens lists the screens in navigation order.
func (u *ui) makeScreens() []*screen {
	return []*screen{
		{key: "nav.start", icon: theme.HomeIcon(), view: placeholder("nav.start", "placeholder.start")},
		{key: "nav.diagnostic", icon: theme.DocumentCreateIcon(), view: placeholder("nav.diagnostic", "placeholder.diagnostic")},
		{key: "nav.results", icon: theme.GridIcon(), view: placeholder("nav.results", "placeholder.results")},
		{key: "nav.kpis", icon: theme.ListIcon(), view: placeholder("nav.kpis", "placeholder.kpis")},
		{key: "nav.recommendations", icon: theme.ConfirmIcon(), view: placeholder("nav.recommendations", "placeholder.recommendations")},
		{key: "nav.report", icon: theme.DocumentPrintIcon(), view: placeholder("nav.report", "placeholder.report")},
		{key: "nav.settings", icon: theme.SettingsIcon(), view: u.settingsView},
	}
}

// placeholder is a screen still to be built: its title and one line saying
// what it will hold. It shows no fake data.
func placeholder(titleKey, lineKey string) func() fyne.CanvasObject {
	return func() fyne.CanvasObject {
		title := widget.NewLabelWithStyle(tr(titleKey), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		title.SizeName = theme.SizeNameHeadingText
		line := widget.NewLabel(tr(lineKey))
		line.Wrapping = fyne.TextWrapWord
		return container.NewVBox(title, line)
	}
}

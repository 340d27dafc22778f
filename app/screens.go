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

// makeScreens lists the screens in navigation order (see screenStart…).
func (u *ui) makeScreens() []*screen {
	return []*screen{
		{key: "nav.start", icon: theme.HomeIcon(), view: u.startView},
		{key: "nav.diagnostic", icon: theme.DocumentCreateIcon(), view: u.diagnosticView},
		{key: "nav.results", icon: theme.GridIcon(), view: u.resultsView},
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
		return container.NewVBox(heading(tr(titleKey)), wrapped(tr(lineKey)))
	}
}

// heading is a screen or section title.
func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameHeadingText
	l.Wrapping = fyne.TextWrapWord
	return l
}

// subheading is a section title inside a screen.
func subheading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	l.Wrapping = fyne.TextWrapWord
	return l
}

// wrapped is a label whose text wraps at word boundaries instead of being
// clipped.
func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// noDatabase is what a screen that needs data shows while the database is
// opening or when it could not be opened.
func (u *ui) noDatabase() fyne.CanvasObject {
	if u.dbErr != nil {
		return container.NewVBox(heading(tr("db.failed.title")), wrapped(userMessage(u.dbErr)), wrapped(tr("db.failed.log")))
	}
	return container.NewVBox(wrapped(tr("db.opening")), widget.NewProgressBarInfinite())
}

// noOrg is what the diagnostic and results screens show before an
// organisation is chosen.
func (u *ui) noOrg() fyne.CanvasObject {
	b := widget.NewButtonWithIcon(tr("org.choose"), theme.HomeIcon(), func() { u.goTo(screenStart) })
	b.Importance = widget.HighImportance
	return container.NewVBox(wrapped(tr("org.none")), container.NewHBox(b))
}

// bold is a bold label that wraps.
func bold(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
)

// action is one main action of the window: its menu text, its shortcut
// and what it does. The same list makes the menu, the window's shortcuts
// and the rows of the keyboard help, so the three never disagree.
type action struct {
	key      string // translation key of the menu text
	shortcut *desktop.CustomShortcut
	run      func()
}

// mainActions are the actions with a shortcut: import a file (Ctrl+O),
// save the report as PDF (Ctrl+P), new organisation (Ctrl+N), a backup
// of the database (Ctrl+B) and the keyboard help (Ctrl+F1; F1 alone is
// handled with the typed keys). The help is last.
func (u *ui) mainActions() []action {
	sc := func(k fyne.KeyName) *desktop.CustomShortcut {
		return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
	}
	return []action{
		{key: "menu.import", shortcut: sc(fyne.KeyO), run: u.importAction},
		{key: "menu.pdf", shortcut: sc(fyne.KeyP), run: u.pdfAction},
		{key: "menu.new", shortcut: sc(fyne.KeyN), run: u.newOrgAction},
		{key: "settings.backup.make", shortcut: sc(fyne.KeyB), run: u.backupAction},
		{key: "menu.keys", shortcut: &desktop.CustomShortcut{KeyName: fyne.KeyF1, Modifier: fyne.KeyModifierControl}, run: u.showHelp},
	}
}

// mainMenu is the window's menu: File (the main actions), Go (the screens)
// and Help. Fyne runs a menu item's shortcut before the focused widget
// sees it, so the shortcuts work while a text field has the focus.
func (u *ui) mainMenu() *fyne.MainMenu {
	acts := u.mainActions()
	item := func(a action) *fyne.MenuItem {
		i := fyne.NewMenuItem(tr(a.key), a.run)
		i.Shortcut = a.shortcut
		return i
	}
	help := acts[len(acts)-1]
	var fileItems []*fyne.MenuItem
	for _, a := range acts[:len(acts)-1] {
		fileItems = append(fileItems, item(a))
	}
	file := fyne.NewMenu(tr("menu.file"), fileItems...)
	var screens []*fyne.MenuItem
	for i, s := range u.screens {
		it := fyne.NewMenuItem(s.title(), func() { u.nav.Select(i) })
		if i < len(screenKeys) {
			it.Shortcut = &desktop.CustomShortcut{KeyName: screenKeys[i], Modifier: fyne.KeyModifierShortcutDefault}
		}
		screens = append(screens, it)
	}
	return fyne.NewMainMenu(file, fyne.NewMenu(tr("menu.go"), screens...), fyne.NewMenu(tr("menu.help"), item(help)))
}

// screenKeys are the keys that, with Ctrl, go to the screens in order.
var screenKeys = []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9}

// addActionShortcuts binds the main actions' shortcuts on the window's
// canvas too, for when the menu bar is not there to catch them.
func (u *ui) addActionShortcuts() {
	for _, a := range u.mainActions() {
		run := a.run
		u.win.Canvas().AddShortcut(a.shortcut, func(fyne.Shortcut) { run() })
	}
}

// actionHelpRows are the main actions' rows of the keyboard help.
func (u *ui) actionHelpRows() []helpRow {
	var rows []helpRow
	acts := u.mainActions()
	for _, a := range acts[:len(acts)-1] {
		rows = append(rows, helpRow{modKey() + "+" + string(a.shortcut.KeyName), tr(a.key)})
	}
	return rows
}

// importAction imports a file: into the open organisation's KPIs (KPI
// screen and the file dialog), or, with none open, an engagement file.
func (u *ui) importAction() {
	if u.db == nil { // opening, or it failed: the start screen says which
		u.goTo(screenStart)
		return
	}
	if u.sess.org.ID == 0 {
		u.goTo(screenStart)
		u.chooseFileToOpen([]string{".revops"}, func(path string) { u.importEngagement(path, "") })
		return
	}
	u.goTo(screenKPIs)
	if u.kpis != nil {
		u.kpis.onImport()
	}
}

// pdfAction saves the open organisation's report as PDF (report screen and
// the save dialog); with none open it says to choose one first.
func (u *ui) pdfAction() {
	if u.db == nil { // opening, or it failed: the start screen says which
		u.goTo(screenStart)
		return
	}
	u.goTo(screenReport)
	if u.sess.org.ID == 0 || u.report == nil {
		dialog.ShowInformation(tr("nav.report"), tr("org.none"), u.win)
		return
	}
	u.report.onSave()
}

// newOrgAction opens the form for a new organisation.
func (u *ui) newOrgAction() {
	if u.db == nil { // opening, or it failed: the start screen says which
		u.goTo(screenStart)
		return
	}
	u.showNewOrgForm()
}

// backupAction makes a backup of the database (Settings and the save
// dialog).
func (u *ui) backupAction() {
	if u.db == nil {
		u.goTo(screenStart)
		return
	}
	u.goTo(screenSettings)
	if u.settingsPart != nil {
		u.settingsPart.onBackup()
	}
}

// onClosedSetter is a dialog that reports when it closes.
type onClosedSetter interface{ SetOnClosed(func()) }

// closeOnEsc makes Esc run close (hide or dismiss d) while d is the last
// dialog opened; Fyne's dialogs only see Esc while one of their widgets
// has the focus, and none has when they open.
func (u *ui) closeOnEsc(d onClosedSetter, close func()) {
	n := len(u.escapes)
	u.escapes = append(u.escapes, close)
	d.SetOnClosed(func() {
		if len(u.escapes) > n {
			u.escapes = u.escapes[:n]
		}
	})
}

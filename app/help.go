package app

import (
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// helpButton is the header's button that opens the keyboard help.
func (u *ui) helpButton() *widget.Button {
	b := widget.NewButtonWithIcon(tr("help.button"), theme.HelpIcon(), u.showHelp)
	b.Importance = widget.LowImportance
	return b
}

// addHelpShortcut binds Ctrl+/ (Cmd+/ on macOS) to the keyboard help; F1
// is handled with the other keys typed on the window (see newUI).
func (u *ui) addHelpShortcut() {
	u.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeySlash, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { u.showHelp() })
}

// modKey is how the platform's shortcut modifier is written.
func modKey() string {
	if runtime.GOOS == "darwin" {
		return "⌘"
	}
	return "Ctrl"
}

// helpRow is one shortcut and what it does.
type helpRow struct{ keys, what string }

// helpRows lists every shortcut: the help itself, the screens, moving
// between fields and dialogs, and the questionnaire's keys.
func (u *ui) helpRows() (general, wizard []helpRow) {
	m := modKey()
	general = append(general, helpRow{"F1 · " + m + "+/", tr("help.help")})
	for i, s := range u.screens {
		general = append(general, helpRow{m + "+" + string(rune('1'+i)), tr("help.screen", map[string]any{"Screen": s.title()})})
	}
	general = append(general,
		helpRow{tr("help.key.tab"), tr("help.tab")},
		helpRow{tr("help.key.space"), tr("help.space")},
		helpRow{"Esc", tr("help.esc")},
	)
	wizard = []helpRow{
		{"1 – 5", tr("help.wizard.choose")},
		{"0 · N", tr("help.wizard.na")},
		{tr("help.key.enter") + " · →", tr("help.wizard.next")},
		{"←", tr("help.wizard.back")},
		{"Esc", tr("help.wizard.note")},
	}
	return general, wizard
}

// helpTable lays rows out as two columns: keys in bold, then the action.
func helpTable(rows []helpRow) fyne.CanvasObject {
	keys, whats := container.NewVBox(), container.NewVBox()
	grid := container.New(&helpLayout{}, keys, whats)
	for _, r := range rows {
		k := widget.NewLabelWithStyle(r.keys, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		keys.Add(k)
		whats.Add(widget.NewLabel(r.what))
	}
	return grid
}

// helpLayout places two columns of labels side by side, the first as
// wide as its widest label.
type helpLayout struct{}

// MinSize is both columns side by side.
func (*helpLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	a, b := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(a.Width+b.Width, fyne.Max(a.Height, b.Height))
}

// Layout gives the first column its width and the second the rest.
func (*helpLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := objs[0].MinSize().Width
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(w, size.Height))
	objs[1].Move(fyne.NewPos(w, 0))
	objs[1].Resize(fyne.NewSize(size.Width-w, size.Height))
}

// showHelp opens the keyboard help, once.
func (u *ui) showHelp() {
	if u.help != nil {
		return
	}
	general, wizard := u.helpRows()
	body := container.NewVBox(
		subheading(tr("help.general")), helpTable(general),
		subheading(tr("help.wizard")), helpTable(wizard),
		wrapped(tr("help.focus")),
	)
	d := dialog.NewCustom(tr("help.title"), tr("action.close"), container.NewVScroll(body), u.win)
	d.SetOnClosed(func() { u.help = nil })
	u.help = d
	d.Resize(fyne.NewSize(620, 600))
	d.Show()
}

package app

import (
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
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
	general = append(general, helpRow{"F1 · " + m + "+F1 · " + m + "+/", tr("help.help")})
	general = append(general, u.actionHelpRows()...)
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
		{"?", tr("help.wizard.dontknow")},
		{tr("help.key.enter") + " · →", tr("help.wizard.next")},
		{"←", tr("help.wizard.back")},
		{"Esc", tr("help.wizard.note")},
	}
	return general, wizard
}

// helpTable lays rows out as two columns, keys in bold and the action
// wrapping beside them; keyW is the width of the keys' column.
func helpTable(rows []helpRow, keyW float32) fyne.CanvasObject {
	box := container.New(layout.NewCustomPaddedVBoxLayout(0))
	for _, r := range rows {
		what := widget.NewLabel(r.what)
		what.Wrapping = fyne.TextWrapWord
		box.Add(container.New(&helpRowLayout{keyW: keyW}, helpKey(r.keys), what))
	}
	return box
}

// helpKey is a key's label, in bold.
func helpKey(keys string) *widget.Label {
	return widget.NewLabelWithStyle(keys, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// keysWidth is the width of the widest key label of rows.
func keysWidth(rows ...[]helpRow) float32 {
	var w float32
	for _, rs := range rows {
		for _, r := range rs {
			w = fyne.Max(w, helpKey(r.keys).MinSize().Width)
		}
	}
	return w
}

// helpRowLayout places a key label in a column of width keyW and its
// action in the rest of the row.
type helpRowLayout struct{ keyW float32 }

// MinSize is the key column beside the action.
func (l *helpRowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	k, w := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(l.keyW+w.Width, fyne.Max(k.Height, w.Height))
}

// Layout gives the key its column and the action the rest.
func (l *helpRowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(l.keyW, objs[0].MinSize().Height))
	objs[1].Move(fyne.NewPos(l.keyW, 0))
	objs[1].Resize(fyne.NewSize(size.Width-l.keyW, size.Height))
}

// showHelp opens the keyboard help, once.
func (u *ui) showHelp() {
	if u.help != nil {
		return
	}
	general, wizard := u.helpRows()
	recs := recsHelpRows()
	w := keysWidth(general, wizard, recs)
	body := container.NewGridWithColumns(2,
		container.NewVBox(subheading(tr("help.general")), helpTable(general, w)),
		container.NewVBox(subheading(tr("help.wizard")), helpTable(wizard, w), wrapped(tr("help.focus")),
			subheading(tr("help.recs")), helpTable(recs, w)),
	)
	d := dialog.NewCustom(tr("help.title"), tr("action.close"), container.NewVScroll(body), u.win)
	d.SetOnClosed(func() { u.help = nil })
	u.help = d
	size := u.win.Canvas().Size()
	d.Resize(fyne.NewSize(fyne.Min(960, size.Width-40), fyne.Min(620, size.Height-40)))
	d.Show()
}

package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// cellEntry is an entry for editing a table cell in place: it commits its
// text when the user presses Enter or leaves it (Tab, a click elsewhere),
// and only when the text changed since it was filled.
type cellEntry struct {
	widget.Entry
	orig     string
	onCommit func(text string)
	// unit is the unit after the number ("€", "days"): a canvas text, whose
	// width is 0 when empty (a label's padding would narrow every cell).
	unit *canvas.Text
}

func newCellEntry() *cellEntry {
	e := &cellEntry{unit: canvas.NewText("", theme.Color(theme.ColorNamePlaceHolder))}
	e.unit.Alignment = fyne.TextAlignTrailing
	e.ActionItem = e.unit
	e.ExtendBaseWidget(e)
	e.OnSubmitted = func(string) { e.commit() }
	return e
}

// fill shows text without committing it, and sets what to do on commit.
func (e *cellEntry) fill(text string, onCommit func(string)) {
	e.fillUnit(text, "", onCommit)
}

// fillUnit is fill with unit written after the text (and kept out of it).
func (e *cellEntry) fillUnit(text, unit string, onCommit func(string)) {
	if unit != "" {
		unit = " " + unit + " "
	}
	if e.unit.Text != unit {
		e.unit.Text = unit
		e.unit.Color = theme.Color(theme.ColorNamePlaceHolder)
		e.unit.Refresh()
		e.Refresh()
	}
	e.onCommit = nil
	e.orig = text
	e.SetText(text)
	e.SetValidationError(nil)
	e.onCommit = onCommit
}

// FocusLost commits the text when the entry loses the focus.
func (e *cellEntry) FocusLost() {
	e.Entry.FocusLost()
	e.commit()
}

func (e *cellEntry) commit() {
	if e.onCommit == nil || e.Text == e.orig {
		return
	}
	e.orig = e.Text
	e.onCommit(e.Text)
}

// statusLabel is a wrapped line for a validation message, hidden while
// empty so that it takes no room.
func statusLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.DangerImportance
	l.Hide()
	return l
}

// setStatus shows text in a status label, or hides it when empty.
func setStatus(l *widget.Label, text string) {
	l.SetText(text)
	if text == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

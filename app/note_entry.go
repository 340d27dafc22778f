package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// noteEntry is the multi-line note of a question. Escape leaves it (the
// note is kept), so that the keys 1–5, N, Enter and the arrows answer and
// move again.
type noteEntry struct {
	widget.Entry
	leave func()
	help  func()
}

func newNoteEntry(leave func()) *noteEntry {
	e := &noteEntry{leave: leave}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey leaves the note on Escape, leaves it and opens the keyboard
// help on F1 (when help is set), and edits it otherwise.
func (e *noteEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		e.leave()
		return
	}
	if k.Name == fyne.KeyF1 && e.help != nil {
		e.leave()
		e.help()
		return
	}
	e.Entry.TypedKey(k)
}

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
}

func newNoteEntry(leave func()) *noteEntry {
	e := &noteEntry{leave: leave}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey leaves the note on Escape and edits it otherwise.
func (e *noteEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		e.leave()
		return
	}
	e.Entry.TypedKey(k)
}

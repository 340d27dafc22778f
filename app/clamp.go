package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// linesLayout makes its one object as tall as n lines of text, whatever the
// object's own minimum: a word-wrapped, ellipsis-truncated label in it
// shows up to n lines and ends the last with "…" when the text is longer.
// List rows built with it keep one height, so the list stays virtualised.
type linesLayout struct {
	n     int
	style fyne.TextStyle
}

// MinSize is the object's minimum width by the height of n lines plus the
// label's inner padding.
func (l *linesLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w float32
	for _, o := range objs {
		w = fyne.Max(w, o.MinSize().Width)
	}
	line := fyne.MeasureText("z", theme.TextSize(), l.style).Height
	h := float32(l.n)*line + float32(l.n-1)*theme.Size(theme.SizeNameLineSpacing) + 2*theme.InnerPadding()
	return fyne.NewSize(w, h)
}

// Layout gives the object the whole space.
func (l *linesLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// clampedLabel is a label that wraps onto at most n lines and then ends
// with "…", and the container that holds it at that height.
func clampedLabel(n int, style fyne.TextStyle) (*widget.Label, fyne.CanvasObject) {
	l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, style)
	l.Wrapping = fyne.TextWrapWord
	l.Truncation = fyne.TextTruncateEllipsis
	return l, container.New(&linesLayout{n: n, style: style}, l)
}

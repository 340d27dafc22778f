package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// weightedRow lays out the cells of one table row side by side, each as
// wide as its share of the weights, and as high as its tallest cell: unlike
// a grid, a row with a wrapped name does not make every row as tall.
type weightedRow struct{ weights []float32 }

func (w *weightedRow) total() float32 {
	var t float32
	for _, x := range w.weights {
		t += x
	}
	return t
}

// MinSize is the widest cell per weight times the total, by the tallest cell.
func (w *weightedRow) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var perWeight, h float32
	for i, o := range objs {
		m := o.MinSize()
		perWeight = fyne.Max(perWeight, m.Width/w.weights[i])
		h = fyne.Max(h, m.Height)
	}
	return fyne.NewSize(perWeight*w.total(), h)
}

// Layout gives each cell its share of the width.
func (w *weightedRow) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	unit := (size.Width - pad*float32(len(objs)-1)) / w.total()
	var x float32
	for i, o := range objs {
		cw := unit * w.weights[i]
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(cw, size.Height))
		x += cw + pad
	}
}

// tableRow is one row of cells with the given weights.
func tableRow(weights []float32, cells ...fyne.CanvasObject) *fyne.Container {
	return container.New(&weightedRow{weights: weights}, cells...)
}

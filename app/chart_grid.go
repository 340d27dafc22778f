package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// chartGrid lays charts of one cell size side by side when the width has
// room for two, else one under the other, centred. Like Fyne's GridWrap
// it remembers the rows of its last layout for its minimum height.
type chartGrid struct {
	cell fyne.Size
	rows int
}

// newChartGrid is a chartGrid of cells of the given size.
func newChartGrid(cell fyne.Size) *chartGrid { return &chartGrid{cell: cell, rows: 1} }

func (g *chartGrid) columns(width float32, n int) int {
	pad := theme.Padding()
	if n > 1 && width >= 2*g.cell.Width+pad {
		return 2
	}
	return 1
}

// MinSize is one cell wide and as high as the rows of the last layout.
func (g *chartGrid) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	rows := max(g.rows, 1)
	return fyne.NewSize(g.cell.Width, float32(rows)*g.cell.Height+float32(rows-1)*pad)
}

// Layout places the visible charts in one or two columns, centred.
func (g *chartGrid) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	var shown []fyne.CanvasObject
	for _, o := range objs {
		if o.Visible() {
			shown = append(shown, o)
		}
	}
	pad := theme.Padding()
	cols := g.columns(size.Width, len(shown))
	g.rows = (len(shown) + cols - 1) / cols
	rowW := float32(cols)*g.cell.Width + float32(cols-1)*pad
	x0 := (size.Width - rowW) / 2
	for i, o := range shown {
		r, c := i/cols, i%cols
		o.Move(fyne.NewPos(x0+float32(c)*(g.cell.Width+pad), float32(r)*(g.cell.Height+pad)))
		o.Resize(g.cell)
	}
}

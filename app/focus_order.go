package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
)

// borderInOrder is container.NewBorder with its children in reading
// order (top, left, centre, right, bottom), so that Tab moves through
// them as they appear: Fyne walks the focus through a container's objects
// in order, and NewBorder puts the centre first. Any part may be nil.
func borderInOrder(top, bottom, left, right, center fyne.CanvasObject) *fyne.Container {
	var objs []fyne.CanvasObject
	for _, o := range []fyne.CanvasObject{top, left, center, right, bottom} {
		if o != nil {
			objs = append(objs, o)
		}
	}
	return container.New(layout.NewBorderLayout(top, bottom, left, right), objs...)
}

package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// fileDialog is what showFileDialog needs of Fyne's file dialogs.
type fileDialog interface {
	Resize(fyne.Size)
	Show()
}

// showFileDialog shows a file dialog sized to the window (Fyne's default is
// larger than a 1100×720 window).
func showFileDialog(d fileDialog, w fyne.Window) {
	sz := w.Canvas().Size()
	d.Resize(fyne.NewSize(min(860, sz.Width*0.9), min(600, sz.Height*0.85)))
	d.Show()
}

// chooseFileToOpen asks for a file with one of the extensions and calls then
// with its path. Cancelling does nothing; a dialog error is shown.
func (u *ui) chooseFileToOpen(exts []string, then func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if r == nil {
			return // cancelled
		}
		path := r.URI().Path()
		_ = r.Close()
		then(path)
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	showFileDialog(d, u.win)
}

// chooseFileToSave asks where to save a file, suggesting name, and calls
// then with the path. The dialog itself creates the file empty; callers
// write it atomically (temporary file and rename) over that path.
func (u *ui) chooseFileToSave(name string, exts []string, then func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if w == nil {
			return // cancelled
		}
		path := w.URI().Path()
		_ = w.Close()
		then(path)
	}, u.win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	showFileDialog(d, u.win)
}

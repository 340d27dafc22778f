package app

import (
	"bufio"
	"log"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// prefFileDialogFolder is the folder the last file dialog ended in; Fyne
// keeps it under this key (dialog/file.go, lastFolderKey) and starts the next
// dialog there when no location is set.
const prefFileDialogFolder = "fyne:fileDialogLastFolder"

// fileDialog is what showFileDialog needs of Fyne's file dialogs.
type fileDialog interface {
	SetLocation(fyne.ListableURI)
	Resize(fyne.Size)
	Show()
}

// showFileDialog shows a file dialog sized to the window (Fyne's default is
// larger than a 1100×720 window). The first time it starts in the user's
// documents folder (else home); later Fyne starts it in the folder used last.
//
// The dialog is sized after Show: Fyne builds its content in Show, and
// FileDialog.Resize before that dereferences the missing content (issue 19:
// every file button crashed the app in a real window).
func showFileDialog(d fileDialog, w fyne.Window, p fyne.Preferences) {
	if p.String(prefFileDialogFolder) == "" {
		if dir := startFolder(); dir != "" {
			if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
				d.SetLocation(l)
			}
		}
	}
	d.Show()
	sz := w.Canvas().Size()
	d.Resize(fyne.NewSize(min(860, sz.Width*0.9), min(600, sz.Height*0.85)))
}

// startFolder is the user's documents folder when it exists (XDG's
// DOCUMENTS folder on Linux, else Documents in home), else home, else "".
func startFolder() string {
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return ""
	}
	for _, dir := range []string{xdgDocuments(home), filepath.Join(home, "Documents")} {
		if dir == "" {
			continue
		}
		if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
			return dir
		}
	}
	return home
}

// xdgDocuments reads XDG_DOCUMENTS_DIR from the user's user-dirs.dirs
// (a localised name such as ~/Documentos), or "" without one.
func xdgDocuments(home string) string {
	cfg := os.Getenv("XDG_CONFIG_HOME")
	if cfg == "" {
		cfg = filepath.Join(home, ".config")
	}
	f, err := os.Open(filepath.Join(cfg, "user-dirs.dirs"))
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		v, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "XDG_DOCUMENTS_DIR=")
		if !ok {
			continue
		}
		v = strings.ReplaceAll(strings.Trim(v, `"`), "$HOME", home)
		if v == home || !filepath.IsAbs(v) {
			return "" // XDG's way of saying "no documents folder"
		}
		return v
	}
	return ""
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
			log.Printf("file dialog: cancelled")
			return
		}
		path := r.URI().Path()
		_ = r.Close()
		log.Printf("file dialog: chose %s", path)
		then(path)
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	u.fileDialogs++
	log.Printf("file dialog: open %s", strings.Join(exts, " "))
	u.closeOnEsc(d, d.Dismiss)
	showFileDialog(d, u.win, u.app.Preferences())
}

// withExt returns path when it ends in one of exts (any case), else path
// with the first of them added; the empty file the dialog created at the
// name as typed is removed then, so "report" + Enter leaves report.pdf only.
func withExt(path string, exts []string) string {
	for _, e := range exts {
		if strings.EqualFold(filepath.Ext(path), e) {
			return path
		}
	}
	if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() && fi.Size() == 0 {
		if err := os.Remove(path); err != nil {
			log.Printf("removing the empty %s the save dialog created: %v", path, err)
		}
	}
	return path + exts[0]
}

// chooseFileToSave asks where to save a file, suggesting name, and calls
// then with the path. The dialog itself creates the file empty; callers
// write it atomically (temporary file and rename) over that path. The name
// field has the focus with the suggestion selected, so a typed name and
// Enter save in the dialog's folder.
func (u *ui) chooseFileToSave(name string, exts []string, then func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if w == nil {
			log.Printf("file dialog: cancelled")
			return
		}
		path := w.URI().Path()
		_ = w.Close()
		log.Printf("file dialog: chose %s", path)
		then(withExt(path, exts))
	}, u.win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	u.fileDialogs++
	log.Printf("file dialog: save %s", strings.Join(exts, " "))
	u.closeOnEsc(d, d.Dismiss)
	showFileDialog(d, u.win, u.app.Preferences())
	// Fyne focuses the name field with the cursor after the suggestion:
	// select the suggestion so a typed name replaces it.
	if f, ok := u.win.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
}

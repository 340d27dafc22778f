package app

import (
	"context"
	"errors"
	"fmt"
	"log"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// errCancelled is returned when the user cancels a question asked in the
// middle of a background task; it is not shown as an error.
var errCancelled = errors.New("cancelled by the user")

// importFile asks for an engagement file (.revops) and imports it.
func (s *startScreen) importFile() {
	s.u.chooseFileToOpen([]string{".revops"}, func(path string) { s.u.importEngagement(path, "") })
}

// importEngagement brings the organisation of an engagement file into the
// database, showing progress, asking for the passphrase when the file is
// encrypted and for another name when the name is taken; then it opens it.
func (u *ui) importEngagement(path, rename string) {
	progress := dialog.NewCustomWithoutButtons(tr("import.engagement.title"),
		container.NewVBox(wrapped(tr("import.engagement.progress", map[string]any{"File": path})), widget.NewProgressBarInfinite()), u.win)
	progress.Show()
	db := u.db
	opts := store.ImportOptions{Rename: rename, Passphrase: u.askPassphrase}
	u.busy.Add(1)
	go func() {
		defer u.busy.Done()
		o, err := db.ImportEngagement(context.Background(), path, opts)
		u.post(func() {
			progress.Hide()
			switch {
			case errors.Is(err, diagnostic.ErrConflict) && rename == "":
				u.askRename(path)
			case errors.Is(err, errCancelled):
			case err != nil:
				u.showError(fmt.Errorf("importing %s: %w", path, err))
			default:
				log.Printf("imported %s as organisation %d %q", path, o.ID, o.Name)
				u.openOrg(o.ID)
			}
		})
	}()
}

// askPassphrase is called by the import goroutine for an encrypted file: it
// asks on the UI goroutine and waits for the answer.
func (u *ui) askPassphrase() (string, error) {
	type answer struct {
		pass string
		ok   bool
	}
	ch := make(chan answer, 1)
	u.post(func() {
		e := widget.NewPasswordEntry()
		dialog.ShowForm(tr("import.passphrase.title"), tr("action.ok"), tr("action.cancel"),
			[]*widget.FormItem{widget.NewFormItem(tr("import.passphrase"), e)},
			func(ok bool) { ch <- answer{e.Text, ok} }, u.win)
	})
	a := <-ch
	if !a.ok {
		return "", errCancelled
	}
	return a.pass, nil
}

// askRename offers to import the file under another name when its
// organisation's name is already used.
func (u *ui) askRename(path string) {
	e := widget.NewEntry()
	dialog.ShowForm(tr("import.rename.title"), tr("action.import"), tr("action.cancel"),
		[]*widget.FormItem{widget.NewFormItem(tr("import.rename"), e)},
		func(ok bool) {
			if ok {
				u.importEngagement(path, e.Text)
			}
		}, u.win)
}

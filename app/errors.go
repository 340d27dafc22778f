package app

import (
	"errors"
	"log"

	"fyne.io/fyne/v2/dialog"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// showError is the one place an error reaches the user: a short message
// that says what to do next, in a dialog, with the detail in the log file.
func (u *ui) showError(err error) {
	if err == nil {
		return
	}
	log.Printf("error: %v", err)
	dialog.ShowError(errors.New(userMessage(err)), u.win)
}

// userMessage turns an error into one short sentence in the interface's
// language, by its sentinel; anything unexpected says where the detail is.
func userMessage(err error) string {
	switch {
	case errors.Is(err, store.ErrLocked):
		return tr("error.locked")
	case errors.Is(err, store.ErrDiskFull):
		return tr("error.disk_full")
	case errors.Is(err, store.ErrReadOnly):
		return tr("error.read_only")
	case errors.Is(err, store.ErrNewerVersion):
		return tr("error.newer_version")
	case errors.Is(err, store.ErrDamaged):
		return tr("error.damaged")
	case errors.Is(err, store.ErrNotDatabase):
		return tr("error.not_database")
	case errors.Is(err, store.ErrPassphrase):
		return tr("error.passphrase")
	case errors.Is(err, store.ErrTampered):
		return tr("error.tampered")
	case errors.Is(err, diagnostic.ErrConflict):
		return tr("error.conflict")
	case errors.Is(err, diagnostic.ErrNotFound):
		return tr("error.not_found")
	case errors.Is(err, diagnostic.ErrInvalid):
		return tr("error.invalid")
	}
	return tr("error.unexpected")
}

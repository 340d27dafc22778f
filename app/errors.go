package app

import (
	"log"

	"fyne.io/fyne/v2/dialog"
)

// showError is the one place an error reaches the user: a short message in a
// dialog, with the detail in the log.
func (u *ui) showError(err error) {
	if err == nil {
		return
	}
	log.Printf("error: %v", err)
	dialog.ShowError(err, u.win)
}

package app

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// findEntry returns the first entry on the window whose placeholder starts
// with prefix.
func findEntry(t *testing.T, u *ui, prefix string) *widget.Entry {
	t.Helper()
	for _, o := range test.LaidOutObjects(u.win.Content()) {
		if e, ok := o.(*widget.Entry); ok && strings.HasPrefix(e.PlaceHolder, prefix) {
			return e
		}
	}
	t.Fatalf("no entry with placeholder %q", prefix)
	return nil
}

// tapButtonRadio chooses option in the first radio group offering it.
func tapButtonRadio(t *testing.T, u *ui, option string) {
	t.Helper()
	for _, o := range test.LaidOutObjects(u.win.Content()) {
		if r, ok := o.(*widget.RadioGroup); ok {
			for _, opt := range r.Options {
				if opt == option {
					r.SetSelected(option)
					return
				}
			}
		}
	}
	t.Fatalf("no radio option %q", option)
}

// getenvOrSkip returns the variable's value or skips the test.
func getenvOrSkip(t *testing.T, name string) string {
	t.Helper()
	v := os.Getenv(name)
	if v == "" {
		t.Skipf("set %s=DIR to write the screenshots", name)
	}
	return v
}

// tapOverlayItem taps the tappable labelled text (a menu item, a button) on
// the overlay on top, such as a button's pop-up menu.
func tapOverlayItem(t *testing.T, u *ui, text string) {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no overlay to tap %q on", text)
	}
	var target fyne.Tappable // the innermost: the pop-up around a menu item has its text too
	for _, o := range test.LaidOutObjects(top) {
		if tp, ok := o.(fyne.Tappable); ok && tapLabel(o) == text {
			target = tp
		}
	}
	if target == nil {
		t.Fatalf("no %q on the overlay", text)
	}
	test.Tap(target)
	u.settle()
}

package app

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// openTestStore opens (or reopens) a real store at path.
func openTestStore(t *testing.T, path string) *store.Store {
	t.Helper()
	db, err := store.Open(context.Background(), path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// newTestUI starts the interface in English on a fresh test app with db
// attached; the cleanup finishes queued writes and closes the store.
func newTestUI(t *testing.T, db *store.Store) *ui {
	t.Helper()
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefLanguage, "en")
	u, err := newUI(a, Options{DBPath: db.Path()})
	if err != nil {
		t.Fatal(err)
	}
	u.post = u.queued.add
	u.attach(db, nil)
	u.settle()
	t.Cleanup(func() {
		u.settle()
		u.saver.close()
	})
	return u
}

// tempDB is a database path in a fresh temporary folder.
func tempDB(t *testing.T) string { return filepath.Join(t.TempDir(), "revopsdx.db") }

// mustOrg creates an organisation.
func mustOrg(t *testing.T, db *store.Store, name string) store.Org {
	t.Helper()
	o, err := db.CreateOrg(context.Background(), diagnostic.Profile{Name: name, Currency: "EUR", Language: "en"})
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// texts collects the text of every label, button and canvas text on the
// window, laid out as shown.
func texts(u *ui) []string {
	var out []string
	for _, o := range test.LaidOutObjects(u.win.Content()) {
		switch w := o.(type) {
		case *widget.Label:
			out = append(out, w.Text)
		case *widget.Button:
			out = append(out, w.Text)
		case *canvas.Text:
			out = append(out, w.Text)
		}
	}
	return out
}

// shows reports whether some text on the window contains s.
func shows(u *ui, s string) bool {
	for _, t := range texts(u) {
		if strings.Contains(t, s) {
			return true
		}
	}
	return false
}

// key sends a key to the window's canvas as if nothing had focus.
func key(u *ui, k fyne.KeyName) { u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: k}) }

// tapButton taps the first button on the window whose text is text.
func tapButton(t *testing.T, u *ui, text string) {
	t.Helper()
	for _, o := range test.LaidOutObjects(u.win.Content()) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no button %q among %q", text, texts(u))
}

// findList returns the first list of the content area (not the navigation).
func findList(u *ui) *widget.List {
	for _, o := range test.LaidOutObjects(u.content) {
		if l, ok := o.(*widget.List); ok {
			return l
		}
	}
	return nil
}

// overlayShows reports whether a label or text of the top dialog contains s.
func overlayShows(u *ui, s string) bool {
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		return false
	}
	for _, o := range test.LaidOutObjects(top) {
		switch w := o.(type) {
		case *widget.Label:
			if strings.Contains(w.Text, s) {
				return true
			}
		case *canvas.Text:
			if strings.Contains(w.Text, s) {
				return true
			}
		case *widget.RichText:
			if strings.Contains(w.String(), s) {
				return true
			}
		}
	}
	return false
}

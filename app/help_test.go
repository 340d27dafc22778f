package app

import (
	"reflect"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// TestKeyboardHelp opens the keyboard help with F1, the header's button
// and Ctrl+/, and expects every shortcut listed: the seven screens and
// the questionnaire's keys. Esc closes it.
func TestKeyboardHelp(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	u := newTestUI(t, db)
	open := func(how string, do func()) {
		t.Helper()
		do()
		if u.help == nil || !overlayShows(u, "Keyboard shortcuts") {
			t.Fatalf("%s: no keyboard help", how)
		}
		for _, want := range []string{"Ctrl+1", "Go to Start", "Ctrl+7", "Go to Settings", "1 – 5", "0 · N", "Not applicable", "Previous question", "F1 · Ctrl+/"} {
			if !overlayShows(u, want) {
				t.Errorf("%s: %q not listed", how, want)
			}
		}
		do() // a second request does not stack a second dialog
		if n := len(u.win.Canvas().Overlays().List()); n != 1 {
			t.Errorf("%s: %d overlays, want 1", how, n)
		}
		key(u, fyne.KeyEscape)
		if u.help != nil || u.win.Canvas().Overlays().Top() != nil {
			t.Fatalf("%s: Esc did not close the help", how)
		}
	}
	open("F1", func() { key(u, fyne.KeyF1) })
	open("header button", func() { tapButton(t, u, "Keys") })
	for i := range u.screens {
		typeShortcut(t, u, &desktop.CustomShortcut{KeyName: fyne.KeyName(string(rune('1' + i))), Modifier: fyne.KeyModifierShortcutDefault})
		if u.selected != i {
			t.Errorf("Ctrl+%d shows screen %d", i+1, u.selected)
		}
	}
	open("Ctrl+/", func() {
		typeShortcut(t, u, &desktop.CustomShortcut{KeyName: fyne.KeySlash, Modifier: fyne.KeyModifierShortcutDefault})
	})
}

// typeShortcut sends a shortcut to the window's canvas as the desktop
// driver does when nothing has the focus. The test canvas hides the
// TypedShortcut of the canvas it wraps (an embedded interface), so it is
// reached through reflection.
func typeShortcut(t *testing.T, u *ui, s fyne.Shortcut) {
	t.Helper()
	inner := reflect.ValueOf(u.win.Canvas()).Elem().FieldByName("WindowlessCanvas")
	sc, ok := inner.Interface().(fyne.Shortcutable)
	if !ok {
		t.Fatalf("the test canvas %T cannot take shortcuts", u.win.Canvas())
	}
	sc.TypedShortcut(s)
}

// focusOrder presses Tab n times and names what has the focus each time:
// a button or entry by its text or placeholder, else its type.
func focusOrder(u *ui, n int) []string {
	var out []string
	c := u.win.Canvas()
	c.Unfocus()
	for range n {
		c.FocusNext()
		switch w := c.Focused().(type) {
		case *widget.Button:
			out = append(out, w.Text)
		case *widget.Entry:
			if w.PlaceHolder != "" {
				out = append(out, w.PlaceHolder)
			} else {
				out = append(out, "entry:"+w.Text)
			}
		case *widget.Select:
			out = append(out, "select:"+w.Selected)
		case *widget.List:
			if w == u.nav {
				out = append(out, "navigation")
			} else {
				out = append(out, "list")
			}
		case nil:
			out = append(out, "nothing")
		default:
			out = append(out, "other")
		}
	}
	return out
}

// TestTabOrderStart expects Tab to go through the start screen in reading
// order: header (help, language), navigation, the actions, the search and
// the organisations.
func TestTabOrderStart(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	mustOrg(t, db, "Acme")
	u := newTestUI(t, db)
	u.demo = nil
	u.goTo(screenStart)
	u.settle()
	got := focusOrder(u, 7)
	// "Open the demo" is disabled in tests (no demo hook), so Tab skips it.
	want := []string{"Keys", "select:English", "navigation", "New organisation", "Import engagement file…", "Search by name", "list"}
	if len(got) != len(want) {
		t.Fatalf("focus order %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("focus order %q, want %q", got, want)
		}
	}
}

// TestTabOrderOrgForm expects the new-organisation form to start on the
// name and Tab through the profile fields in order, then Cancel and Save.
func TestTabOrderOrgForm(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	u := newTestUI(t, db)
	f := newOrgForm(u, nil)
	f.show()
	c := u.win.Canvas()
	if c.Focused() != f.name {
		t.Fatalf("the form opens with the focus on %T, want the name", c.Focused())
	}
	var got []fyne.Focusable
	for range len(u.q.Profile) + 1 {
		c.FocusNext()
		got = append(got, c.Focused())
	}
	// After the name: each profile field in the content's order (a select
	// or the currency entry), then Cancel and Save.
	var want []fyne.Focusable
	for _, field := range u.q.Profile[1:] {
		switch field.ID {
		case "currency":
			want = append(want, f.currency)
		default:
			want = append(want, f.choices[field.ID].sel)
		}
	}
	want = append(want, nil, f.save) // nil: Cancel, found below
	for i := range want {
		if i == len(want)-2 {
			b, ok := got[i].(*widget.Button)
			if !ok || b.Text != "Cancel" {
				t.Errorf("Tab %d: %T, want Cancel", i+1, got[i])
			}
			continue
		}
		if i < len(got) && got[i] != want[i] {
			t.Errorf("Tab %d: %T %v, want %T", i+1, got[i], got[i], want[i])
		}
	}
}

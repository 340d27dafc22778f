package app

import (
	"bytes"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// tapState is a starting point of the tap-everything test: a name and how
// to bring a fresh window there.
type tapState struct {
	name  string
	demo  bool // with the demo organisation in the database
	setup func(u *ui, demo int64)
}

// tapStates are the screens the test starts from: Start (empty and with
// an organisation) and every screen with the demo organisation open.
func tapStates() []tapState {
	on := func(screen int) func(*ui, int64) {
		return func(u *ui, id int64) { u.openOrgOn(id, screen) }
	}
	return []tapState{
		{name: "start-empty", setup: func(*ui, int64) {}},
		{name: "start", demo: true, setup: func(*ui, int64) {}},
		{name: "diagnostic", demo: true, setup: on(screenDiagnostic)},
		{name: "results", demo: true, setup: on(screenResults)},
		{name: "kpis", demo: true, setup: on(screenKPIs)},
		{name: "recommendations", demo: true, setup: on(screenRecommendations)},
		{name: "report", demo: true, setup: on(screenReport)},
		{name: "settings", demo: true, setup: on(screenSettings)},
	}
}

// tapTarget is one tappable widget found on a window, named by its type
// and its text (or icon) so the same widget is found again on a fresh one.
type tapTarget struct {
	key string
	obj fyne.Tappable
}

// tappables lists the enabled, visible tappable widgets under root, one
// per key (the first), in the order they are laid out. Text fields are
// left out: tapping them only moves the focus.
func tappables(root fyne.CanvasObject) []tapTarget {
	var out []tapTarget
	seen := map[string]bool{}
	for _, o := range test.LaidOutObjects(root) {
		t, ok := o.(fyne.Tappable)
		if !ok || !o.Visible() || !visibleUnder(root, o) {
			continue
		}
		if d, ok := o.(fyne.Disableable); ok && d.Disabled() {
			continue
		}
		switch o.(type) {
		case *widget.Entry, *widget.SelectEntry:
			continue
		}
		name := reflect.TypeOf(o).String()
		if strings.Contains(name, "Entry") || strings.Contains(name, "selectable") || strings.Contains(name, "Scroll") {
			continue // text inside entries and selectable labels; scroll bars
		}
		k := name + " " + tapLabel(o)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, tapTarget{key: k, obj: t})
	}
	return out
}

// visibleUnder reports whether o and every container between root and it
// are visible (a hidden tab's content is laid out but not on show).
func visibleUnder(root, o fyne.CanvasObject) bool {
	var walk func(c fyne.CanvasObject) (found, visible bool)
	walk = func(c fyne.CanvasObject) (bool, bool) {
		if c == o {
			return true, c.Visible()
		}
		var kids []fyne.CanvasObject
		switch w := c.(type) {
		case *fyne.Container:
			kids = w.Objects
		case fyne.Widget:
			kids = test.TempWidgetRenderer(nil, w).Objects()
		}
		for _, k := range kids {
			if f, v := walk(k); f {
				return true, v && c.Visible()
			}
		}
		return false, false
	}
	_, v := walk(root)
	return v
}

// tapLabel is a tappable's text: a button's text or icon, a check's text,
// else the first text drawn inside it.
func tapLabel(o fyne.CanvasObject) string {
	switch w := o.(type) {
	case *widget.Button:
		if w.Text != "" {
			return w.Text
		}
		if w.Icon != nil {
			return "icon:" + w.Icon.Name()
		}
	case *widget.Check:
		return w.Text
	case *widget.Hyperlink:
		return w.Text
	case *widget.Select:
		return "select:" + w.PlaceHolder
	case *widget.RadioGroup, *widget.CheckGroup:
		return "" // the group's items are tapped one by one
	}
	for _, c := range test.LaidOutObjects(o) {
		switch t := c.(type) {
		case *canvas.Text:
			if strings.TrimSpace(t.Text) != "" {
				return t.Text
			}
		case *widget.Label:
			if t.Text != "" {
				return t.Text
			}
		}
	}
	return ""
}

// tapEffect says what a tap did: "file" (a file dialog), "dialog" (any
// other overlay), "screen:N" (another screen), "change" (new widgets on
// the screen) or "none".
func tapEffect(u *ui, files, overlays, screen int, before map[string]bool) string {
	switch {
	case u.fileDialogs > files:
		return "file"
	case len(u.win.Canvas().Overlays().List()) > overlays:
		return "dialog"
	case u.selected != screen:
		return fmt.Sprintf("screen:%d", u.selected)
	}
	for _, t := range tappables(u.content) {
		if !before[t.key] {
			return "change"
		}
	}
	return "none"
}

// tapRun is one fresh window on a state, with the log captured.
type tapRun struct {
	u  *ui
	id int64
}

var logMu sync.Mutex

// freshTapRun opens a copy of the seeded database on a new window in the
// state's screen.
func freshTapRun(t *testing.T, st tapState, seeded string) tapRun {
	t.Helper()
	path := tempDB(t)
	if st.demo {
		b, err := os.ReadFile(seeded)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	db := openTestStore(t, path)
	t.Cleanup(func() { db.Close() })
	u := newTestUI(t, db)
	u.win.Resize(fyne.NewSize(1366, 768))
	var id int64
	if st.demo {
		orgs, err := db.Orgs(t.Context())
		if err != nil || len(orgs) == 0 {
			t.Fatalf("the seeded database has no organisation (%v)", err)
		}
		id = orgs[0].ID
	}
	st.setup(u, id)
	u.settle()
	return tapRun{u: u, id: id}
}

// tapAt taps target key on a fresh window in state st (after first, a
// key tapped first, when not ""), and returns its effect and what it
// opened. It fails the test when the tap panics or logs an error.
func tapAt(t *testing.T, st tapState, seeded, first, key string) (effect string, opened fyne.CanvasObject, ok bool) {
	t.Helper()
	r := freshTapRun(t, st, seeded)
	u := r.u
	var logged bytes.Buffer
	logMu.Lock()
	log.SetOutput(&logged)
	defer func() {
		log.SetOutput(io.Discard)
		logMu.Unlock()
	}()
	root := fyne.CanvasObject(u.win.Content())
	if first != "" {
		_, root, ok = tapAt1(t, u, root, first)
		if !ok || root == nil {
			t.Errorf("%s: %q is gone on a fresh window", st.name, first)
			return "", nil, false
		}
	}
	effect, opened, ok = tapAt1(t, u, root, key)
	if strings.Contains(logged.String(), "error:") {
		t.Errorf("%s: tapping %q (after %q) logged: %s", st.name, key, first, logged.String())
	}
	return effect, opened, ok
}

// tapAt1 taps the target key under root on u and waits for it to settle.
func tapAt1(t *testing.T, u *ui, root fyne.CanvasObject, key string) (effect string, opened fyne.CanvasObject, ok bool) {
	t.Helper()
	var target fyne.Tappable
	for _, tt := range tappables(root) {
		if tt.key == key {
			target = tt.obj
		}
	}
	if target == nil {
		return "", nil, false
	}
	before := map[string]bool{}
	for _, tt := range tappables(u.content) {
		before[tt.key] = true
	}
	files, overlays, screen := u.fileDialogs, len(u.win.Canvas().Overlays().List()), u.selected
	func() {
		defer func() {
			if p := recover(); p != nil {
				t.Errorf("tapping %q panicked: %v", key, p)
			}
		}()
		test.Tap(target)
		u.settle()
	}()
	effect = tapEffect(u, files, overlays, screen, before)
	switch effect {
	case "file", "dialog":
		opened = u.win.Canvas().Overlays().Top()
	case "none":
	default:
		opened = u.content
	}
	return effect, opened, true
}

// TestTapEverything taps every button, tab, list row, check and menu item
// of every screen on a fresh window, checks what each opens against
// tapWant, and taps what that opened one level deep. A tappable missing
// from tapWant fails the test: a new button needs its line there.
func TestTapEverything(t *testing.T) {
	if testing.Short() {
		t.Skip("taps every widget on fresh windows (slow)")
	}
	t.Setenv("HOME", t.TempDir()) // the file dialogs start in home
	seeded := filepath.Join(t.TempDir(), "demo.db")
	db := openTestStore(t, seeded)
	demoOrg(t, db)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, st := range tapStates() {
		r := freshTapRun(t, st, seeded)
		keys := tappables(r.u.win.Content())
		for _, tt := range keys {
			effect, opened, ok := tapAt(t, st, seeded, "", tt.key)
			if !ok {
				t.Errorf("%s: %q not found again on a fresh window", st.name, tt.key)
				continue
			}
			id := st.name + " | " + tt.key
			got = append(got, fmt.Sprintf("%q: %q,", id, effect))
			if want, listed := tapWant[id]; !listed {
				t.Errorf("%s: %q is tapped by no test: add it to tapWant (it did %q)", st.name, tt.key, effect)
			} else if want != effect {
				t.Errorf("%s: tapping %q did %q, want %q", st.name, tt.key, effect, want)
			}
			if opened == nil || strings.HasPrefix(effect, "screen:") {
				continue
			}
			// One level deep: what the tap opened, each on a fresh window.
			level0 := map[string]bool{}
			for _, k := range keys {
				level0[k.key] = true
			}
			for _, t2 := range tappables(opened) {
				if effect != "file" && effect != "dialog" && level0[t2.key] {
					continue
				}
				if _, _, ok := tapAt(t, st, seeded, tt.key, t2.key); !ok {
					t.Errorf("%s: %q then %q: not found again", st.name, tt.key, t2.key)
				}
			}
		}
	}
	sort.Strings(got)
	t.Logf("taps:\n%s", strings.Join(got, "\n"))
}

// tapWant is what each tappable of each starting screen must do (see
// tapEffect). Buttons that open a file dialog are "file": the test shows
// the real Fyne dialog, which crashed when sized before Show (issue 19).
var tapWant = map[string]string{}

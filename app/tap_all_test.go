package app

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/revopsdx/revopsdx/diagnostic/store"
	"github.com/revopsdx/revopsdx/usecase"
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
		if strings.Contains(name, "Entry") || strings.Contains(name, "selectable") || strings.Contains(strings.ToLower(name), "scroll") {
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
			kids = test.WidgetRenderer(w).Objects()
		}
		for _, k := range kids {
			if f, v := walk(k); f {
				return true, v && c.Visible()
			}
		}
		return false, false
	}
	if found, v := walk(root); found {
		return v
	}
	return o.Visible() // inside a widget whose renderer hides its children (lists)
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
		text := ""
		switch t := c.(type) {
		case *canvas.Text:
			text = strings.TrimSpace(t.Text)
		case *widget.Label:
			text = t.Text
		}
		if text == "" {
			continue
		}
		if len([]rune(text)) > 30 {
			return "(long text)" // a data row: the first one stands for all
		}
		return text
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

// logError matches the line showError logs (Fyne's own "Fyne error:"
// lines, such as a missing Videos folder, are not the app's errors).
var logError = regexp.MustCompile(`(?m)^\S+ \S+ error: `)

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
	t.Cleanup(u.win.Close) // frees Fyne's caches of its widgets
	u.win.Resize(fyne.NewSize(1366, 768))
	u.demo = func(ctx context.Context) (store.Org, error) {
		res, err := usecase.EnsureDemo(ctx, db, false, time.Now())
		return res.Org, err
	}
	u.show(u.selected) // Start again, with "Open the demo" enabled
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

// tapLevel0 taps key on a fresh window in state st, checks what it did
// against tapWant, then taps each widget it opened (one level deep) on the
// same window, brought back each time: overlays closed, the state's screen
// shown again and key tapped again. It runs as a subtest, so the window and
// its database are closed before the next one. A tap that panics or logs
// an error fails the test.
//
// followed holds what was already followed one level deep (the same dialog
// opened by two buttons is followed once).
func tapLevel0(t *testing.T, st tapState, seeded, key string, level0, followed map[string]bool) (effect string) {
	t.Run(st.name+"/"+key, func(t *testing.T) {
		r := freshTapRun(t, st, seeded)
		u := r.u
		var logged bytes.Buffer
		logMu.Lock()
		log.SetOutput(&logged)
		defer func() {
			log.SetOutput(io.Discard)
			logMu.Unlock()
		}()
		checkLog := func(what string) {
			if logError.MatchString(logged.String()) {
				t.Errorf("%s: %s logged: %s", st.name, what, logged.String())
			}
			logged.Reset()
		}
		var opened fyne.CanvasObject
		var ok bool
		effect, opened, ok = tapAt1(t, u, u.win.Content(), key)
		if !ok {
			t.Errorf("%s: %q not found again on a fresh window", st.name, key)
			return
		}
		checkLog(fmt.Sprintf("tapping %q", key))
		if opened == nil || strings.HasPrefix(effect, "screen:") || strings.HasPrefix(key, "*widget.Select ") {
			return // another screen is a starting state of its own; a drop-down's list is Fyne's
		}
		var keys []string
		for _, tt := range tappables(opened) {
			switch {
			case effect != "file" && effect != "dialog" && level0[tt.key]:
			case effect == "file" && tt.key != "*widget.Button Cancel": // the rest of Fyne's file dialog is Fyne's
			default:
				keys = append(keys, tt.key)
			}
		}
		sig := effect + ":" + strings.Join(keys, "|")
		if followed[sig] {
			return
		}
		followed[sig] = true
		// Each widget it opened, on the same window: overlays the tap opened
		// are closed after it; the window is brought back (overlays closed,
		// the screen shown again, key tapped again) only when the tap
		// changed more than that.
		reset := false
		for _, k2 := range keys {
			if reset {
				for _, o := range u.win.Canvas().Overlays().List() {
					u.win.Canvas().Overlays().Remove(o)
				}
				st.setup(u, r.id)
				u.show(u.selected)
				u.settle()
				_, opened, ok = tapAt1(t, u, u.win.Content(), key)
				if !ok || opened == nil {
					t.Errorf("%s: %q did not open again", st.name, key)
					return
				}
				logged.Reset()
			}
			base := len(u.win.Canvas().Overlays().List())
			e2, _, ok := tapAt1(t, u, opened, k2)
			if !ok {
				t.Errorf("%s: %q then %q: not found again", st.name, key, k2)
				reset = true
				continue
			}
			checkLog(fmt.Sprintf("tapping %q then %q", key, k2))
			for len(u.win.Canvas().Overlays().List()) > base {
				u.win.Canvas().Overlays().Remove(u.win.Canvas().Overlays().Top())
			}
			still := opened == u.content || slices.Contains(u.win.Canvas().Overlays().List(), opened)
			reset = !still || (e2 != "none" && e2 != "dialog" && e2 != "file")
		}
	})
	return effect
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
	followed := map[string]bool{}
	for _, st := range tapStates() {
		var keys []tapTarget
		t.Run(st.name, func(t *testing.T) {
			r := freshTapRun(t, st, seeded)
			root := fyne.CanvasObject(r.u.content) // the header and navigation: tapped on Start only
			if st.name == "start" {
				root = r.u.win.Content()
			}
			keys = tappables(root)
		})
		level0 := map[string]bool{}
		for _, k := range keys {
			level0[k.key] = true
		}
		for _, tt := range keys {
			effect := tapLevel0(t, st, seeded, tt.key, level0, followed)
			id := st.name + " | " + tt.key
			got = append(got, fmt.Sprintf("%q: %q,", id, effect))
			if want, listed := tapWant[id]; !listed {
				t.Errorf("%s: %q is tapped by no test: add it to tapWant (it did %q)", st.name, tt.key, effect)
			} else if want != effect {
				t.Errorf("%s: tapping %q did %q, want %q", st.name, tt.key, effect, want)
			}
		}
	}
	sort.Strings(got)
	t.Logf("taps:\n%s", strings.Join(got, "\n"))
}

// tapWant is what each tappable of each starting screen must do (see
// tapEffect). Buttons that open a file dialog are "file": the test shows
// the real Fyne dialog, which crashed when sized before Show (issue 19).
var tapWant = map[string]string{
	// The header and the navigation (tapped on Start only).
	"start | *widget.Button Keys":                          "dialog",
	"start | *widget.Select select:(Select one)":           "dialog", // the language list
	"start | *widget.listItem Start":                       "none",
	"start | *widget.listItem Diagnostic":                  "screen:1",
	"start | *widget.listItem Results":                     "screen:2",
	"start | *widget.listItem KPIs":                        "screen:3",
	"start | *widget.listItem Recommendations":             "screen:4",
	"start | *widget.listItem Report":                      "screen:5",
	"start | *widget.listItem Settings":                    "screen:6",
	"start | *widget.Button New organisation":              "dialog",
	"start | *widget.Button Open the demo":                 "screen:2",
	"start | *widget.Button Import engagement file…":       "file",
	"start | *widget.listItem Demo":                        "screen:1",
	"start-empty | *widget.Button New organisation":        "dialog",
	"start-empty | *widget.Button Open the demo":           "screen:2",
	"start-empty | *widget.Button Import engagement file…": "file",

	"diagnostic | *widget.Button Add respondent":         "dialog",
	"diagnostic | *widget.Button Back":                   "change",
	"diagnostic | *widget.Button Company profile":        "dialog",
	"diagnostic | *widget.Button Context and KPIs":       "dialog",
	"diagnostic | *widget.Button Next: context and KPIs": "dialog",
	"diagnostic | *widget.Button Edit respondent":        "dialog",
	"diagnostic | *widget.Button Team forms":             "dialog", // its menu: Create forms… (a dialog), Import answers… (a file dialog)
	"diagnostic | *widget.Button New assessment":         "dialog",
	"diagnostic | *widget.Button See the results":        "screen:2",
	"diagnostic | *widget.Select select:(nobody yet)":    "dialog",

	"kpis | *container.tabButton KPI detail":                       "change",
	"kpis | *container.tabButton Monthly data":                     "change",
	"kpis | *container.tabButton Plan":                             "none",   // already on show
	"kpis | *container.tabButton Target and what-if":               "change", // its Work back button and levers are tapped one level deep
	"kpis | *widget.Button Add custom KPI":                         "dialog",
	"kpis | *widget.Button Import a file…":                         "file",
	"kpis | *widget.Button Save objectives and add suggested KPIs": "none",
	"kpis | *widget.Check Grow revenue":                            "none",
	"kpis | *widget.Check Improve customer satisfaction":           "none",
	"kpis | *widget.Check Improve marketing efficiency":            "none",
	"kpis | *widget.Check Improve profitability":                   "none",
	"kpis | *widget.Check Improve sales efficiency":                "none",
	"kpis | *widget.Check Retain and expand customers":             "none",
	"kpis | *widget.Table KPI":                                     "none",

	"recommendations | *widget.listItem (long text)":        "change", // the selected recommendation's actions
	"recommendations | *widget.Select select:(Select one)":  "dialog",
	"recommendations | *widget.radioItem List":              "none",
	"recommendations | *widget.radioItem 30/60/90-day plan": "none", // the same rows, grouped by period

	"report | *widget.Button Change in Settings":           "screen:6",
	"report | *widget.Button Save PDF…":                    "file",
	"report | *widget.Button Save Word document…":          "file",
	"report | *widget.Button Save chart…":                  "none", // no chart chosen yet
	"report | *widget.Check Alignment between departments": "none",
	"report | *widget.Check Appendix":                      "none",
	"report | *widget.Check Executive summary":             "none",
	"report | *widget.Check KPIs":                          "none",
	"report | *widget.Check Maturity by pillar":            "none",
	"report | *widget.Check Recommendations":               "none",
	"report | *widget.Select select:(Select one)":          "dialog",
	"report | *widget.Select select:Choose a chart":        "dialog",
	"report | *widget.Select select:Choose a section":      "dialog", // the comment editor's sections ("Save comment" is disabled until one is chosen)

	"settings | *widget.radioItem System":              "none",
	"settings | *widget.radioItem Light":               "none",
	"settings | *widget.radioItem Dark":                "none",
	"settings | *widget.Button Choose logo…":           "file",
	"settings | *widget.Button Licences":               "dialog",
	"settings | *widget.Button Make a backup now…":     "file",
	"settings | *widget.Button Open folder":            "none",
	"settings | *widget.Button Remove":                 "none",
	"settings | *widget.Button Restore from a backup…": "file",
	"settings | *widget.Button Save":                   "none",
	"settings | *widget.Select select:(Select one)":    "dialog",
}

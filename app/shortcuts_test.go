package app

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// fakeFileDialog records the order of the calls showFileDialog makes.
type fakeFileDialog struct{ calls []string }

func (f *fakeFileDialog) SetLocation(fyne.ListableURI) { f.calls = append(f.calls, "location") }
func (f *fakeFileDialog) Show()                        { f.calls = append(f.calls, "show") }
func (f *fakeFileDialog) Resize(fyne.Size) {
	if !slices.Contains(f.calls, "show") {
		panic("Resize before Show: Fyne's FileDialog dereferences its missing content (issue 19)")
	}
	f.calls = append(f.calls, "resize")
}

// TestFileDialogShownBeforeSized: the dialog is shown, then sized, and the
// first one starts in ~/Documents (then Fyne's last folder).
func TestFileDialogShownBeforeSized(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	if err := os.Mkdir(filepath.Join(home, "Documents"), 0o700); err != nil {
		t.Fatal(err)
	}
	if got := startFolder(); got != filepath.Join(home, "Documents") {
		t.Errorf("start folder %q, want ~/Documents", got)
	}
	a := test.NewTempApp(t)
	w := a.NewWindow("x")
	w.Resize(fyne.NewSize(1000, 600))
	d := &fakeFileDialog{}
	showFileDialog(d, w, a.Preferences())
	if want := []string{"location", "show", "resize"}; !slices.Equal(d.calls, want) {
		t.Errorf("calls %v, want %v", d.calls, want)
	}
	a.Preferences().SetString(prefFileDialogFolder, "file://"+home)
	d = &fakeFileDialog{}
	showFileDialog(d, w, a.Preferences())
	if slices.Contains(d.calls, "location") {
		t.Errorf("the remembered folder was overridden: %v", d.calls)
	}
	// XDG's localised documents folder wins over ~/Documents.
	docs := filepath.Join(home, "Documentos")
	if err := os.MkdirAll(filepath.Join(home, ".config"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(docs, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(home, ".config", "user-dirs.dirs"), []byte("XDG_DOCUMENTS_DIR=\"$HOME/Documentos\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := startFolder(); got != docs {
		t.Errorf("start folder %q, want %q", got, docs)
	}
}

// shortcut runs a Ctrl+key shortcut on the window's canvas.
func shortcut(t *testing.T, u *ui, k fyne.KeyName) {
	t.Helper()
	typeShortcut(t, u, &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault})
	u.settle()
}

// TestCtrlPSavesPDF: Ctrl+P on the results opens the real save dialog with
// the name field focused and the suggestion selected; a typed name and
// Enter write name.pdf in the documents folder, nothing else.
func TestCtrlPSavesPDF(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	docs := filepath.Join(home, "Documents")
	if err := os.Mkdir(docs, 0o700); err != nil {
		t.Fatal(err)
	}
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	id := seedDemo(t, db)
	u := newTestUI(t, db)
	u.win.Resize(fyne.NewSize(1000, 600))
	u.openOrgOn(id, screenResults)
	u.settle()
	shortcut(t, u, fyne.KeyP)
	if u.selected != screenReport || u.fileDialogs != 1 {
		t.Fatalf("Ctrl+P: screen %d, %d file dialogs", u.selected, u.fileDialogs)
	}
	e, ok := u.win.Canvas().Focused().(*widget.Entry)
	if !ok {
		t.Fatalf("the save dialog's name field has no focus (%T)", u.win.Canvas().Focused())
	}
	if !strings.HasSuffix(e.Text, ".pdf") || e.SelectedText() != e.Text {
		t.Errorf("name %q, selected %q: the suggestion should be selected", e.Text, e.SelectedText())
	}
	test.Type(e, "mine")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	u.settle()
	b, err := os.ReadFile(filepath.Join(docs, "mine.pdf"))
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("no PDF at ~/Documents/mine.pdf: %v", err)
	}
	if _, err := os.Stat(filepath.Join(docs, "mine")); err == nil {
		t.Errorf("the empty file the dialog made at the typed name is left behind")
	}
}

// TestShortcutsOpenTheirDialogs: Ctrl+O (KPIs' import), Ctrl+N (profile
// form), Ctrl+B (backup) and Ctrl+F1 (help) open what they say; Esc
// closes a file dialog; the menu lists them with their keys.
func TestShortcutsOpenTheirDialogs(t *testing.T) {
	t.Setenv("HOME", t.TempDir())
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	id := seedDemo(t, db)
	u := newTestUI(t, db)
	u.openOrgOn(id, screenResults)
	u.settle()

	shortcut(t, u, fyne.KeyO)
	if u.selected != screenKPIs || u.fileDialogs != 1 || u.win.Canvas().Overlays().Top() == nil {
		t.Fatalf("Ctrl+O: screen %d, %d file dialogs", u.selected, u.fileDialogs)
	}
	key(u, fyne.KeyEscape)
	if top := u.win.Canvas().Overlays().Top(); top != nil && top.Visible() {
		t.Errorf("Esc left the file dialog open")
	}
	shortcut(t, u, fyne.KeyB)
	if u.selected != screenSettings || u.fileDialogs != 2 {
		t.Errorf("Ctrl+B: screen %d, %d file dialogs", u.selected, u.fileDialogs)
	}
	key(u, fyne.KeyEscape)
	shortcut(t, u, fyne.KeyN)
	if !overlayShows(u, "New organisation") {
		t.Errorf("Ctrl+N opened no profile form")
	}
	for _, o := range u.win.Canvas().Overlays().List() {
		u.win.Canvas().Overlays().Remove(o)
	}
	typeShortcut(t, u, &desktop.CustomShortcut{KeyName: fyne.KeyF1, Modifier: fyne.KeyModifierControl})
	if u.help == nil {
		t.Errorf("Ctrl+F1 opened no keyboard help")
	}
	var menu []string
	for _, m := range u.mainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil {
				menu = append(menu, it.Label+" "+it.Shortcut.ShortcutName())
			}
		}
	}
	for _, want := range []string{"Import a file…", "Save the report as PDF…", "New organisation…", "Make a backup now…", "Keyboard shortcuts"} {
		if !slices.ContainsFunc(menu, func(s string) bool { return strings.HasPrefix(s, want+" ") }) {
			t.Errorf("menu item %q with a shortcut missing: %q", want, menu)
		}
	}
	general, _ := u.helpRows()
	var rows []string
	for _, r := range general {
		rows = append(rows, r.keys+" "+r.what)
	}
	for _, want := range []string{"Ctrl+O Import a file…", "Ctrl+P Save the report as PDF…", "Ctrl+N New organisation…", "Ctrl+B Make a backup now…"} {
		if !slices.Contains(rows, want) {
			t.Errorf("keyboard help lacks %q: %q", want, rows)
		}
	}
}

// TestContextObjectiveReachesKPIPlan: the 12-month objective chosen in
// "Context and KPIs" becomes one of the organisation's business
// objectives, which the KPI screen ticks.
func TestContextObjectiveReachesKPIPlan(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	o := mustOrg(t, db, "Acme")
	u := newTestUI(t, db)
	if _, err := db.CreateAssessment(context.Background(), diagnostic.Assessment{
		OrgID: o.ID, Language: "en", QuestionnaireVersion: u.q.Version,
		Respondents: []diagnostic.Respondent{{Name: "Ana", Department: "sales"}},
	}); err != nil {
		t.Fatal(err)
	}
	u.openOrg(o.ID)
	u.settle()
	d := &diagScreen{u: u}
	d.setContext("objective", string(diagnostic.ObjProfitability))
	u.settle()
	objs, err := db.Objectives(context.Background(), o.ID)
	if err != nil || !slices.Contains(objs, diagnostic.ObjProfitability) {
		t.Errorf("business objectives %v (%v), want profitability among them", objs, err)
	}
}

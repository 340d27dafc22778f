package app

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// TestImportEngagement exports an organisation from one database, imports
// the file into another through the GUI's import (which opens it), then
// imports it again: the name is taken, so the GUI asks for another name,
// and importing under it succeeds.
func TestImportEngagement(t *testing.T) {
	ctx := context.Background()
	src := openTestStore(t, tempDB(t))
	org := mustOrg(t, src, "Zeta")
	file := filepath.Join(t.TempDir(), "zeta.revops")
	if err := src.ExportEngagement(ctx, org.ID, file, store.ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	src.Close()

	db := openTestStore(t, tempDB(t))
	defer db.Close()
	u := newTestUI(t, db)
	u.importEngagement(file, "")
	u.settle()
	if u.sess.org.Name != "Zeta" || u.selected != screenDiagnostic {
		t.Fatalf("imported organisation not open: %q on screen %d", u.sess.org.Name, u.selected)
	}

	u.importEngagement(file, "")
	u.settle()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no question for another name")
	}
	var entry *widget.Entry
	var importBtn *widget.Button
	for _, o := range test.LaidOutObjects(top) {
		switch w := o.(type) {
		case *widget.Entry:
			entry = w
		case *widget.Button:
			if w.Text == "Import" {
				importBtn = w
			}
		}
	}
	if entry == nil || importBtn == nil {
		t.Fatalf("rename dialog lacks its entry or button")
	}
	entry.SetText("Zeta (copy)")
	test.Tap(importBtn)
	u.settle()
	orgs, err := db.Orgs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(orgs) != 2 || u.sess.org.Name != "Zeta (copy)" {
		t.Errorf("after renaming: %d organisations, open %q", len(orgs), u.sess.org.Name)
	}
}

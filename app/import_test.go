package app

import (
	"context"
	"path/filepath"
	"testing"
	"time"

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

// TestImportEncryptedEngagement: the import asks for the passphrase in a
// dialog while its goroutine waits; a wrong one is reported in words, the
// right one imports.
func TestImportEncryptedEngagement(t *testing.T) {
	ctx := context.Background()
	src := openTestStore(t, tempDB(t))
	org := mustOrg(t, src, "Kappa")
	file := filepath.Join(t.TempDir(), "kappa.revops")
	if err := src.ExportEngagement(ctx, org.ID, file, store.ExportOptions{Passphrase: "s3cret", WorkFactor: 10}); err != nil {
		t.Fatal(err)
	}
	src.Close()
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	u := newTestUI(t, db)

	for _, pass := range []string{"wrong", "s3cret"} {
		u.importEngagement(file, "")
		var entry *widget.Entry
		var ok *widget.Button
		found := u.settleUntil(func() bool {
			for _, o := range test.LaidOutObjects(u.win.Canvas().Overlays().Top()) {
				switch w := o.(type) {
				case *widget.Entry:
					if w.Password {
						entry = w
					}
				case *widget.Button:
					if w.Text == "OK" {
						ok = w
					}
				}
			}
			return entry != nil && ok != nil
		}, 10*time.Second)
		if !found {
			t.Fatalf("no passphrase dialog")
		}
		entry.SetText(pass)
		test.Tap(ok)
		u.settle()
		if pass == "wrong" {
			if !overlayShows(u, "The passphrase is wrong. Try again.") {
				t.Errorf("no message for the wrong passphrase")
			}
			u.win.Canvas().Overlays().Top().Hide()
		}
	}
	if u.sess.org.Name != "Kappa" {
		t.Errorf("encrypted engagement not imported and opened (open: %q)", u.sess.org.Name)
	}
	orgs, _ := db.Orgs(ctx)
	if len(orgs) != 1 {
		t.Errorf("%d organisations after a wrong and a right passphrase, want 1", len(orgs))
	}
}

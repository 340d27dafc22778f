package app

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/revopsdx/revopsdx/assets"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/report"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// TestSettingsBrandingAndBackup saves the consultant's name, a logo and
// the default language, refuses a file that is not an image, and makes a
// backup that holds the saved name.
func TestSettingsBrandingAndBackup(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	u := newTestUI(t, db)
	u.goTo(screenSettings)
	u.settle()
	name := findEntry(t, u, "e.g. Marta Gil")
	test.Type(name, "Marta Gil")
	tapButton(t, u, "Save")
	dir := t.TempDir()
	logo := filepath.Join(dir, "logo.png")
	if err := os.WriteFile(logo, assets.Icon(), 0o644); err != nil {
		t.Fatal(err)
	}
	notImage := filepath.Join(dir, "logo.png.txt")
	if err := os.WriteFile(notImage, []byte("hello"), 0o644); err != nil {
		t.Fatal(err)
	}
	m := u.settingsPart
	m.setLogoFile(notImage)
	u.settle()
	m.setLogoFile(logo)
	m.lang.SetSelected(locale.EN.Name())
	u.settle()
	st, err := db.Settings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want, err := report.NormaliseLogo(assets.Icon()) // what the settings store: the logo as the report reads it
	if err != nil {
		t.Fatal(err)
	}
	if st.ConsultantName != "Marta Gil" || !bytes.Equal(st.Logo, want) || st.DefaultLanguage != locale.EN {
		t.Errorf("stored name %q, logo %d bytes, language %s", st.ConsultantName, len(st.Logo), st.DefaultLanguage)
	}

	out := filepath.Join(dir, "copy.db")
	m.backupTo(out)
	u.settle()
	if !shows(u, "Backup saved to "+out) {
		t.Errorf("no confirmation: %q", texts(u))
	}
	cp := openTestStore(t, out)
	defer cp.Close()
	if st, err := cp.Settings(context.Background()); err != nil || st.ConsultantName != "Marta Gil" {
		t.Errorf("backup settings %+v, %v", st, err)
	}
}

// TestRestoreBackup makes a backup, renames the consultant, restores the
// backup while the app holds the database open and reads the old name
// back through the same store.
func TestRestoreBackup(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	ctx := context.Background()
	if err := db.SaveSettings(ctx, store.Settings{ConsultantName: "Before", DefaultLanguage: locale.ES}); err != nil {
		t.Fatal(err)
	}
	u := newTestUI(t, db)
	u.opts.DBPath = db.Path()
	u.goTo(screenSettings)
	u.settle()
	m := u.settingsPart
	out := filepath.Join(t.TempDir(), "copy.db")
	m.backupTo(out)
	u.settle()
	if err := db.SaveSettings(ctx, store.Settings{ConsultantName: "After", DefaultLanguage: locale.ES}); err != nil {
		t.Fatal(err)
	}
	m.restoreFrom(out)
	u.settle()
	st, err := db.Settings(ctx)
	if err != nil || st.ConsultantName != "Before" {
		t.Errorf("after restoring: %+v, %v", st, err)
	}
	if u.selected != screenStart {
		t.Errorf("screen %d after restoring, want the start screen", u.selected)
	}
}

package app

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/revopsdx/revopsdx/assets"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
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
	if st.ConsultantName != "Marta Gil" || len(st.Logo) != len(assets.Icon()) || st.DefaultLanguage != locale.EN {
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

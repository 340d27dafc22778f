package usecase

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// TestMakeFormsFolder makes a folder of forms from a typed list of people
// and imports one of them back into the tracking.
func TestMakeFormsFolder(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := store.Open(ctx, filepath.Join(dir, "db.sqlite"), store.Options{BackupDir: filepath.Join(dir, "backups")})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	o, err := s.CreateOrg(ctx, diagnostic.Profile{Name: "Acme", Industry: diagnostic.IndustrySaaS, Segment: diagnostic.SegmentSMB, Currency: "EUR", Language: "es"})
	if err != nil {
		t.Fatal(err)
	}
	q, _ := diagnostic.LoadQuestionnaire()
	people, err := ParseInvitees(q, "Ana García, Ventas\n\n  Luis, finance \nEva")
	if err != nil || len(people) != 3 || people[0].Department != diagnostic.DeptSales || people[1].Department != diagnostic.DeptFinance || people[2].Department != "" {
		t.Fatalf("invitees %+v %v", people, err)
	}
	if _, err := ParseInvitees(q, "Ana, Ventas\nLuis, Legal"); !errors.Is(err, diagnostic.ErrInvalid) || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("bad department: %v", err)
	}
	out := filepath.Join(dir, "forms")
	os.Mkdir(out, 0o700)
	files, err := MakeForms(ctx, s, o, FormHTML, locale.ES, people, out)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"01-ana-garcía.html", "02-luis.html", "03-eva.html"}
	for i, f := range files {
		if filepath.Base(f) != want[i] {
			t.Errorf("file %d: %s, want %s", i, filepath.Base(f), want[i])
		}
		if fi, err := os.Stat(f); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v %v", f, fi, err)
		}
	}
	tr, _ := s.FormResponses(ctx, o.ID)
	if len(tr) != 3 || tr[0].Name != "Ana García" || tr[0].Format != "html" || tr[0].Invited.IsZero() {
		t.Errorf("tracking %+v", tr)
	}
	if _, err := MakeForms(ctx, s, o, FormXLSX, locale.ES, nil, filepath.Join(dir, "missing")); !errors.Is(err, diagnostic.ErrInvalid) {
		t.Errorf("missing folder: %v", err)
	}
	blank, err := MakeForms(ctx, s, o, FormPDF, locale.EN, nil, out)
	if err != nil || len(blank) != 1 || filepath.Base(blank[0]) != "01-form.pdf" {
		t.Errorf("blank form: %v %v", blank, err)
	}
}

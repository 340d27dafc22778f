package usecase

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

var asOf = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

// TestDemoAnalyseDiagnose: the demo is created once, kept without
// recreate, analysed and diagnosed from the store as the CLI and the GUI
// do; a user's "demo" in another case is never touched.
func TestDemoAnalyseDiagnose(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(t.TempDir(), "u.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err := EnsureDemo(ctx, s, false, asOf)
	if err != nil || !res.Created || res.Replaced || res.Org.Name != DemoName {
		t.Fatalf("first demo: %+v %v", res, err)
	}
	again, err := EnsureDemo(ctx, s, false, asOf)
	if err != nil || again.Created || again.Org.ID != res.Org.ID {
		t.Fatalf("second demo: %+v %v", again, err)
	}
	a, d, err := DiagnoseOrg(ctx, s, res.Org.ID, locale.EN, asOf)
	if err != nil {
		t.Fatal(err)
	}
	if a.Result == nil || len(a.Recommendations) == 0 || d.BindingConstraint == nil || d.SymptomCheck.Verdict != "confirmed" {
		t.Errorf("analysis %v recs, diagnosis %+v", len(a.Recommendations), d)
	}
	if _, err := AnalyseOrg(ctx, s, 9999, locale.EN, asOf); err == nil {
		t.Error("unknown organisation analysed")
	}
	p := a.Snapshot.Profile
	p.Name = "demo"
	if err := s.UpdateOrg(ctx, res.Org.ID, p); err != nil {
		t.Fatal(err)
	}
	if _, err := EnsureDemo(ctx, s, true, asOf); !errors.Is(err, diagnostic.ErrConflict) {
		t.Errorf("a user's \"demo\": %v, want a conflict", err)
	}
}

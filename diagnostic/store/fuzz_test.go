package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// knownFailure reports whether err is one of the failures an engagement
// import promises (a sentinel the GUI and the command line explain).
func knownFailure(err error) bool {
	for _, s := range []error{ErrNotDatabase, ErrDamaged, ErrNewerVersion, ErrPassphrase, ErrTampered, ErrReadOnly,
		diagnostic.ErrInvalid, diagnostic.ErrConflict, diagnostic.ErrNotFound} {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}

// FuzzImportEngagement feeds any bytes to import-engagement as an
// engagement file (seeded with a real export and damaged copies of it):
// it never panics, fails only with a promised error, imports all or
// nothing, never names its temporary copy, and leaves the database sound
// and no temporary file behind.
func FuzzImportEngagement(f *testing.F) {
	ctx := context.Background()
	src := newTestStore(f)
	o := mustOrg(f, src, "Acme")
	if _, err := src.CreateAssessment(ctx, diagnostic.Assessment{OrgID: o.ID, Language: "es",
		Respondents: []diagnostic.Respondent{{Name: "Ana", Department: diagnostic.DeptSales,
			Answers: map[string]diagnostic.Answer{"kpi_owner": {Value: 3}}}}}); err != nil {
		f.Fatal(err)
	}
	seed := filepath.Join(f.TempDir(), "seed.revops")
	if err := src.ExportEngagement(ctx, o.ID, seed, ExportOptions{}); err != nil {
		f.Fatal(err)
	}
	good, err := os.ReadFile(seed)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	for _, at := range []int{100, 4096 + 8, 2*4096 + 20, len(good) - 10} {
		if at < len(good) {
			bad := append([]byte(nil), good...)
			bad[at] ^= 0xFF
			f.Add(bad)
		}
	}
	f.Add(good[:len(good)/2])
	f.Add([]byte("age-encryption.org/v1\n-> scrypt xyz 18\n"))
	f.Add([]byte("SQLite format 3\x00"))

	dst := newTestStore(f)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		file := filepath.Join(dir, "in.revops")
		if err := os.WriteFile(file, data, 0o600); err != nil {
			t.Fatal(err)
		}
		before, _ := dst.Orgs(ctx)
		org, err := dst.ImportEngagement(ctx, file, ImportOptions{Replace: true,
			Passphrase: func() (string, error) { return "p", nil }})
		after, _ := dst.Orgs(ctx)
		if err != nil {
			if !knownFailure(err) {
				t.Fatalf("unexpected failure: %v", err)
			}
			if len(after) != len(before) {
				t.Fatalf("a failed import changed the organisations: %d → %d", len(before), len(after))
			}
			if strings.Contains(err.Error(), tempDirName) || strings.Contains(err.Error(), ".revopsdx-import-") {
				t.Fatalf("the message names the temporary copy: %v", err)
			}
		} else if err := diagnostic.CheckName(org.Name, diagnostic.MaxNameLength); err != nil {
			t.Fatalf("imported a bad name %q: %v", org.Name, err)
		}
		if err := checkIntegrity(ctx, dst.Path()); err != nil {
			t.Fatalf("database after the import: %v", err)
		}
		if left, _ := os.ReadDir(TempDir(dst.Path())); len(left) != 0 {
			t.Fatalf("temporary files left: %v", left)
		}
	})
}

// FuzzAnswersIntoStore: whatever an answers file holds, what the parser
// accepts the store stores (with its score, in one transaction) and gives
// back whole, and what either refuses is ErrInvalid with nothing stored.
func FuzzAnswersIntoStore(f *testing.F) {
	ctx := context.Background()
	q, err := diagnostic.LoadQuestionnaire()
	if err != nil {
		f.Fatal(err)
	}
	if data, err := os.ReadFile("../testdata/answers_example.json"); err == nil {
		f.Add(data)
	}
	f.Add([]byte(`{"respondents": [{"name": "Ana", "department": "sales", "answers": {"kpi_owner": 3}}]}`))
	f.Add([]byte(`{"respondents": [{"name": "Ana\u001b[2J", "department": "sales", "answers": {"kpi_owner": 3}}]}`))
	f.Add([]byte(`{"respondents": [{"name": "éééé", "department": "marketing", "answers": {"kpi_owner": 0}}]}`))
	s := newTestStore(f)
	o := mustOrg(f, s, "Acme")
	f.Fuzz(func(t *testing.T, data []byte) {
		af, err := diagnostic.ParseAnswers(data, q)
		if err != nil {
			if !errors.Is(err, diagnostic.ErrInvalid) {
				t.Fatalf("parser error %v is not ErrInvalid", err)
			}
			return
		}
		r := diagnostic.Score(q, af.Respondents, af.Context.Coverage)
		n0, _ := s.Assessments(ctx, o.ID)
		a, err := s.CreateScoredAssessment(ctx, diagnostic.Assessment{OrgID: o.ID, Language: "es", QuestionnaireVersion: q.Version,
			Status: diagnostic.StatusComplete, Context: af.Context, Respondents: af.Respondents}, r.Overall.Score)
		if err != nil {
			n1, _ := s.Assessments(ctx, o.ID)
			if !errors.Is(err, diagnostic.ErrInvalid) || len(n1) != len(n0) {
				t.Fatalf("the parser accepted what the store refuses (%v), or a refusal stored something", err)
			}
			return
		}
		back, err := s.Assessment(ctx, a.ID)
		if err != nil || len(back.Respondents) != len(af.Respondents) {
			t.Fatalf("read back: %v, %d respondents, want %d", err, len(back.Respondents), len(af.Respondents))
		}
		for _, rs := range back.Respondents {
			if err := diagnostic.CheckName(rs.Name, diagnostic.MaxNameLength); err != nil {
				t.Fatalf("stored name %q: %v", rs.Name, err)
			}
		}
	})
}

package store

import (
	"context"
	"database/sql"
	"os"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// TestImportOldEngagementLeavesNothing imports an engagement file written
// by an older version (schema 2, before the section comments): the copy
// is migrated and imported, and no backup of that plain copy is left in
// the private temporary folder (found by FuzzImportEngagement).
func TestImportOldEngagementLeavesNothing(t *testing.T) {
	ctx := context.Background()
	src := newTestStore(t)
	o := mustOrg(t, src, "Acme")
	if _, err := src.CreateAssessment(ctx, diagnostic.Assessment{OrgID: o.ID, Language: "es",
		Respondents: []diagnostic.Respondent{{Name: "Ana", Department: diagnostic.DeptSales,
			Answers: map[string]diagnostic.Answer{"kpi_owner": {Value: 3}}}}}); err != nil {
		t.Fatal(err)
	}
	file := t.TempDir() + "/old.revops"
	if err := src.ExportEngagement(ctx, o.ID, file, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", file)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`DROP TABLE section_comments; PRAGMA user_version = 2;`); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	dst := newTestStore(t)
	got, err := dst.ImportEngagement(ctx, file, ImportOptions{})
	if err != nil {
		t.Fatalf("importing an engagement file of schema 2: %v", err)
	}
	if got.Name != "Acme" {
		t.Errorf("imported %q", got.Name)
	}
	if left, _ := os.ReadDir(TempDir(dst.Path())); len(left) != 0 {
		t.Errorf("left in the temporary folder: %v", left)
	}
}

package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"testing"
)

// TestImportOldEngagementLeavesNothing imports an engagement file written
// by an older version (schema 2, built here from the frozen migrations
// 0001 and 0002 alone, so it stays schema 2 as migrations are added): the
// copy is migrated and imported, and no backup of that plain copy is left
// in the private temporary folder (found by FuzzImportEngagement).
func TestImportOldEngagementLeavesNothing(t *testing.T) {
	ctx := context.Background()
	file := t.TempDir() + "/old.revops"
	db, err := sql.Open("sqlite", file)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range migrations()[:2] {
		if m.version > 2 {
			t.Fatalf("migration %s: want 0001 and 0002 first", m.name)
		}
		if _, err := db.Exec(m.sql); err != nil {
			t.Fatalf("migration %s: %v", m.name, err)
		}
	}
	const at = "2025-03-01T10:00:00.000000000Z"
	for _, q := range []string{
		fmt.Sprintf(`PRAGMA application_id = %d`, appID),
		`PRAGMA user_version = 2`,
		fmt.Sprintf(`INSERT INTO meta(key, value) VALUES ('kind', '%s'), ('format', '1'), ('exported_at', '%s')`, kindEngagement, at),
		fmt.Sprintf(`INSERT INTO orgs(id, name, currency, language, created, updated) VALUES (1, 'Acme', 'EUR', 'es', '%s', '%s')`, at, at),
		fmt.Sprintf(`INSERT INTO assessments(id, org_id, date, language, status, created, updated) VALUES (1, 1, '%s', 'es', 'in_progress', '%s', '%s')`, at, at, at),
		`INSERT INTO respondents(id, assessment_id, name, department) VALUES (1, 1, 'Ana', 'sales')`,
		fmt.Sprintf(`INSERT INTO answers(respondent_id, question, value, at) VALUES (1, 'kpi_owner', 3, '%s')`, at),
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
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
	as, err := dst.Assessments(ctx, got.ID)
	if err != nil || len(as) != 1 {
		t.Fatalf("imported assessments %v, %v; want 1", as, err)
	}
	if left, _ := os.ReadDir(TempDir(dst.Path())); len(left) != 0 {
		t.Errorf("left in the temporary folder: %v", left)
	}
}

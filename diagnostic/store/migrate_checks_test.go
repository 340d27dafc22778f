package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// onlyMigrationsUpTo makes migrations() return the embedded migrations up
// to version v, for the duration of the test.
func onlyMigrationsUpTo(t *testing.T, v int) {
	t.Helper()
	m := fstest.MapFS{}
	names, _ := fs.Glob(migrationFS, "migrations/*.sql")
	for _, n := range names {
		if n < fmt.Sprintf("migrations/%04d", v+1) {
			b, _ := migrationFS.ReadFile(n)
			m[n] = &fstest.MapFile{Data: b}
		}
	}
	migrationSource = m
	t.Cleanup(func() { migrationSource = migrationFS })
}

// TestMigration2KeepsRowsAndChecks upgrades a version-1 database holding
// observations, deals and leads: every row survives with its values and
// import link, the rewritten CHECK constraints still refuse what they
// refused, and deleting the import still cascades.
func TestMigration2KeepsRowsAndChecks(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v1.db")
	onlyMigrationsUpTo(t, 1)
	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	o := mustOrg(t, s, "Acme")
	// Written in version 1's own columns: today's writer knows columns a
	// version-1 file does not have yet.
	rec := ImportRecord{FileName: "crm.csv", SHA256: sha('b'), Kind: KindDeals}
	res, err := s.w.ExecContext(ctx, `INSERT INTO imports(org_id, file_name, sha256, kind, at) VALUES (?, ?, ?, ?, '2025-02-01T10:00:00.000000000Z')`,
		o.ID, rec.FileName, rec.SHA256, rec.Kind)
	if err != nil {
		t.Fatal(err)
	}
	if rec.ID, err = res.LastInsertId(); err != nil {
		t.Fatal(err)
	}
	for i, st := range []diagnostic.DealStatus{diagnostic.DealWon, diagnostic.DealLost, diagnostic.DealOpen} {
		if _, err := s.w.ExecContext(ctx, `INSERT INTO deals(org_id, import_id, external_id, status, amount, created) VALUES (?, ?, ?, ?, ?, '2025-01-05T00:00:00.000000000Z')`,
			o.ID, rec.ID, fmt.Sprint("D", i), string(st), 100*float64(i+1)); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range []string{
		`INSERT INTO leads(org_id, import_id, external_id, created, stage) VALUES (?1, ?2, 'L1', '2025-01-06T00:00:00.000000000Z', 'mql')`,
		`INSERT INTO observations(org_id, metric, period, value, source, import_id) VALUES (?1, 'revenue', '2025-01', 600, 'import', ?2)`,
	} {
		if _, err := s.w.ExecContext(ctx, q, o.ID, rec.ID); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	if v := mustVersion(t, path); v != 1 {
		t.Fatalf("set-up database at version %d, want 1", v)
	}

	migrationSource = migrationFS
	s, err = Open(ctx, path, Options{})
	if err != nil {
		t.Fatalf("migrating: %v", err)
	}
	defer s.Close()
	if v, _ := s.SchemaVersion(ctx); v != latestVersion() || v < 2 {
		t.Fatalf("version %d after migrating", v)
	}
	deals, _ := s.Deals(ctx, o.ID, Range{})
	leads, _ := s.Leads(ctx, o.ID, Range{})
	obs, _ := s.Observations(ctx, o.ID, Range{})
	if len(deals) != 3 || deals[2].Amount != 300 || deals[1].Status != diagnostic.DealLost || len(leads) != 1 || leads[0].Stage != diagnostic.StageMQL ||
		len(obs) != 1 || obs[0].Value != 600 || obs[0].Source != ImportSource(rec.ID) {
		t.Fatalf("after migrating: deals %+v leads %+v observations %+v", deals, leads, obs)
	}

	// The rewritten checks refuse what the old ones refused.
	for _, q := range []string{
		`INSERT INTO leads(org_id, created, stage) VALUES (1, '2025-01-01', 'hot')`,
		`INSERT INTO observations(org_id, metric, period, value, source) VALUES (1, 'x', '2025-01', 1, 'guess')`,
	} {
		if _, err := s.w.ExecContext(ctx, q); err == nil {
			t.Errorf("accepted after migrating: %s", q)
		}
	}
	for _, q := range []string{
		`INSERT INTO leads(org_id, created, stage) VALUES (1, '2025-01-01', 'customer')`,
		`INSERT INTO observations(org_id, metric, period, value, source) VALUES (1, 'x', '2025-01', 1, 'manual')`,
	} {
		if _, err := s.w.ExecContext(ctx, q); err != nil {
			t.Errorf("refused after migrating: %s: %v", q, err)
		}
	}

	// The import's rows still go with it.
	if err := s.DeleteImport(ctx, o.ID, rec.ID); err != nil {
		t.Fatal(err)
	}
	// (Since migration 9 deals live in chunks, deleted with their import.)
	deals, _ = s.Deals(ctx, o.ID, Range{})
	if len(deals) != 0 {
		t.Errorf("%d deals after deleting the import, want none", len(deals))
	}
	var n int
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM pragma_foreign_key_check`).Scan(&n); err != nil || n != 0 {
		t.Errorf("foreign key check: %d problems, %v", n, err)
	}
}

// TestImportInsertsNeedNoEphemeralTable guards the reason for migration 2:
// the per-row CHECK of an import insert must not build a temporary table
// (what "x IN (a, b, c)" compiles to).
func TestImportInsertsNeedNoEphemeralTable(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	for _, q := range []string{
		`INSERT INTO leads(org_id, created, stage) VALUES (1, '2025-01-01', ?)`,
		`INSERT INTO observations(org_id, metric, period, value, source) VALUES (1, 'x', '2025-01', 1, ?)`,
	} {
		rows, err := s.r.QueryContext(ctx, "EXPLAIN "+q, "x")
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var addr, p1, p2, p3, p5 int
			var op string
			var p4, comment any
			if err := rows.Scan(&addr, &op, &p1, &p2, &p3, &p4, &p5, &comment); err != nil {
				t.Fatal(err)
			}
			if op == "OpenEphemeral" {
				t.Errorf("%s opens an ephemeral table (instruction %d)", q, addr)
			}
		}
		if err := errors.Join(rows.Err(), rows.Close()); err != nil {
			t.Fatal(err)
		}
	}
}

// mustVersion reads a closed database file's schema version.
func mustVersion(t *testing.T, path string) int {
	t.Helper()
	s, err := Open(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	v, err := s.SchemaVersion(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return v
}

package store

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// TestImportTablesAreComplete keeps importTables (the rows deleteImportRows
// removes by hand) in step with the schema's references to imports.
func TestImportTablesAreComplete(t *testing.T) {
	s := newTestStore(t)
	rows, err := s.r.Query(`SELECT m.name FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
		WHERE m.type = 'table' AND f."table" = 'imports' ORDER BY m.name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		got = append(got, n)
	}
	want := slices.Sorted(slices.Values(importTables))
	if !slices.Equal(got, want) {
		t.Errorf("tables referring to imports %v, importTables %v", got, want)
	}
}

// TestImportKeepsForeignKeysEnforced checks that an import, which writes
// with enforcement off, leaves every reference valid, turns enforcement
// back on for what follows (after a success and after a failure), and that
// replacing an import removes the earlier rows by hand.
func TestImportKeepsForeignKeysEnforced(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t)
	o := mustOrg(t, s, "Acme")
	deal := func(id string) diagnostic.Deal {
		return diagnostic.Deal{ExternalID: id, Status: diagnostic.DealWon, Amount: 10}
	}
	fill := func(ids ...string) func(w *ImportWriter) error {
		return func(w *ImportWriter) error {
			for _, id := range ids {
				if err := w.AddDeal(deal(id)); err != nil {
					return err
				}
			}
			return w.AddObservation(diagnostic.Observation{Metric: "revenue", Month: month("2025-01"), Value: float64(len(ids))})
		}
	}
	enforced := func(when string) {
		t.Helper()
		var on int
		if err := s.w.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&on); err != nil || on != 1 {
			t.Errorf("%s: foreign_keys = %d, %v; want 1", when, on, err)
		}
		if _, err := s.w.ExecContext(ctx, `INSERT INTO deals(org_id, status, amount) VALUES (999, 'won', 1)`); err == nil {
			t.Errorf("%s: a deal of a missing organisation was accepted", when)
		}
		var problems int
		if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM pragma_foreign_key_check`).Scan(&problems); err != nil || problems != 0 {
			t.Errorf("%s: foreign key check found %d problems, %v", when, problems, err)
		}
	}

	first, err := s.Import(ctx, o.ID, ImportRecord{FileName: "a.csv", SHA256: sha('d'), Kind: KindDeals}, fill("1", "2", "3"))
	if err != nil {
		t.Fatal(err)
	}
	enforced("after an import")

	boom := errors.New("boom")
	if _, err := s.Import(ctx, o.ID, ImportRecord{FileName: "b.csv", SHA256: sha('e'), Kind: KindDeals}, func(w *ImportWriter) error {
		if err := fill("x")(w); err != nil {
			return err
		}
		return boom
	}); !errors.Is(err, boom) {
		t.Fatalf("failing import: %v", err)
	}
	enforced("after a failed import")

	again, err := s.Import(ctx, o.ID, ImportRecord{FileName: "a.csv", SHA256: sha('d'), Kind: KindDeals, Replace: true}, fill("4", "5"))
	if err != nil {
		t.Fatal(err)
	}
	enforced("after a replacing import")
	deals, _ := s.Deals(ctx, o.ID, Range{})
	obs, _ := s.Observations(ctx, o.ID, Range{})
	imps, _ := s.Imports(ctx, o.ID)
	if len(deals) != 2 || deals[0].ExternalID != "4" || len(obs) != 1 || obs[0].Value != 2 || obs[0].Source != ImportSource(again.ID) ||
		len(imps) != 1 || imps[0].ID != again.ID || first.Accepted != 4 {
		t.Errorf("after replacing: deals %+v observations %+v imports %+v", deals, obs, imps)
	}

	// Deleting the organisation still cascades to everything imported.
	if _, err := s.w.ExecContext(ctx, `DELETE FROM orgs WHERE id = ?`, o.ID); err != nil {
		t.Fatal(err)
	}
	for _, table := range append([]string{"imports"}, importTables...) {
		var n int
		if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM `+table).Scan(&n); err != nil || n != 0 {
			t.Errorf("%s has %d rows after deleting the organisation, %v", table, n, err)
		}
	}
}

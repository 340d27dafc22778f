package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/analysis"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
)

// storeDeals draws n deals with every kind of value the store keeps: the
// three statuses, missing ids, names and dates, times of day and nanoseconds,
// amounts of zero and below.
func storeDeals(r *rand.Rand, n int) []diagnostic.Deal {
	start := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	statuses := []diagnostic.DealStatus{diagnostic.DealOpen, diagnostic.DealWon, diagnostic.DealLost}
	out := make([]diagnostic.Deal, n)
	for i := range out {
		d := diagnostic.Deal{Status: statuses[r.IntN(3)], Amount: float64(r.IntN(200000)-1000) / 100, Stage: "S"}
		if r.IntN(5) > 0 {
			d.ExternalID = fmt.Sprint("D", r.IntN(n+1))
		}
		if r.IntN(2) == 0 {
			d.Name = fmt.Sprint("Deal ", r.IntN(9), " ñ")
		}
		if r.IntN(10) > 0 {
			d.Created = start.Add(time.Duration(r.Int64N(int64(800 * 24 * time.Hour))))
		}
		if d.Status != diagnostic.DealOpen && r.IntN(10) > 0 {
			d.Closed = start.Add(time.Duration(r.Int64N(int64(900 * 24 * time.Hour))))
		}
		if d.Status == diagnostic.DealOpen && r.IntN(3) > 0 {
			d.ExpectedClose = start.Add(time.Duration(r.Int64N(int64(900 * 24 * time.Hour))))
		}
		out[i] = d
	}
	return out
}

// checkDealColumns fails unless the organisation's chunks account for its
// deals and decode to exactly the table of the stored records.
func checkDealColumns(t *testing.T, s *Store, orgID int64, what string) {
	t.Helper()
	ctx := context.Background()
	got, ok, err := s.dealChunks(ctx, orgID)
	if err != nil || !ok {
		t.Fatalf("%s: chunks usable %v, %v", what, ok, err)
	}
	deals, err := s.Deals(ctx, orgID, Range{})
	if err != nil {
		t.Fatal(err)
	}
	want := kpi.DealTableOf(deals)
	if got.Len() != want.Len() {
		t.Fatalf("%s: %d deals in the chunks, %d in the table", what, got.Len(), want.Len())
	}
	g := kpi.Inputs{DealTable: got}
	w := kpi.Inputs{DealTable: want}
	asOf := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	if !reflect.DeepEqual(kpi.AssessQuality(g, asOf), kpi.AssessQuality(w, asOf)) {
		t.Fatalf("%s: quality from the chunks differs", what)
	}
	for i := range want.Len() {
		if got.ID(i) != want.ID(i) || got.Amount(i) != want.Amount(i) || got.Created(i) != want.Created(i) || got.Closed(i) != want.Closed(i) ||
			got.ExpectedClose(i) != want.ExpectedClose(i) ||
			got.Open(i) != want.Open(i) || got.Won(i) != want.Won(i) {
			t.Fatalf("%s: deal %d differs", what, i)
		}
	}
}

func importDeals(t *testing.T, s *Store, orgID int64, file string, hash byte, deals []diagnostic.Deal, replace bool) ImportRecord {
	t.Helper()
	rec, err := s.Import(context.Background(), orgID, ImportRecord{FileName: file, SHA256: sha(hash), Kind: KindDeals, Replace: replace}, func(w *ImportWriter) error {
		for _, d := range deals {
			if err := w.AddDeal(d); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

// TestDealColumnsFollowEveryWrite: over random imports (two organisations
// interleaved, imports of more than one chunk), a replaced import, a
// deleted one, a snapshot saved as a new organisation and an engagement
// copied out and back in, the chunks always decode to the stored deals.
func TestDealColumnsFollowEveryWrite(t *testing.T) {
	ctx := context.Background()
	for seed := range uint64(6) {
		r := rand.New(rand.NewPCG(seed, 3))
		s := newTestStore(t)
		a, b := mustOrg(t, s, "A"), mustOrg(t, s, "B")
		n := 1 + r.IntN(300)
		if seed == 0 {
			n = dealChunk + 17 // two chunks
		}
		importDeals(t, s, a.ID, "a1.csv", 'a', storeDeals(r, n), false)
		importDeals(t, s, b.ID, "b1.csv", 'b', storeDeals(r, r.IntN(50)+1), false)
		second := importDeals(t, s, a.ID, "a2.csv", 'c', storeDeals(r, r.IntN(80)+1), false)
		checkDealColumns(t, s, a.ID, "two imports")
		checkDealColumns(t, s, b.ID, "other organisation")
		importDeals(t, s, a.ID, "a1.csv", 'a', storeDeals(r, r.IntN(80)+1), true)
		checkDealColumns(t, s, a.ID, "replaced import")
		if err := s.DeleteImport(ctx, a.ID, second.ID); err != nil {
			t.Fatal(err)
		}
		checkDealColumns(t, s, a.ID, "deleted import")

		snap := analysis.Snapshot{Profile: diagnostic.Profile{Name: "Snap", Industry: diagnostic.IndustrySaaS, Segment: diagnostic.SegmentSMB,
			Currency: "EUR", Language: "es"}, Deals: storeDeals(r, r.IntN(100)+1)}
		o, err := s.SaveSnapshot(ctx, snap, SaveOptions{})
		if err != nil {
			t.Fatal(err)
		}
		checkDealColumns(t, s, o.ID, "snapshot")

		file := filepath.Join(t.TempDir(), "a.revops")
		if err := s.ExportEngagement(ctx, a.ID, file, ExportOptions{AppVersion: "test"}); err != nil {
			t.Fatal(err)
		}
		c, err := s.ImportEngagement(ctx, file, ImportOptions{Rename: "A copy"})
		if err != nil {
			t.Fatal(err)
		}
		checkDealColumns(t, s, c.ID, "engagement copy")
		if err := s.DeleteOrg(ctx, a.ID); err != nil {
			t.Fatal(err)
		}
		var left int
		if err := s.r.QueryRow(`SELECT count(*) FROM deal_columns WHERE org_id = ?`, a.ID).Scan(&left); err != nil || left != 0 {
			t.Fatalf("chunks of a deleted organisation: %d, %v", left, err)
		}
	}
}

// TestDealColumnsFallBackToRecords: a deal written without its chunk (by
// hand here; a file from before migration 0005 is back-filled) makes the
// chunks unusable, and DealTable reads the deals table instead.
func TestDealColumnsFallBackToRecords(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t)
	a := mustOrg(t, s, "A")
	r := rand.New(rand.NewPCG(1, 1))
	importDeals(t, s, a.ID, "a.csv", 'a', storeDeals(r, 40), false)
	if _, err := s.w.Exec(`INSERT INTO deals(org_id, status, amount, external_id) VALUES (?, 'won', 5, 'HAND')`, a.ID); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.dealChunks(ctx, a.ID); ok || err != nil {
		t.Fatalf("chunks used although a deal has none (%v)", err)
	}
	got, err := s.DealTable(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Len() != 41 || got.ID(40) != "HAND" {
		t.Fatalf("fallback read %d deals", got.Len())
	}
	if _, err := s.w.Exec(`DELETE FROM deals WHERE external_id = 'HAND'`); err != nil {
		t.Fatal(err)
	}
	checkDealColumns(t, s, a.ID, "after removing the hand-written deal")
	if _, err := s.w.Exec(`INSERT INTO deals(id, org_id, status, amount) VALUES (1000000, ?, 'won', 5)`, a.ID); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.dealChunks(ctx, a.ID); ok {
		t.Fatal("chunks used although the last deal has none")
	}
}

// TestMigration5BackfillsDealColumns: deals stored before migration 0005
// get their chunks when the file is upgraded.
func TestMigration5BackfillsDealColumns(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v4.db")
	onlyMigrationsUpTo(t, 4)
	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	o := mustOrg(t, s, "Acme")
	r := rand.New(rand.NewPCG(5, 5))
	// Written with the schema-4 columns, as that version's import did (the
	// import of today writes columns added since).
	imp, err := s.w.Exec(`INSERT INTO imports(org_id, file_name, sha256, kind, at, as_of, match_key) VALUES (?, 'a.csv', 'a', 'deals', ?, '2026-01-31', 'record_id')`,
		o.ID, ts(time.Now()))
	if err != nil {
		t.Fatal(err)
	}
	impID, _ := imp.LastInsertId()
	for _, d := range storeDeals(r, 120) {
		if _, err := s.w.Exec(`INSERT INTO deals(org_id, import_id, external_id, name, stage, status, amount, currency, created, closed, expected_close)
			VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?)`, o.ID, impID, d.ExternalID, d.Name, d.Stage, dealStatus[d.Status], d.Amount,
			nullTS(d.Created), nullTS(d.Closed), nullTS(d.ExpectedClose)); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	migrationSource = migrationFS
	s, err = Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	checkDealColumns(t, s, o.ID, "after migration")
}

// TestDealTableTakesEachSnapshotDealOnce: with two dated snapshots the
// chunks hold both exports' copy of a deal; DealTable must still give each
// deal once, as the latest snapshot has it, with its expected close date,
// exactly as Deals does.
func TestDealTableTakesEachSnapshotDealOnce(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t)
	o := mustOrg(t, s, "Acme")
	created := snapDay("2026-01-05")
	importSnapshot(t, s, o.ID, "2026-01-31", 'a',
		diagnostic.Deal{ExternalID: "1", Status: diagnostic.DealOpen, Amount: 100, Created: created, ExpectedClose: snapDay("2026-02-20")},
		diagnostic.Deal{ExternalID: "2", Status: diagnostic.DealOpen, Amount: 200, Created: created, ExpectedClose: snapDay("2026-03-20")})
	one, err := s.DealTable(ctx, o.ID)
	if err != nil || one.Len() != 2 || !one.ExpectedClose(1).Equal(kpi.DealTableOf([]diagnostic.Deal{{ExpectedClose: snapDay("2026-03-20")}}).ExpectedClose(0)) {
		t.Fatalf("one snapshot: %d deals, %v", one.Len(), err)
	}
	importSnapshot(t, s, o.ID, "2026-02-28", 'b',
		diagnostic.Deal{ExternalID: "1", Status: diagnostic.DealWon, Amount: 120, Created: created, Closed: snapDay("2026-02-25")},
		diagnostic.Deal{ExternalID: "2", Status: diagnostic.DealOpen, Amount: 200, Created: created, ExpectedClose: snapDay("2026-04-30")})
	got, err := s.DealTable(ctx, o.ID)
	if err != nil {
		t.Fatal(err)
	}
	deals, err := s.Deals(ctx, o.ID, Range{})
	if err != nil {
		t.Fatal(err)
	}
	want := kpi.DealTableOf(deals)
	if got.Len() != 2 || !reflect.DeepEqual(got, want) {
		t.Fatalf("two snapshots: the table holds %d deals, want each of the 2 once (%+v)", got.Len(), deals)
	}
}

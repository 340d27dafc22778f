package store

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"strings"
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

// checkDealChunks fails unless the organisation's chunk columns decode to
// exactly the table of its stored records, and its records are want
// (when want is not nil).
func checkDealChunks(t *testing.T, s *Store, orgID int64, what string, want []diagnostic.Deal) {
	t.Helper()
	ctx := context.Background()
	got, err := s.DealTable(ctx, orgID)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	deals, err := s.Deals(ctx, orgID, Range{})
	if err != nil {
		t.Fatal(err)
	}
	if want != nil && !sameDeals(deals, want) {
		t.Fatalf("%s: the stored deals differ from those written (%d stored, %d written)", what, len(deals), len(want))
	}
	if !reflect.DeepEqual(got, kpi.DealTableOf(deals)) {
		t.Fatalf("%s: the table from the chunks differs from the table of the records", what)
	}
}

// sameDeals compares deal lists field by field, dates as instants (the
// store gives them back in UTC).
func sameDeals(a, b []diagnostic.Deal) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if !x.Created.Equal(y.Created) || !x.Closed.Equal(y.Closed) || !x.ExpectedClose.Equal(y.ExpectedClose) {
			return false
		}
		x.Created, x.Closed, x.ExpectedClose = time.Time{}, time.Time{}, time.Time{}
		y.Created, y.Closed, y.ExpectedClose = time.Time{}, time.Time{}, time.Time{}
		if x != y && !(x.Amount != x.Amount && y.Amount != y.Amount) {
			return false
		}
	}
	return true
}

// importDeals imports deals as file (its SHA-256 made of hash), dated
// the day of the import.
func importDeals(t *testing.T, s *Store, orgID int64, file string, hash byte, deals []diagnostic.Deal, replace bool) ImportRecord {
	t.Helper()
	return importRecord(t, s, orgID, ImportRecord{FileName: file, SHA256: sha(hash), Kind: KindDeals, Replace: replace}, deals)
}

// importRecord runs the deals import rec with deals, failing the test on
// any error.
func importRecord(t *testing.T, s *Store, orgID int64, rec ImportRecord, deals []diagnostic.Deal) ImportRecord {
	t.Helper()
	rec, err := s.Import(context.Background(), orgID, rec, func(w *ImportWriter) error {
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

// TestDealChunksFollowEveryWrite: over random imports (two organisations
// interleaved, imports of more than one chunk), a replaced import, a
// deleted one, a snapshot saved as a new organisation and an engagement
// copied out and back in, the chunks always decode to the deals written,
// and their columns to the table of those deals.
func TestDealChunksFollowEveryWrite(t *testing.T) {
	ctx := context.Background()
	for seed := range uint64(6) {
		r := rand.New(rand.NewPCG(seed, 3))
		s := newTestStore(t)
		a, b := mustOrg(t, s, "A"), mustOrg(t, s, "B")
		n := 1 + r.IntN(300)
		if seed == 0 {
			n = dealChunk + 17 // two chunks
		}
		a1, b1, a2 := storeDeals(r, n), storeDeals(r, r.IntN(50)+1), storeDeals(r, r.IntN(80)+1)
		importDeals(t, s, a.ID, "a1.csv", 'a', a1, false)
		importDeals(t, s, b.ID, "b1.csv", 'b', b1, false)
		second := importDeals(t, s, a.ID, "a2.csv", 'c', a2, false)
		checkDealChunks(t, s, a.ID, "two imports", nil)
		checkDealChunks(t, s, b.ID, "other organisation", b1)
		a3 := storeDeals(r, r.IntN(80)+1)
		importDeals(t, s, a.ID, "a1.csv", 'a', a3, true)
		checkDealChunks(t, s, a.ID, "replaced import", nil)
		if err := s.DeleteImport(ctx, a.ID, second.ID); err != nil {
			t.Fatal(err)
		}
		// (a3 took the id of the import it replaced, so this deletes it)
		checkDealChunks(t, s, a.ID, "deleted import", nil)
		a4 := storeDeals(r, r.IntN(80)+1)
		importDeals(t, s, a.ID, "a4.csv", 'd', a4, false)
		checkDealChunks(t, s, a.ID, "import after a delete", a4)

		snap := analysis.Snapshot{Profile: diagnostic.Profile{Name: "Snap", Industry: diagnostic.IndustrySaaS, Segment: diagnostic.SegmentSMB,
			Currency: "EUR", Language: "es"}, Deals: storeDeals(r, r.IntN(100)+1)}
		o, err := s.SaveSnapshot(ctx, snap, SaveOptions{})
		if err != nil {
			t.Fatal(err)
		}
		checkDealChunks(t, s, o.ID, "snapshot", snap.Deals)

		file := filepath.Join(t.TempDir(), "a.revops")
		if err := s.ExportEngagement(ctx, a.ID, file, ExportOptions{AppVersion: "test"}); err != nil {
			t.Fatal(err)
		}
		c, err := s.ImportEngagement(ctx, file, ImportOptions{Rename: "A copy"})
		if err != nil {
			t.Fatal(err)
		}
		checkDealChunks(t, s, c.ID, "engagement copy", a4)
		if err := s.DeleteOrg(ctx, a.ID); err != nil {
			t.Fatal(err)
		}
		var left int
		if err := s.r.QueryRow(`SELECT count(*) FROM deal_chunks WHERE org_id = ?`, a.ID).Scan(&left); err != nil || left != 0 {
			t.Fatalf("chunks of a deleted organisation: %d, %v", left, err)
		}
	}
}

// TestOldDealsSurviveMigrations: deals stored in the deals table before
// migration 0009 (a file at schema 4, with two organisations whose deals
// interleave, and a deal outside any import) are moved into chunks when
// the file is upgraded, each organisation's deals exactly as stored and in
// the same order, and the old tables are gone.
func TestOldDealsSurviveMigrations(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v4.db")
	onlyMigrationsUpTo(t, 4)
	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	orgs := []Org{mustOrg(t, s, "Acme"), mustOrg(t, s, "Beta")}
	r := rand.New(rand.NewPCG(5, 5))
	var imports []int64
	for i, o := range orgs {
		// Written with the schema-4 columns, as that version's import did.
		imp, err := s.w.Exec(`INSERT INTO imports(org_id, file_name, sha256, kind, at, as_of, match_key) VALUES (?, 'a.csv', ?, 'deals', ?, '2026-01-31', 'record_id')`,
			o.ID, sha(byte('a'+i)), ts(time.Now()))
		if err != nil {
			t.Fatal(err)
		}
		id, _ := imp.LastInsertId()
		imports = append(imports, id)
	}
	want := map[int64][]diagnostic.Deal{}
	inImport := 0 // Beta's deals of its import
	for k, d := range storeDeals(r, 300) {
		k %= 7
		o := orgs[min(k, 1)]
		var imp any = imports[min(k, 1)]
		switch {
		case k == 6:
			imp = nil // a deal of no import (as the demo's once were)
		case k > 0:
			inImport++
		}
		d.Owner, d.Source, d.Pipeline, d.Currency = fmt.Sprint("Owner ", k), "Web", "Main ñ", "EUR"
		if _, err := s.w.Exec(`INSERT INTO deals(org_id, import_id, external_id, name, stage, status, amount, currency, created, closed, owner, source, pipeline, expected_close)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, o.ID, imp, d.ExternalID, d.Name, d.Stage, string(d.Status), d.Amount, d.Currency,
			nullTS(d.Created), nullTS(d.Closed), d.Owner, d.Source, d.Pipeline, nullTS(d.ExpectedClose)); err != nil {
			t.Fatal(err)
		}
		want[o.ID] = append(want[o.ID], d)
	}
	s.Close()
	migrationSource = migrationFS
	s, err = Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, o := range orgs {
		checkDealChunks(t, s, o.ID, "after migration", want[o.ID])
	}
	var left int
	if err := s.r.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE name IN ('deals', 'deal_columns')`).Scan(&left); err != nil || left != 0 {
		t.Fatalf("old deal tables left: %d, %v", left, err)
	}
	// A new import after the migration continues the ids, in a second
	// snapshot of its own.
	more := storeDeals(r, 5)
	rec := importDeals(t, s, orgs[1].ID, "b2.csv", 'e', more, false)
	got, err := s.SnapshotDeals(ctx, orgs[1].ID, rec.ID)
	if err != nil || !sameDeals(got, more) {
		t.Fatalf("the snapshot imported after the migration: %d deals, %v", len(got), err)
	}
	if got, err = s.SnapshotDeals(ctx, orgs[1].ID, imports[1]); err != nil || len(got) != inImport {
		t.Fatalf("the migrated snapshot: %d deals, %v", len(got), err)
	}
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

// TestDamagedChunkSaysWhere: a chunk whose bytes were changed on disk (a
// disk error SQLite's page checks do not see) makes reading the deals fail
// with an error naming the file, the organisation, the deals and their
// import, never wrong deals.
func TestDamagedChunkSaysWhere(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t)
	o := mustOrg(t, s, "Acme")
	rec := importDeals(t, s, o.ID, "a.csv", 'a', storeDeals(rand.New(rand.NewPCG(2, 2)), 50), false)
	for _, col := range []string{"records", "cols"} {
		if _, err := s.w.ExecContext(ctx, `UPDATE deal_chunks SET `+col+` = substr(`+col+`, 1, length(`+col+`) / 2) WHERE org_id = ?`, o.ID); err != nil {
			t.Fatal(err)
		}
	}
	_, err1 := s.Deals(ctx, o.ID, Range{})
	_, err2 := s.DealTable(ctx, o.ID)
	for _, err := range []error{err1, err2} {
		if !errors.Is(err, diagnostic.ErrInvalid) || !strings.Contains(err.Error(), s.path) ||
			!strings.Contains(err.Error(), fmt.Sprintf("organisation %d, its deals", o.ID)) || !strings.Contains(err.Error(), fmt.Sprintf("(import %d)", rec.ID)) {
			t.Errorf("damaged chunk: %v", err)
		}
	}
}

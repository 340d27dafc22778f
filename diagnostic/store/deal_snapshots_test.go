package store

import (
	"context"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

func snapDay(s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}

// importSnapshot writes deals as one dated deals import.
func importSnapshot(t *testing.T, s *Store, orgID int64, asOf string, hash byte, deals ...diagnostic.Deal) ImportRecord {
	t.Helper()
	return importRecord(t, s, orgID, ImportRecord{FileName: "deals " + asOf + ".csv", SHA256: sha(hash), Kind: KindDeals, AsOf: snapDay(asOf)}, deals)
}

// TestSnapshotsKeepEachExport: two dated exports stay apart, each deal
// counts once for the KPIs (as the latest snapshot has it, a deal only in
// the older one kept as history), a second export of one day replaces the
// first, and a snapshot can be deleted.
func TestSnapshotsKeepEachExport(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t)
	o := mustOrg(t, s, "Acme")
	created := snapDay("2026-01-05")
	first := importSnapshot(t, s, o.ID, "2026-01-31", 'a',
		diagnostic.Deal{ExternalID: "1", Status: diagnostic.DealOpen, Amount: 100, Created: created, ExpectedClose: snapDay("2026-02-20")},
		diagnostic.Deal{ExternalID: "2", Status: diagnostic.DealWon, Amount: 200, Created: created, Closed: snapDay("2026-01-20")})
	if first.MatchKey != diagnostic.MatchRecordID || !first.AsOf.Equal(snapDay("2026-01-31")) || first.Replaced != 0 {
		t.Fatalf("first snapshot %+v", first)
	}
	importSnapshot(t, s, o.ID, "2026-02-28", 'b',
		diagnostic.Deal{ExternalID: "1", Status: diagnostic.DealWon, Amount: 120, Created: created, Closed: snapDay("2026-02-25")},
		diagnostic.Deal{ExternalID: "3", Status: diagnostic.DealOpen, Amount: 50, Created: snapDay("2026-02-10"), ExpectedClose: snapDay("2026-03-31")})

	list, err := s.Snapshots(ctx, o.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].Deals != 2 || list[0].Open != 1 || list[0].OpenAmount != 100 || list[1].OpenAmount != 50 || !list[1].AsOf.Equal(snapDay("2026-02-28")) {
		t.Fatalf("snapshots %+v", list)
	}
	old, err := s.SnapshotDeals(ctx, o.ID, list[0].ImportID)
	if err != nil || len(old) != 2 || !old[0].ExpectedClose.Equal(snapDay("2026-02-20")) {
		t.Fatalf("first snapshot's deals %+v, %v", old, err)
	}
	deals, err := s.Deals(ctx, o.ID, Range{})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]diagnostic.Deal{}
	for _, d := range deals {
		byID[d.ExternalID] = d
	}
	if len(deals) != 3 || byID["1"].Status != diagnostic.DealWon || byID["1"].Amount != 120 || byID["2"].Amount != 200 {
		t.Fatalf("merged deals %+v", deals)
	}
	feb, _ := s.Deals(ctx, o.ID, Range{From: month("2026-02"), To: month("2026-02")})
	if len(feb) != 2 { // deal 1 closed and deal 3 created in February
		t.Errorf("February's deals %+v", feb)
	}
	dates, err := s.SnapshotDates(ctx, o.ID)
	if err != nil || len(dates) != len(list) {
		t.Fatalf("snapshot dates %+v, %v; snapshots %+v", dates, err, list)
	}
	for i, d := range dates {
		want := list[i]
		want.Deals, want.Open, want.OpenAmount = 0, 0, 0
		if d != want {
			t.Errorf("snapshot date %d: %+v, want %+v without its counts", i, d, want)
		}
	}
	on, err := s.SnapshotOn(ctx, o.ID, snapDay("2026-02-15"))
	if err != nil || on.ImportID != list[0].ImportID {
		t.Errorf("snapshot on 15 February: %+v, %v", on, err)
	}

	again := importSnapshot(t, s, o.ID, "2026-02-28", 'c', diagnostic.Deal{ExternalID: "3", Status: diagnostic.DealOpen, Amount: 70, Created: snapDay("2026-02-10")})
	if again.Replaced != list[1].ImportID {
		t.Errorf("same-day export replaced %d, want %d", again.Replaced, list[1].ImportID)
	}
	if list, _ = s.Snapshots(ctx, o.ID); len(list) != 2 || list[1].OpenAmount != 70 {
		t.Errorf("after replacing: %+v", list)
	}
	if err := s.DeleteSnapshot(ctx, o.ID, snapDay("2026-01-31")); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSnapshot(ctx, o.ID, snapDay("2026-01-31")); !errors.Is(err, diagnostic.ErrNotFound) {
		t.Errorf("deleting it twice: %v", err)
	}
	if deals, _ = s.Deals(ctx, o.ID, Range{}); len(deals) != 1 || deals[0].Amount != 70 {
		t.Errorf("after deleting the first: %+v", deals)
	}
}

// TestMigration4MakesSnapshots: a deals import made before version 4
// becomes a snapshot dated the day it was imported, matched by record id
// when its deals have one.
func TestMigration4MakesSnapshots(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v3.db")
	onlyMigrationsUpTo(t, 3)
	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	o := mustOrg(t, s, "Acme")
	for i, q := range []string{
		`INSERT INTO imports(org_id, file_name, sha256, kind, at) VALUES (?1, 'a.csv', 'x1', 'deals', '2025-02-01T10:00:00.000000000Z')`,
		`INSERT INTO imports(org_id, file_name, sha256, kind, at) VALUES (?1, 'b.csv', 'x2', 'deals', '2025-03-01T10:00:00.000000000Z')`,
		`INSERT INTO imports(org_id, file_name, sha256, kind, at) VALUES (?1, 'c.csv', 'x3', 'leads', '2025-03-01T10:00:00.000000000Z')`,
		`INSERT INTO deals(org_id, import_id, external_id, status, amount) VALUES (?1, 1, '18', 'open', 5)`,
		`INSERT INTO deals(org_id, import_id, external_id, status, amount) VALUES (?1, 2, 'row-2', 'open', 5)`,
	} {
		if _, err := s.w.ExecContext(ctx, q, o.ID); err != nil {
			t.Fatal(i, err)
		}
	}
	s.Close()
	migrationSource = migrationFS
	if s, err = Open(ctx, path, Options{}); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	list, err := s.Snapshots(ctx, o.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || !list[0].AsOf.Equal(snapDay("2025-02-01")) || list[0].MatchKey != diagnostic.MatchRecordID ||
		list[1].MatchKey != diagnostic.MatchNameCreated || list[1].Open != 1 {
		t.Errorf("snapshots after migrating: %+v", list)
	}
}

// TestDealForecastCategoryKept: a deal's forecast category is stored and
// read back by both Deals and SnapshotDeals, and "" stays "".
func TestDealForecastCategoryKept(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t)
	o := mustOrg(t, s, "Acme")
	rec := importSnapshot(t, s, o.ID, "2026-01-31", 'a',
		diagnostic.Deal{ExternalID: "1", Status: diagnostic.DealOpen, Amount: 100, ExpectedClose: snapDay("2026-02-20"), ForecastCategory: "Best case"},
		diagnostic.Deal{ExternalID: "2", Status: diagnostic.DealOpen, Amount: 200, ExpectedClose: snapDay("2026-03-20")})
	deals, err := s.Deals(ctx, o.ID, Range{})
	if err != nil || len(deals) != 2 || deals[0].ForecastCategory != "Best case" || deals[1].ForecastCategory != "" {
		t.Fatalf("deals %+v, %v", deals, err)
	}
	snap, err := s.SnapshotDeals(ctx, o.ID, rec.ID)
	if err != nil || len(snap) != 2 || snap[0].ForecastCategory != "Best case" {
		t.Fatalf("snapshot deals %+v, %v", snap, err)
	}
}

// TestSnapshotOpenAmountToTheCent: a snapshot's open pipeline adds many
// amounts in cents without the float drift of a plain sum (SQLite's sum()
// compensates too; the total stays what the deals table gave).
func TestSnapshotOpenAmountToTheCent(t *testing.T) {
	s := newTestStore(t)
	o := mustOrg(t, s, "Acme")
	var deals []diagnostic.Deal
	for i := range 20000 {
		deals = append(deals, diagnostic.Deal{ExternalID: fmt.Sprint(i), Status: diagnostic.DealOpen, Amount: 1234567.89 + float64(i%7)/100})
	}
	importDeals(t, s, o.ID, "a.csv", 'a', deals, false)
	list, err := s.Snapshots(context.Background(), o.ID)
	if err != nil || len(list) != 1 {
		t.Fatal(list, err)
	}
	want := 0.0 // exact: integers of cents
	for i := range 20000 {
		want += float64(123456789 + i%7)
	}
	if got := list[0].OpenAmount; math.Round(got*100) != want || math.Abs(got*100-want) > 1e-3 {
		t.Fatalf("open amount %.6f, want %.2f", got, want/100)
	}
}

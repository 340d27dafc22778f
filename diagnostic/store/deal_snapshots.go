package store

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"sort"
	"strconv"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
)

// Snapshot is one dated deals export: the pipeline as it stood on AsOf.
type Snapshot struct {
	ImportID   int64     `json:"import_id"`
	AsOf       time.Time `json:"as_of"`
	FileName   string    `json:"file_name"`
	MatchKey   string    `json:"match_key"`
	Deals      int       `json:"deals"`
	Open       int       `json:"open"`
	OpenAmount float64   `json:"open_amount"`
	Imported   time.Time `json:"imported"`
}

// day is the stored form of a snapshot date.
const day = "2006-01-02"

// parseDay reads a stored snapshot date; "" is the zero time.
func parseDay(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(day, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored snapshot date %q: %w", s, err)
	}
	return t, nil
}

// replaceSameDay is Import's snapshot step: for a deals import it settles
// the snapshot date (rec.AsOf, else the day of rec.At) and deletes an
// earlier snapshot of the organisation on that same day (a second export
// of one day replaces the first: re-importing today replaces today's deals
// list), noting its id in rec.Replaced. It returns the date to store, or
// nil for other kinds.
func (s *Store) replaceSameDay(ctx context.Context, tx *sql.Tx, orgID int64, rec *ImportRecord) (any, error) {
	if rec.Kind != KindDeals {
		return nil, nil
	}
	if rec.AsOf.IsZero() {
		rec.AsOf = rec.At
	}
	rec.AsOf = time.Date(rec.AsOf.Year(), rec.AsOf.Month(), rec.AsOf.Day(), 0, 0, 0, 0, time.UTC)
	if rec.MatchKey == "" {
		rec.MatchKey = diagnostic.MatchRecordID
	}
	asOf := rec.AsOf.Format(day)
	var old int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM imports WHERE org_id = ? AND kind = 'deals' AND as_of = ? ORDER BY id DESC LIMIT 1`, orgID, asOf).Scan(&old)
	switch {
	case err == sql.ErrNoRows:
	case err != nil:
		return nil, err
	default:
		if err := deleteImportRows(ctx, tx, old); err != nil {
			return nil, err
		}
		rec.Replaced = old
	}
	return asOf, nil
}

// Snapshots lists the organisation's deals snapshots, oldest first, with
// their deal counts and open pipeline (each count reads every deal of its
// snapshot: about a second for a million; SnapshotDates lists them
// without).
func (s *Store) Snapshots(ctx context.Context, orgID int64) ([]Snapshot, error) {
	return s.snapshots(ctx, orgID, true)
}

// SnapshotDates lists the organisation's deals snapshots, oldest first,
// without their counts (Deals, Open and OpenAmount are zero): what the
// analysis and the report need to find the last two, read from the
// imports alone.
func (s *Store) SnapshotDates(ctx context.Context, orgID int64) ([]Snapshot, error) {
	return s.snapshots(ctx, orgID, false)
}

func (s *Store) snapshots(ctx context.Context, orgID int64, counts bool) ([]Snapshot, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT i.id, i.as_of, i.file_name, i.match_key, i.at
		FROM imports i WHERE i.org_id = ? AND i.as_of IS NOT NULL ORDER BY i.as_of, i.id`, orgID)
	if err != nil {
		return nil, classify("reading snapshots", err)
	}
	defer rows.Close()
	var list []Snapshot
	for rows.Next() {
		var sn Snapshot
		var asOf, at string
		if err := rows.Scan(&sn.ImportID, &asOf, &sn.FileName, &sn.MatchKey, &at); err != nil {
			return nil, classify("reading snapshots", err)
		}
		if sn.AsOf, err = parseDay(asOf); err != nil {
			return nil, err
		}
		if sn.Imported, err = parseTS(at); err != nil {
			return nil, err
		}
		list = append(list, sn)
	}
	if err := rows.Err(); err != nil {
		return nil, classify("reading snapshots", err)
	}
	rows.Close()
	if counts {
		for i := range list {
			if err := s.countSnapshot(ctx, orgID, &list[i]); err != nil {
				return nil, err
			}
		}
	}
	return list, nil
}

// countSnapshot fills in a snapshot's deal counts and open pipeline from
// its chunks' columns, summing the amounts in the snapshot's order.
func (s *Store) countSnapshot(ctx context.Context, orgID int64, sn *Snapshot) error {
	n, text, err := s.dealCount(ctx, orgID, sn.ImportID)
	if err != nil {
		return err
	}
	t := &kpi.DealTable{}
	t.Reserve(int(n), int(text))
	err = s.eachChunk(ctx, orgID, sn.ImportID, "cols", func(c chunkRow) error {
		return t.AppendEncoded(c.data, c.n)
	})
	if err != nil {
		return fmt.Errorf("counting the deals of snapshot %d: %w", sn.ImportID, err)
	}
	sn.Deals = t.Len()
	var sum, carry float64
	for i := range t.Len() {
		if t.Open(i) {
			sn.Open++
			sum, carry = addCompensated(sum, carry, t.Amount(i))
		}
	}
	sn.OpenAmount = sum + carry
	return nil
}

// addCompensated adds v to the running sum with Neumaier's compensation
// (carry holds the low-order bits lost so far; the total is sum + carry),
// as SQLite's sum() does: a million amounts in cents add up to the cent.
func addCompensated(sum, carry, v float64) (float64, float64) {
	t := sum + v
	if math.Abs(sum) >= math.Abs(v) {
		carry += (sum - t) + v
	} else {
		carry += (v - t) + sum
	}
	return t, carry
}

// SnapshotOn returns the latest snapshot taken on or before date (the
// pipeline as known that day); ErrNotFound when there is none.
func (s *Store) SnapshotOn(ctx context.Context, orgID int64, date time.Time) (Snapshot, error) {
	list, err := s.Snapshots(ctx, orgID)
	if err != nil {
		return Snapshot{}, err
	}
	for i := len(list) - 1; i >= 0; i-- {
		if !list[i].AsOf.After(date) {
			return list[i], nil
		}
	}
	return Snapshot{}, fmt.Errorf("no deals snapshot on or before %s: %w", date.Format(day), diagnostic.ErrNotFound)
}

// SnapshotDeals returns the deals of one snapshot, in file order.
func (s *Store) SnapshotDeals(ctx context.Context, orgID, importID int64) ([]diagnostic.Deal, error) {
	if importID == 0 {
		return nil, nil
	}
	return s.chunkDeals(ctx, orgID, importID)
}

// DeleteSnapshot deletes the snapshot of one day (its import and deals);
// ErrNotFound when the organisation has none that day.
func (s *Store) DeleteSnapshot(ctx context.Context, orgID int64, date time.Time) error {
	return s.write(ctx, "deleting the snapshot of "+date.Format(day), func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM imports WHERE org_id = ? AND kind = 'deals' AND as_of = ?`, orgID, date.Format(day))
		if err != nil {
			return err
		}
		if err := mustAffect(res, "deals snapshot of %s", date.Format(day)); err != nil {
			return err
		}
		return s.touchOrg(ctx, tx, orgID)
	})
}

// snapshotCount is how many dated deals snapshots the organisation has.
func (s *Store) snapshotCount(ctx context.Context, orgID int64) (int, error) {
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM imports WHERE org_id = ? AND as_of IS NOT NULL`, orgID).Scan(&n)
	return n, classify("counting snapshots", err)
}

// mergedDeals is Deals when the organisation has two snapshots or more:
// the latest snapshot plus the history earlier ones add. Each deal
// (matched by its snapshot's match key) is taken from the latest snapshot
// holding it, so a deal won since the last export but dropped from the new
// one (an export filtered on open deals, say) still counts, once; deals
// outside any snapshot (the demo's, earlier records) are kept as they are.
// The range filter applies after merging, as in Deals.
func (s *Store) mergedDeals(ctx context.Context, orgID int64, r Range) ([]diagnostic.Deal, error) {
	type kept struct {
		d     diagnostic.Deal
		asOf  string
		imp   int64
		order int
	}
	byKey := map[string]*kept{}
	var loose []kept
	seen := map[string]int{} // key within one import → occurrences, for duplicates
	n := 0
	var buf []diagnostic.Deal
	err := s.eachChunk(ctx, orgID, 0, "records", func(c chunkRow) error {
		var err error
		if buf, err = decodeRecords(c.data, c.n, buf[:0]); err != nil {
			return err
		}
		for _, d := range buf {
			n++
			if c.asOf == "" {
				loose = append(loose, kept{d: d, order: n})
				continue
			}
			key := diagnostic.MatchKeyOf(d, c.matchKey)
			occ := strconv.FormatInt(c.importID, 10) + "\x00" + key
			seen[occ]++
			if k := seen[occ]; k > 1 {
				key += "#" + strconv.Itoa(k)
			}
			if k, ok := byKey[key]; !ok || c.asOf > k.asOf || (c.asOf == k.asOf && c.importID > k.imp) {
				byKey[key] = &kept{d: d, asOf: c.asOf, imp: c.importID, order: n}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	all := loose
	for _, k := range byKey {
		all = append(all, *k)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].order < all[j].order })
	lo, hi := r.bounds()
	whole := lo == "0000" && hi == "9999"
	list := make([]diagnostic.Deal, 0, len(all))
	for _, k := range all {
		if whole || inBounds(k.d.Created, lo, hi) || inBounds(k.d.Closed, lo, hi) {
			list = append(list, k.d)
		}
	}
	return list, nil
}

// inBounds says whether an instant's stored form lies in [lo, hi).
func inBounds(t time.Time, lo, hi string) bool {
	if t.IsZero() {
		return false
	}
	v := ts(t)
	return v >= lo && v < hi
}

package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
)

// dealChunk is how many deals one deal_columns row holds (about 3 MB).
const dealChunk = 65536

// dealColumns collects the encoded deals of one writer (an import, or a
// snapshot's records) into deal_columns chunks, in the writer's
// transaction (migration 0005, docs/STORE.md).
type dealColumns struct {
	base  int64 // id of the writer's first deal
	total int   // deals encoded so far
	first int64 // id of the current chunk's first deal
	n     int   // deals in the current chunk
	buf   []byte
	off   bool // the schema has no deal_columns yet
}

// addDealColumns encodes deal d for the chunks. The writer's deals get
// consecutive ids from one more than the table's largest (SQLite's rowid
// rule, inside the transaction's write lock); flushDealColumns checks it.
func (w *ImportWriter) addDealColumns(d *diagnostic.Deal) error {
	c := w.cols
	if c == nil {
		var last int64
		var has bool
		if err := w.tx.QueryRowContext(w.ctx, `SELECT coalesce(max(id), 0), EXISTS (SELECT 1 FROM sqlite_schema WHERE name = 'deal_columns') FROM deals`).
			Scan(&last, &has); err != nil {
			return classify("reading the last deal id", err)
		}
		// A file still at an older schema (tests build them) gets its
		// chunks when migration 0005 runs.
		c = &dealColumns{base: last + 1, first: last + 1, off: !has}
		w.cols = c
	}
	if c.off {
		return nil
	}
	c.buf = kpi.EncodeDeal(c.buf, d)
	c.n++
	c.total++
	if c.n == dealChunk {
		return w.writeDealChunk()
	}
	return nil
}

// writeDealChunk stores the current chunk.
func (w *ImportWriter) writeDealChunk() error {
	c := w.cols
	if c == nil || c.off || c.n == 0 {
		return nil
	}
	var imp any
	if w.importID != 0 {
		imp = w.importID
	}
	if _, err := w.tx.ExecContext(w.ctx, `INSERT INTO deal_columns(org_id, import_id, first_id, n, data) VALUES (?, ?, ?, ?, ?)`,
		w.orgID, imp, c.first, c.n, c.buf); err != nil {
		return classify("writing deal columns", err)
	}
	c.first += int64(c.n)
	c.n, c.buf = 0, c.buf[:0]
	return nil
}

// flushDealColumns stores the last chunk once every deal row is written,
// and checks that the deals got the ids the chunks say.
func (w *ImportWriter) flushDealColumns() error {
	c := w.cols
	if c == nil || c.off {
		return nil
	}
	if err := w.writeDealChunk(); err != nil {
		return err
	}
	var last int64
	if err := w.tx.QueryRowContext(w.ctx, `SELECT coalesce(max(id), 0) FROM deals`).Scan(&last); err != nil {
		return classify("reading the last deal id", err)
	}
	if want := c.base + int64(c.total) - 1; last != want {
		return fmt.Errorf("deal columns: the deals were given ids up to %d, expected %d", last, want)
	}
	return nil
}

// DealTable returns an organisation's deals in id order as a
// kpi.DealTable: from its deal_columns chunks when they account for every
// deal, else from the deals table itself. Either way it equals
// kpi.DealTableOf of Deals(ctx, orgID, Range{}). With two dated deals
// snapshots or more the chunks hold every snapshot's copy of a deal, so
// the table is built from Deals, which takes each deal once (mergedDeals).
func (s *Store) DealTable(ctx context.Context, orgID int64) (*kpi.DealTable, error) {
	n, err := s.snapshotCount(ctx, orgID)
	if err != nil {
		return nil, err
	}
	if n <= 1 {
		t, ok, err := s.dealChunks(ctx, orgID)
		if err != nil || ok {
			return t, err
		}
	}
	deals, err := s.Deals(ctx, orgID, Range{})
	if err != nil {
		return nil, err
	}
	return kpi.DealTableOf(deals), nil
}

// chunkSpan is the ids one chunk covers: first to first+n−1, all of them
// the organisation's deals (one writer's consecutive rows, and deals are
// only ever deleted a whole import or organisation at a time, chunks
// with them).
type chunkSpan struct{ first, n int64 }

// dealChunks decodes the organisation's chunks; ok is false when they do
// not account for exactly its deals: the chunks must start at its first
// deal, end at its last, and no deal of it may lie between two chunks
// (each check a look-up in the deals_org index, not a count of a million
// rows).
func (s *Store) dealChunks(ctx context.Context, orgID int64) (*kpi.DealTable, bool, error) {
	// Two queries: SQLite answers a lone min() or max() from the index's
	// end, but scans every row for both in one query.
	var minID, maxID sql.NullInt64
	if err := s.r.QueryRowContext(ctx, `SELECT min(id) FROM deals WHERE org_id = ?`, orgID).Scan(&minID); err != nil {
		return nil, false, classify("reading deals", err)
	}
	if err := s.r.QueryRowContext(ctx, `SELECT max(id) FROM deals WHERE org_id = ?`, orgID).Scan(&maxID); err != nil {
		return nil, false, classify("reading deals", err)
	}
	spans, size, err := s.chunkSpans(ctx, orgID)
	if err != nil {
		return nil, false, err
	}
	if !minID.Valid {
		return &kpi.DealTable{}, len(spans) == 0, nil
	}
	if len(spans) == 0 || spans[0].first != minID.Int64 || spans[len(spans)-1].first+spans[len(spans)-1].n-1 != maxID.Int64 {
		return nil, false, nil
	}
	total := int64(0)
	for k, sp := range spans {
		total += sp.n
		if k == 0 || spans[k-1].first+spans[k-1].n == sp.first {
			continue
		}
		var inGap int
		if err := s.r.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM deals WHERE org_id = ? AND id >= ? AND id < ?)`,
			orgID, spans[k-1].first+spans[k-1].n, sp.first).Scan(&inGap); err != nil {
			return nil, false, classify("reading deals", err)
		}
		if inGap != 0 || spans[k-1].first+spans[k-1].n > sp.first {
			return nil, false, nil
		}
	}
	t := &kpi.DealTable{}
	t.Reserve(int(total), int(max(size-14*total, 0))) // a deal takes at least 14 bytes besides its text
	rows, err := s.r.QueryContext(ctx, `SELECT n, data FROM deal_columns WHERE org_id = ? ORDER BY first_id`, orgID)
	if err != nil {
		return nil, false, classify("reading deal columns", err)
	}
	defer rows.Close()
	for rows.Next() {
		var n int
		var data sql.RawBytes // decoded before the next row: no copy
		if err := rows.Scan(&n, &data); err != nil {
			return nil, false, classify("reading deal columns", err)
		}
		if err := t.AppendEncoded(data, n); err != nil {
			return nil, false, fmt.Errorf("organisation %d: %w", orgID, err)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, false, classify("reading deal columns", err)
	}
	return t, true, nil
}

// chunkSpans lists the organisation's chunks in id order, with an upper
// bound of their text bytes (the whole encoded size).
func (s *Store) chunkSpans(ctx context.Context, orgID int64) ([]chunkSpan, int64, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT first_id, n, length(data) FROM deal_columns WHERE org_id = ? ORDER BY first_id`, orgID)
	if err != nil {
		return nil, 0, classify("reading deal columns", err)
	}
	defer rows.Close()
	var spans []chunkSpan
	var size int64
	for rows.Next() {
		var sp chunkSpan
		var n int64
		if err := rows.Scan(&sp.first, &sp.n, &n); err != nil {
			return nil, 0, classify("reading deal columns", err)
		}
		spans = append(spans, sp)
		size += n
	}
	return spans, size, classify("reading deal columns", rows.Err())
}

// rebuildDealColumns writes an organisation's chunks again from its deals
// table (after an engagement copy, and once for every organisation when
// migration 0005 adds the table): a chunk per run of consecutive ids of
// one import, at most dealChunk deals.
func rebuildDealColumns(ctx context.Context, tx *sql.Tx, orgID int64) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM deal_columns WHERE org_id = ?`, orgID); err != nil {
		return fmt.Errorf("deal columns of organisation %d: %w", orgID, err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, import_id, status, amount, created, closed, expected_close, external_id, name
		FROM deals WHERE org_id = ? ORDER BY id`, orgID)
	if err != nil {
		return fmt.Errorf("deal columns of organisation %d: %w", orgID, err)
	}
	type chunk struct {
		imp   sql.NullInt64
		first int64
		n     int
		data  []byte
	}
	var chunks []chunk
	var cur *chunk
	for rows.Next() {
		var id int64
		var imp sql.NullInt64
		var d diagnostic.Deal
		var created, closed, expected sql.NullString
		if err := rows.Scan(&id, &imp, &d.Status, &d.Amount, &created, &closed, &expected, &d.ExternalID, &d.Name); err != nil {
			rows.Close()
			return fmt.Errorf("deal columns of organisation %d: %w", orgID, err)
		}
		if d.Created, err = parseNullTS(created); err == nil {
			d.Closed, err = parseNullTS(closed)
		}
		if err == nil {
			d.ExpectedClose, err = parseNullTS(expected)
		}
		if err != nil {
			rows.Close()
			return err
		}
		if cur == nil || cur.imp != imp || cur.first+int64(cur.n) != id || cur.n == dealChunk {
			chunks = append(chunks, chunk{imp: imp, first: id})
			cur = &chunks[len(chunks)-1]
		}
		cur.data = kpi.EncodeDeal(cur.data, &d)
		cur.n++
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("deal columns of organisation %d: %w", orgID, err)
	}
	for _, c := range chunks {
		if _, err := tx.ExecContext(ctx, `INSERT INTO deal_columns(org_id, import_id, first_id, n, data) VALUES (?, ?, ?, ?, ?)`,
			orgID, c.imp, c.first, c.n, c.data); err != nil {
			return fmt.Errorf("deal columns of organisation %d: %w", orgID, err)
		}
	}
	return nil
}

// backfillDealColumns builds the chunks of every organisation with deals,
// in migration 0005's transaction.
func backfillDealColumns(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT org_id FROM deals`)
	if err != nil {
		return err
	}
	var orgs []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		orgs = append(orgs, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, o := range orgs {
		if err := rebuildDealColumns(ctx, tx, o); err != nil {
			return err
		}
	}
	return nil
}

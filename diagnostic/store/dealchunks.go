package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
)

// dealChunk is how many deals one deal_chunks row holds (about 3 MB of
// records and 2 MB of columns).
const dealChunk = 65536

// chunkWriter collects deals into deal_chunks rows (migration 0009,
// docs/STORE.md): an import's or a saved snapshot's, and migration 0009's
// copy of the old deals table.
type chunkWriter struct {
	first int64 // id of the current chunk's first deal
	n     int   // deals in the current chunk
	text  int   // bytes of text in cols
	cols  []byte
	recs  recEncoder
}

// newChunkWriter starts a chunk whose first deal has id first.
func newChunkWriter(first int64) *chunkWriter {
	c := &chunkWriter{first: first}
	c.recs.reset()
	return c
}

// add encodes deal d into the current chunk, in both forms.
func (c *chunkWriter) add(d *diagnostic.Deal) error {
	if err := c.recs.add(d); err != nil {
		return err
	}
	c.cols = kpi.EncodeDeal(c.cols, d)
	c.text += len(kpi.EncodedText(d))
	c.n++
	return nil
}

// insert stores the current chunk as a row of organisation org and import
// imp (nil: none), if it holds any deal, and starts the next one with the
// following id.
func (c *chunkWriter) insert(ctx context.Context, tx *sql.Tx, org int64, imp any) error {
	if c.n == 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO deal_chunks(org_id, import_id, first_id, n, cols, text, records) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		org, imp, c.first, c.n, c.cols, c.text, c.recs.buf); err != nil {
		return err
	}
	c.first += int64(c.n)
	c.n, c.text, c.cols = 0, 0, c.cols[:0]
	c.recs.reset()
	return nil
}

// addDeal encodes deal d into the current chunk and stores the chunk when
// it is full. The writer's deals get consecutive ids after the largest any
// chunk holds (read inside the transaction's write lock).
func (w *ImportWriter) addDeal(d *diagnostic.Deal) error {
	c := w.chunks
	if c == nil {
		var next int64
		if err := w.tx.QueryRowContext(w.ctx, `SELECT coalesce(max(first_id + n), 1) FROM deal_chunks`).Scan(&next); err != nil {
			return classify("reading the last deal id", err)
		}
		c = newChunkWriter(next)
		w.chunks = c
	}
	if err := c.add(d); err != nil {
		return err
	}
	if c.n == dealChunk {
		return w.writeChunk()
	}
	return nil
}

// writeChunk stores the current chunk, if it holds any deal.
func (w *ImportWriter) writeChunk() error {
	c := w.chunks
	if c == nil || c.n == 0 {
		return nil
	}
	var imp any
	if w.importID != 0 {
		imp = w.importID
	}
	if err := c.insert(w.ctx, w.tx, w.orgID, imp); err != nil {
		return classify(fmt.Sprintf("writing deals %d to %d", w.rows-c.n+1, w.rows), err)
	}
	return nil
}

// chunkRow is one deal_chunks row as read: its deals' bytes (valid only
// during the callback that receives it) and its import's snapshot date and
// match key ("" for deals outside a dated snapshot).
type chunkRow struct {
	first    int64 // id of its first deal
	n        int
	data     []byte
	importID int64
	asOf     string
	matchKey string
}

// eachChunk calls fn with the organisation's chunks in deal id order (only
// those of one import when importID ≠ 0), column col being "records" or
// "cols".
func (s *Store) eachChunk(ctx context.Context, orgID, importID int64, col string, fn func(c chunkRow) error) error {
	rows, err := s.r.QueryContext(ctx, `SELECT c.first_id, c.n, c.`+col+`, coalesce(c.import_id, 0), coalesce(i.as_of, ''), coalesce(i.match_key, '')
		FROM deal_chunks c LEFT JOIN imports i ON i.id = c.import_id
		WHERE c.org_id = ?1 AND (?2 = 0 OR c.import_id = ?2) ORDER BY c.first_id`, orgID, importID)
	if err != nil {
		return classify("reading deals", err)
	}
	defer rows.Close()
	for rows.Next() {
		var c chunkRow
		var data sql.RawBytes // used before the next row: no copy
		if err := rows.Scan(&c.first, &c.n, &data, &c.importID, &c.asOf, &c.matchKey); err != nil {
			return classify("reading deals", err)
		}
		c.data = data
		if err := fn(c); err != nil {
			return fmt.Errorf("%s: organisation %d, its deals %d to %d (import %d): %w", s.path, orgID, c.first, c.first+int64(c.n)-1, c.importID, err)
		}
	}
	return classify("reading deals", rows.Err())
}

// dealCount is how many deals the organisation's chunks hold (of one
// import when importID ≠ 0), and the bytes of text of their columns.
func (s *Store) dealCount(ctx context.Context, orgID, importID int64) (n, text int64, err error) {
	err = s.r.QueryRowContext(ctx, `SELECT coalesce(sum(n), 0), coalesce(sum(text), 0) FROM deal_chunks
		WHERE org_id = ?1 AND (?2 = 0 OR import_id = ?2)`, orgID, importID).Scan(&n, &text)
	return n, text, classify("counting deals", err)
}

// chunkDeals decodes the records of the organisation's chunks (of one
// import when importID ≠ 0) in deal id order.
func (s *Store) chunkDeals(ctx context.Context, orgID, importID int64) ([]diagnostic.Deal, error) {
	n, _, err := s.dealCount(ctx, orgID, importID)
	if err != nil || n == 0 {
		return nil, err
	}
	list := make([]diagnostic.Deal, 0, n)
	err = s.eachChunk(ctx, orgID, importID, "records", func(c chunkRow) error {
		list, err = decodeRecords(c.data, c.n, list)
		return err
	})
	return list, err
}

// DealTable returns an organisation's deals in id order as a
// kpi.DealTable, decoded from the chunks' columns; it equals
// kpi.DealTableOf of Deals(ctx, orgID, Range{}). With two dated deals
// snapshots or more the chunks hold every snapshot's copy of a deal, so
// the table is built from Deals, which takes each deal once (mergedDeals).
func (s *Store) DealTable(ctx context.Context, orgID int64) (*kpi.DealTable, error) {
	snaps, err := s.snapshotCount(ctx, orgID)
	if err != nil {
		return nil, err
	}
	if snaps > 1 {
		deals, err := s.Deals(ctx, orgID, Range{})
		if err != nil {
			return nil, err
		}
		return kpi.DealTableOf(deals), nil
	}
	n, text, err := s.dealCount(ctx, orgID, 0)
	if err != nil || n == 0 {
		return kpi.DealTableOf(nil), err
	}
	t := &kpi.DealTable{}
	t.Reserve(int(n), int(text))
	err = s.eachChunk(ctx, orgID, 0, "cols", func(c chunkRow) error {
		return t.AppendEncoded(c.data, c.n)
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

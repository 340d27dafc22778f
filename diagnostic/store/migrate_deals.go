package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
)

// The Go steps of the migrations that moved deals between tables. Each
// runs in its migration's transaction against the schema of its version,
// so they name the tables and columns of that version.

// chunkStoredDeals is migration 0009's Go step: it copies every deal of
// the deals table into deal_chunks, a chunk per run of consecutive ids of
// one import (at most dealChunk deals), the chunk's first_id the id of its
// first deal, so every deal keeps its id; then it drops the tables deals
// and deal_columns.
func chunkStoredDeals(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, org_id, import_id, external_id, name, stage, status, amount, currency,
		created, closed, owner, source, pipeline, expected_close, forecast_category FROM deals ORDER BY id`)
	if err != nil {
		return err
	}
	// The chunk being filled and whose deals it holds; writing
	// deal_chunks while the deals are being read is allowed (different
	// tables).
	var cur *chunkWriter
	var org int64
	var imp sql.NullInt64
	write := func() error {
		if cur == nil {
			return nil
		}
		if err := cur.insert(ctx, tx, org, imp); err != nil {
			return fmt.Errorf("chunk of deals %d to %d: %w", cur.first, cur.first+int64(cur.n)-1, err)
		}
		return nil
	}
	for rows.Next() {
		var id, dOrg int64
		var dImp sql.NullInt64
		var d diagnostic.Deal
		var created, closed, expected sql.NullString
		if err := rows.Scan(&id, &dOrg, &dImp, &d.ExternalID, &d.Name, &d.Stage, &d.Status, &d.Amount, &d.Currency,
			&created, &closed, &d.Owner, &d.Source, &d.Pipeline, &expected, &d.ForecastCategory); err != nil {
			rows.Close()
			return err
		}
		if d.Created, err = parseNullTS(created); err == nil {
			if d.Closed, err = parseNullTS(closed); err == nil {
				d.ExpectedClose, err = parseNullTS(expected)
			}
		}
		if err != nil {
			rows.Close()
			return fmt.Errorf("deal %d: %w", id, err)
		}
		if cur == nil || org != dOrg || imp != dImp || cur.first+int64(cur.n) != id || cur.n == dealChunk {
			if err := write(); err != nil {
				rows.Close()
				return err
			}
			cur, org, imp = newChunkWriter(id), dOrg, dImp
		}
		if err := cur.add(&d); err != nil {
			rows.Close()
			return fmt.Errorf("deal %d: %w", id, err)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if err := write(); err != nil {
		return err
	}
	for _, q := range []string{`DROP TABLE deal_columns`, `DROP TABLE deals`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

// rebuildDealColumns writes an organisation's deal_columns chunks again
// from its deals table (once for every organisation when migration 0005
// adds the table): a chunk per run of consecutive ids of
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

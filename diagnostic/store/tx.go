package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
)

// write runs fn in one transaction on the writer connection and commits it
// at once (autosave). Any error rolls everything back; what names the
// change for the error message.
func (s *Store) write(ctx context.Context, what string, fn func(tx *sql.Tx) error) error {
	return inTx(ctx, s.w, what, fn)
}

// inTx begins a transaction on db (the writer pool or one of its
// connections), runs fn and commits, or rolls back on any error.
func inTx(ctx context.Context, db interface {
	BeginTx(context.Context, *sql.TxOptions) (*sql.Tx, error)
}, what string, fn func(tx *sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return classify(what, err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return classify(what, err)
	}
	if err := tx.Commit(); err != nil {
		return classify(what, err)
	}
	return nil
}

// touchOrg records that an organisation's data changed now.
func (s *Store) touchOrg(ctx context.Context, tx *sql.Tx, orgID int64) error {
	res, err := tx.ExecContext(ctx, `UPDATE orgs SET updated = ? WHERE id = ?`, ts(s.opts.Now()), orgID)
	if err != nil {
		return err
	}
	return mustAffect(res, "organisation %d", orgID)
}

// mustAffect fails with ErrNotFound when res changed no row.
func mustAffect(res sql.Result, format string, a ...any) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf(format+": %w", append(a, errNotFound)...)
	}
	return nil
}

// writeTrusted is write for a bulk insert whose references the store has
// checked itself: it runs fn with SQLite's foreign key enforcement off on
// the writer connection, and turns it back on before the connection returns
// to the pool. Enforcement costs two parent look-ups for every imported row
// (its organisation and its import), about a tenth of the time of a large
// import, while every row an ImportWriter writes carries the organisation
// that Import has just updated and the import it has just inserted. Without
// enforcement nothing cascades either, so fn must delete dependent rows
// itself (see deleteImportRows).
func (s *Store) writeTrusted(ctx context.Context, what string, fn func(tx *sql.Tx) error) (err error) {
	conn, err := s.w.Conn(ctx)
	if err != nil {
		return classify(what, err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
		return classify(what, err)
	}
	defer func() {
		if _, rerr := conn.ExecContext(context.WithoutCancel(ctx), `PRAGMA foreign_keys = ON`); rerr != nil {
			// The transaction has ended either way; never hand the pool a
			// connection without enforcement: discard it (the next one is
			// opened with foreign_keys on).
			conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}()
	return inTx(ctx, conn, what, fn)
}

// importTables are the tables whose rows belong to an import (import_id
// REFERENCES imports ON DELETE CASCADE); TestImportTablesAreComplete keeps
// the list in step with the schema.
var importTables = []string{"observations", "deal_chunks", "customers", "transactions", "leads"}

// deleteImportRows deletes an import and every row it brought, without
// relying on the cascade (which writeTrusted turns off).
func deleteImportRows(ctx context.Context, tx *sql.Tx, importID int64) error {
	for _, t := range importTables {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+t+` WHERE import_id = ?`, importID); err != nil {
			return fmt.Errorf("deleting the rows of import %d from %s: %w", importID, t, err)
		}
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM imports WHERE id = ?`, importID)
	return err
}

package store

import (
	"context"
	"database/sql"
	"fmt"
)

// write runs fn in one transaction on the writer connection and commits it
// at once (autosave). Any error rolls everything back; what names the
// change for the error message.
func (s *Store) write(ctx context.Context, what string, fn func(tx *sql.Tx) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
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

package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// RecStatus is what the consultant decided about a recommendation.
type RecStatus string

// The statuses of a recommendation.
const (
	RecOpen      RecStatus = "open"
	RecAccepted  RecStatus = "accepted"
	RecDismissed RecStatus = "dismissed"
	RecDone      RecStatus = "done"
)

// RecState is the consultant's decision about one recommendation rule's
// output for an organisation: status, note, owner, due date and position in
// the list.
type RecState struct {
	RuleID  string    `json:"rule_id"`
	Status  RecStatus `json:"status"`
	Note    string    `json:"note,omitempty"`
	Owner   string    `json:"owner,omitempty"`
	Due     time.Time `json:"due,omitzero"`
	Order   int       `json:"order"`
	Updated time.Time `json:"updated"`
}

// SetRecState saves the state of a recommendation. A new one goes last;
// an existing one keeps its position (see ReorderRecs).
func (s *Store) SetRecState(ctx context.Context, orgID int64, st RecState) error {
	return s.SetRecStates(ctx, orgID, []RecState{st})
}

// SetRecStates saves several recommendation states in one transaction:
// all of them or, when one is invalid or a write fails, none.
func (s *Store) SetRecStates(ctx context.Context, orgID int64, list []RecState) error {
	for _, st := range list {
		switch st.Status {
		case RecOpen, RecAccepted, RecDismissed, RecDone:
		default:
			return fmt.Errorf("recommendation %s: status %q is not open, accepted, dismissed or done: %w", st.RuleID, st.Status, diagnostic.ErrInvalid)
		}
		if st.RuleID == "" {
			return fmt.Errorf("recommendation without a rule id: %w", diagnostic.ErrInvalid)
		}
	}
	what := "saving recommendations"
	if len(list) == 1 {
		what = "saving recommendation " + list[0].RuleID
	}
	return s.write(ctx, what, func(tx *sql.Tx) error {
		if err := s.touchOrg(ctx, tx, orgID); err != nil {
			return err
		}
		for _, st := range list {
			if err := s.upsertRecState(ctx, tx, orgID, st); err != nil {
				return err
			}
		}
		return nil
	})
}

// upsertRecState writes one recommendation state inside tx.
func (s *Store) upsertRecState(ctx context.Context, tx *sql.Tx, orgID int64, st RecState) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO recommendations(org_id, rule_id, status, note, owner, due, position, updated)
		VALUES (?1, ?2, ?3, ?4, ?5, ?6, (SELECT coalesce(max(position) + 1, 0) FROM recommendations WHERE org_id = ?1), ?7)
		ON CONFLICT(org_id, rule_id) DO UPDATE SET status = excluded.status, note = excluded.note, owner = excluded.owner,
		due = excluded.due, updated = excluded.updated`,
		orgID, st.RuleID, string(st.Status), st.Note, st.Owner, nullTS(st.Due), ts(s.opts.Now()))
	return err
}

// ReorderRecs puts the rules listed first, in that order; the others keep
// their relative order after them.
func (s *Store) ReorderRecs(ctx context.Context, orgID int64, ruleIDs []string) error {
	return s.write(ctx, "reordering recommendations", func(tx *sql.Tx) error {
		if err := s.touchOrg(ctx, tx, orgID); err != nil {
			return err
		}
		return reorder(ctx, tx, "recommendations", "rule_id", orgID, ruleIDs)
	})
}

// RecStates returns the organisation's recommendation states in order.
func (s *Store) RecStates(ctx context.Context, orgID int64) ([]RecState, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT rule_id, status, note, owner, due, position, updated FROM recommendations
		WHERE org_id = ? ORDER BY position, rule_id`, orgID)
	if err != nil {
		return nil, classify("reading recommendations", err)
	}
	defer rows.Close()
	var list []RecState
	for rows.Next() {
		var st RecState
		var due sql.NullString
		var updated string
		if err := rows.Scan(&st.RuleID, &st.Status, &st.Note, &st.Owner, &due, &st.Order, &updated); err != nil {
			return nil, classify("reading recommendations", err)
		}
		if st.Due, err = parseNullTS(due); err != nil {
			return nil, err
		}
		if st.Updated, err = parseTS(updated); err != nil {
			return nil, err
		}
		list = append(list, st)
	}
	return list, classify("reading recommendations", rows.Err())
}

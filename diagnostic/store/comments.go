package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// SetComment saves the consultant's commentary on one section of an
// organisation's report; an empty text deletes it. The section id is
// checked by the caller against the report's sections.
func (s *Store) SetComment(ctx context.Context, orgID int64, section, text string) error {
	section, text = strings.TrimSpace(section), strings.TrimSpace(text)
	if section == "" {
		return fmt.Errorf("a comment needs a section: %w", diagnostic.ErrInvalid)
	}
	return s.write(ctx, "saving the comment on "+section, func(tx *sql.Tx) error {
		if err := s.touchOrg(ctx, tx, orgID); err != nil {
			return err
		}
		if text == "" {
			_, err := tx.ExecContext(ctx, `DELETE FROM section_comments WHERE org_id = ? AND section = ?`, orgID, section)
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO section_comments(org_id, section, text, updated) VALUES (?, ?, ?, ?)
			ON CONFLICT(org_id, section) DO UPDATE SET text = excluded.text, updated = excluded.updated`,
			orgID, section, text, ts(s.opts.Now()))
		return err
	})
}

// Comments returns the organisation's section comments by section id.
func (s *Store) Comments(ctx context.Context, orgID int64) (map[string]string, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT section, text FROM section_comments WHERE org_id = ? ORDER BY section`, orgID)
	if err != nil {
		return nil, classify("reading comments", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var sec, text string
		if err := rows.Scan(&sec, &text); err != nil {
			return nil, classify("reading comments", err)
		}
		out[sec] = text
	}
	return out, classify("reading comments", rows.Err())
}

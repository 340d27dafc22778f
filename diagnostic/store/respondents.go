package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// AddRespondent adds a respondent (and any answers it carries) to an
// assessment and returns its id.
func (s *Store) AddRespondent(ctx context.Context, assessmentID int64, r diagnostic.Respondent) (int64, error) {
	if err := diagnostic.CheckName(r.Name, diagnostic.MaxNameLength); err != nil {
		return 0, fmt.Errorf("respondent %q: name: %w", r.Name, err)
	}
	if _, err := diagnostic.ParseDepartment(string(r.Department)); err != nil {
		return 0, fmt.Errorf("respondent %q: %w", r.Name, err)
	}
	for q, a := range r.Answers {
		if err := checkAnswer(q, a); err != nil {
			return 0, fmt.Errorf("respondent %q: %w", r.Name, err)
		}
	}
	var id int64
	err := s.write(ctx, fmt.Sprintf("adding respondent %q", r.Name), func(tx *sql.Tx) error {
		var err error
		if id, err = insertRespondent(ctx, tx, assessmentID, r, s.opts.Now()); err != nil {
			return err
		}
		return s.touchAssessment(ctx, tx, assessmentID, "")
	})
	return id, err
}

// UpdateRespondent changes a respondent's name and department (not the
// answers: see SetAnswer).
func (s *Store) UpdateRespondent(ctx context.Context, r diagnostic.Respondent) error {
	if err := diagnostic.CheckName(r.Name, diagnostic.MaxNameLength); err != nil {
		return fmt.Errorf("respondent %q: name: %w", r.Name, err)
	}
	if _, err := diagnostic.ParseDepartment(string(r.Department)); err != nil {
		return fmt.Errorf("respondent %q: %w", r.Name, err)
	}
	return s.respondentWrite(ctx, r.ID, "updating", `UPDATE respondents SET name = ?, department = ? WHERE id = ?`, r.Name, r.Department, r.ID)
}

// DeleteRespondent deletes a respondent and its answers.
func (s *Store) DeleteRespondent(ctx context.Context, id int64) error {
	return s.respondentWrite(ctx, id, "deleting", `DELETE FROM respondents WHERE id = ?`, id)
}

// SetAnswer saves one answer the moment it is given: value 1–5 or
// diagnostic.NA or diagnostic.DontKnow, with its note. A zero At is now.
func (s *Store) SetAnswer(ctx context.Context, respondentID int64, question string, a diagnostic.Answer) error {
	if err := checkAnswer(question, a); err != nil {
		return err
	}
	if a.At.IsZero() {
		a.At = s.opts.Now()
	}
	return s.respondentWrite(ctx, respondentID, "answering "+question+" for",
		`INSERT INTO answers(respondent_id, question, value, note, at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT(respondent_id, question) DO UPDATE SET value = excluded.value, note = excluded.note, at = excluded.at`,
		respondentID, question, a.Value, a.Note, ts(a.At))
}

// ClearAnswer makes a question unanswered again for a respondent.
func (s *Store) ClearAnswer(ctx context.Context, respondentID int64, question string) error {
	return s.respondentWrite(ctx, respondentID, "clearing "+question+" for",
		`DELETE FROM answers WHERE respondent_id = ? AND question = ?`, respondentID, question)
}

// respondentWrite runs one statement about a respondent and touches its
// assessment and organisation, in one transaction.
func (s *Store) respondentWrite(ctx context.Context, id int64, what, stmt string, args ...any) error {
	return s.write(ctx, fmt.Sprintf("%s respondent %d", what, id), func(tx *sql.Tx) error {
		var assessmentID int64
		err := tx.QueryRowContext(ctx, `SELECT assessment_id FROM respondents WHERE id = ?`, id).Scan(&assessmentID)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("respondent %d: %w", id, errNotFound)
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, stmt, args...); err != nil {
			return err
		}
		return s.touchAssessment(ctx, tx, assessmentID, "")
	})
}

// Respondents returns an assessment's respondents, in the order they were
// added, each with its answers by question id.
func (s *Store) Respondents(ctx context.Context, assessmentID int64) ([]diagnostic.Respondent, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT r.id, r.name, r.department, a.question, a.value, a.note, a.at
		FROM respondents r LEFT JOIN answers a ON a.respondent_id = r.id
		WHERE r.assessment_id = ? ORDER BY r.id, a.question`, assessmentID)
	if err != nil {
		return nil, classify("reading respondents", err)
	}
	defer rows.Close()
	var list []diagnostic.Respondent
	for rows.Next() {
		var r diagnostic.Respondent
		var q, note, at sql.NullString
		var v sql.NullInt64
		if err := rows.Scan(&r.ID, &r.Name, &r.Department, &q, &v, &note, &at); err != nil {
			return nil, classify("reading respondents", err)
		}
		if len(list) == 0 || list[len(list)-1].ID != r.ID {
			r.Answers = map[string]diagnostic.Answer{}
			list = append(list, r)
		}
		if q.Valid {
			t, err := parseTS(at.String)
			if err != nil {
				return nil, err
			}
			list[len(list)-1].Answers[q.String] = diagnostic.Answer{Value: int(v.Int64), Note: note.String, At: t}
		}
	}
	return list, classify("reading respondents", rows.Err())
}

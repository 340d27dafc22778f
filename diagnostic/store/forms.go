package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// FormResponse is one line of response tracking: a form made for someone
// (invited) and whether and when its answers came back (answered), as which
// respondent of which assessment.
type FormResponse struct {
	FormID       string
	Name         string
	Department   diagnostic.Department // "" = the person picks it
	Format       string                // xlsx, html, pdf; "" for answers that came without a form made here
	Language     locale.Lang
	Invited      time.Time // zero: answers that came without a form made here
	Answered     time.Time // zero: not answered yet
	AssessmentID int64     // 0 while not answered (or its assessment was deleted)
	RespondentID int64
}

// RecordInvitation records that a form was made for someone, now. A form id
// already recorded for the organisation fails with ErrConflict.
func (s *Store) RecordInvitation(ctx context.Context, orgID int64, f FormResponse) error {
	if f.FormID == "" {
		return fmt.Errorf("an invitation without a form id: %w", diagnostic.ErrInvalid)
	}
	if err := diagnostic.CheckName(f.Name, diagnostic.MaxNameLength); err != nil {
		return fmt.Errorf("invitation %s: name: %w", f.FormID, err)
	}
	return s.write(ctx, fmt.Sprintf("recording the invitation of form %s", f.FormID), func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO form_responses(org_id, form_id, name, department, format, language, invited) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			orgID, f.FormID, f.Name, f.Department, f.Format, f.Language, ts(s.opts.Now()))
		switch sqliteCode(err) {
		case codeConstraintFK:
			return fmt.Errorf("organisation %d: %w", orgID, errNotFound)
		case codeConstraintPK, codeConstraintUniq:
			return fmt.Errorf("form %s is already recorded: %w", f.FormID, diagnostic.ErrConflict)
		}
		if err != nil {
			return err
		}
		return s.touchOrg(ctx, tx, orgID)
	})
}

// FormResponses lists an organisation's response tracking: invited first
// (by invitation time), then the answers that came without an invitation.
func (s *Store) FormResponses(ctx context.Context, orgID int64) ([]FormResponse, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT form_id, name, department, format, language, invited, answered,
		coalesce(assessment_id, 0), coalesce(respondent_id, 0)
		FROM form_responses WHERE org_id = ? ORDER BY invited IS NULL, invited, answered, form_id`, orgID)
	if err != nil {
		return nil, classify("reading the response tracking", err)
	}
	defer rows.Close()
	var list []FormResponse
	for rows.Next() {
		var f FormResponse
		var invited, answered sql.NullString
		if err := rows.Scan(&f.FormID, &f.Name, &f.Department, &f.Format, &f.Language, &invited, &answered, &f.AssessmentID, &f.RespondentID); err != nil {
			return nil, classify("reading the response tracking", err)
		}
		if f.Invited, err = parseNullTS(invited); err != nil {
			return nil, err
		}
		if f.Answered, err = parseNullTS(answered); err != nil {
			return nil, err
		}
		list = append(list, f)
	}
	return list, classify("reading the response tracking", rows.Err())
}

// ImportedRespondent is a respondent read from a filled form or answers
// file, with the form id it answers (a fresh id when it came without one)
// and the file it came from, for messages.
type ImportedRespondent struct {
	diagnostic.Respondent
	FormID string
	File   string
}

// ImportRespondents adds respondents to one assessment of an organisation
// in one transaction, with their answers and their response tracking (an
// invitation's line is marked answered; answers without one get a line of
// their own). assessmentID 0 creates newA (its OrgID set to orgID) in the
// same transaction. score, when not nil, is stored as the assessment's new
// overall score. A respondent whose name and department already answer the
// assessment, or a form already answered, fails with ErrConflict naming the
// file, and nothing is stored. newA.Anonymous makes the assessment (new or
// existing) anonymous. It returns the assessment's id.
func (s *Store) ImportRespondents(ctx context.Context, orgID, assessmentID int64, newA diagnostic.Assessment, list []ImportedRespondent, score *float64) (int64, error) {
	if score != nil && !(*score >= 0 && *score <= 100) {
		return 0, fmt.Errorf("score %v is not 0–100: %w", *score, diagnostic.ErrInvalid)
	}
	for _, r := range list {
		if r.FormID == "" {
			return 0, fmt.Errorf("%s: respondent %q without a form id: %w", r.File, r.Name, diagnostic.ErrInvalid)
		}
		if err := checkAssessment(diagnostic.Assessment{Language: locale.ES, Status: diagnostic.StatusInProgress, Respondents: []diagnostic.Respondent{r.Respondent}}); err != nil {
			return 0, fmt.Errorf("%s: %w", r.File, err)
		}
	}
	if assessmentID == 0 {
		newA.OrgID = orgID
		if newA.Date.IsZero() {
			newA.Date = s.opts.Now().UTC()
		}
		if newA.Status == "" {
			newA.Status = diagnostic.StatusInProgress
		}
		if err := checkAssessment(newA); err != nil {
			return 0, err
		}
	}
	now := s.opts.Now().UTC()
	err := s.write(ctx, fmt.Sprintf("importing %d respondents into organisation %d", len(list), orgID), func(tx *sql.Tx) error {
		if assessmentID == 0 {
			id, err := insertAssessment(ctx, tx, newA, now)
			if err != nil {
				return err
			}
			assessmentID = id
		} else if err := assessmentOf(ctx, tx, orgID, assessmentID); err != nil {
			return err
		}
		for _, r := range list {
			if err := respondentFree(ctx, tx, assessmentID, r); err != nil {
				return err
			}
			rid, err := insertRespondent(ctx, tx, assessmentID, r.Respondent, now)
			if err != nil {
				return fmt.Errorf("%s: %w", r.File, err)
			}
			if err := markAnswered(ctx, tx, orgID, assessmentID, rid, r, now); err != nil {
				return err
			}
		}
		set, args := `anonymous = anonymous OR ?`, []any{newA.Anonymous}
		if score != nil {
			set, args = set+`, score = ?, scored_at = ?`, append(args, *score, ts(now))
		}
		return s.touchAssessment(ctx, tx, assessmentID, set, args...)
	})
	return assessmentID, err
}

// assessmentOf checks that an assessment belongs to an organisation.
func assessmentOf(ctx context.Context, tx *sql.Tx, orgID, assessmentID int64) error {
	var owner int64
	err := tx.QueryRowContext(ctx, `SELECT org_id FROM assessments WHERE id = ?`, assessmentID).Scan(&owner)
	if errors.Is(err, sql.ErrNoRows) || err == nil && owner != orgID {
		return fmt.Errorf("assessment %d of organisation %d: %w", assessmentID, orgID, errNotFound)
	}
	return err
}

// respondentFree refuses a named respondent whose name (any case) and
// department already answer the assessment.
func respondentFree(ctx context.Context, tx *sql.Tx, assessmentID int64, r ImportedRespondent) error {
	if strings.TrimSpace(r.Name) == "" {
		return nil
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM respondents WHERE assessment_id = ? AND lower(name) = lower(?) AND department = ?`,
		assessmentID, strings.TrimSpace(r.Name), r.Department).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return fmt.Errorf("%s: %q (%s) already answered assessment %d: %w", r.File, r.Name, r.Department, assessmentID, diagnostic.ErrConflict)
	}
	return nil
}

// markAnswered marks a form's tracking line answered, or adds a line for
// answers that came without an invitation; a form answered before fails
// with ErrConflict.
func markAnswered(ctx context.Context, tx *sql.Tx, orgID, assessmentID, respondentID int64, r ImportedRespondent, now time.Time) error {
	var answered sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT answered FROM form_responses WHERE org_id = ? AND form_id = ?`, orgID, r.FormID).Scan(&answered)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		_, err = tx.ExecContext(ctx, `INSERT INTO form_responses(org_id, form_id, name, department, answered, assessment_id, respondent_id) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			orgID, r.FormID, r.Name, r.Department, ts(now), assessmentID, respondentID)
		return err
	case err != nil:
		return err
	case answered.Valid:
		return fmt.Errorf("%s: form %s was already answered (%s): %w", r.File, r.FormID, answered.String, diagnostic.ErrConflict)
	}
	_, err = tx.ExecContext(ctx, `UPDATE form_responses SET answered = ?, assessment_id = ?, respondent_id = ?,
		name = CASE WHEN name = '' THEN ? ELSE name END, department = CASE WHEN department = '' THEN ? ELSE department END
		WHERE org_id = ? AND form_id = ?`, ts(now), assessmentID, respondentID, r.Name, r.Department, orgID, r.FormID)
	return err
}

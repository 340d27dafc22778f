package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// AssessmentInfo is one assessment in a list: everything but the
// respondents, plus its stored score and how many respondents it has.
type AssessmentInfo struct {
	diagnostic.Assessment
	Score       *float64  // overall 0–100 once scored, else nil
	ScoredAt    time.Time // zero when not scored
	Respondents int
	Updated     time.Time
}

// CreateAssessment stores a new assessment of a.OrgID with its context,
// respondents and answers in one transaction (this is also how an answers
// file becomes an assessment). A zero Date is today, an empty Status is
// in_progress, answers without a time get now. It returns the assessment
// with its new ids.
func (s *Store) CreateAssessment(ctx context.Context, a diagnostic.Assessment) (diagnostic.Assessment, error) {
	return s.createAssessment(ctx, a, nil)
}

// CreateScoredAssessment is CreateAssessment storing the overall score
// (nil: none) in the same transaction: a crash leaves either nothing or the
// assessment with its score, never an assessment without it (how `answer`
// stores an answers file).
func (s *Store) CreateScoredAssessment(ctx context.Context, a diagnostic.Assessment, score *float64) (diagnostic.Assessment, error) {
	if score != nil && !(*score >= 0 && *score <= 100) {
		return a, fmt.Errorf("score %v is not 0–100: %w", *score, diagnostic.ErrInvalid)
	}
	return s.createAssessment(ctx, a, score)
}

func (s *Store) createAssessment(ctx context.Context, a diagnostic.Assessment, score *float64) (diagnostic.Assessment, error) {
	now := s.opts.Now().UTC()
	if a.Date.IsZero() {
		a.Date = now
	}
	if a.Status == "" {
		a.Status = diagnostic.StatusInProgress
	}
	if err := checkAssessment(a); err != nil {
		return a, err
	}
	err := s.write(ctx, fmt.Sprintf("creating an assessment for organisation %d", a.OrgID), func(tx *sql.Tx) error {
		var sc, scoredAt any
		if score != nil {
			sc, scoredAt = *score, ts(now)
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO assessments(org_id, date, language, questionnaire_version, status, symptom, objective,
			score, scored_at, anonymous, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, a.OrgID, ts(a.Date), a.Language, a.QuestionnaireVersion, a.Status,
			a.Context.Symptom, a.Context.Objective, sc, scoredAt, a.Anonymous, ts(now), ts(now))
		if a.ID, err = insertedAssessment(ctx, tx, a, res, err); err != nil {
			return err
		}
		for i := range a.Respondents {
			if a.Respondents[i].ID, err = insertRespondent(ctx, tx, a.ID, a.Respondents[i], now); err != nil {
				return err
			}
		}
		return s.touchOrg(ctx, tx, a.OrgID)
	})
	return a, err
}

// insertAssessment inserts an assessment without score or respondents,
// with its KPI checklist, and returns its id.
func insertAssessment(ctx context.Context, tx *sql.Tx, a diagnostic.Assessment, now time.Time) (int64, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO assessments(org_id, date, language, questionnaire_version, status, symptom, objective,
		anonymous, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, a.OrgID, ts(a.Date), a.Language, a.QuestionnaireVersion, a.Status,
		a.Context.Symptom, a.Context.Objective, a.Anonymous, ts(now), ts(now))
	return insertedAssessment(ctx, tx, a, res, err)
}

// insertedAssessment finishes an INSERT INTO assessments: the id, or
// ErrNotFound for an unknown organisation, then the KPI checklist.
func insertedAssessment(ctx context.Context, tx *sql.Tx, a diagnostic.Assessment, res sql.Result, err error) (int64, error) {
	if err != nil {
		if sqliteCode(err) == codeConstraintFK {
			return 0, fmt.Errorf("organisation %d: %w", a.OrgID, errNotFound)
		}
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	return id, putCoverage(ctx, tx, id, a.Context.Coverage)
}

func checkAssessment(a diagnostic.Assessment) error {
	if !a.Language.Valid() {
		return fmt.Errorf("assessment language %q is not es or en: %w", a.Language, diagnostic.ErrInvalid)
	}
	if a.Status != diagnostic.StatusInProgress && a.Status != diagnostic.StatusComplete {
		return fmt.Errorf("assessment status %q: %w", a.Status, diagnostic.ErrInvalid)
	}
	for _, r := range a.Respondents {
		if err := diagnostic.CheckName(r.Name, diagnostic.MaxNameLength); err != nil {
			return fmt.Errorf("respondent %q: name: %w", r.Name, err)
		}
		if _, err := diagnostic.ParseDepartment(string(r.Department)); err != nil {
			return fmt.Errorf("respondent %q: %w", r.Name, err)
		}
		for q, ans := range r.Answers {
			if err := checkAnswer(q, ans); err != nil {
				return fmt.Errorf("respondent %q: %w", r.Name, err)
			}
		}
	}
	return nil
}

func checkAnswer(question string, a diagnostic.Answer) error {
	if question == "" {
		return fmt.Errorf("answer without a question id: %w", diagnostic.ErrInvalid)
	}
	if !diagnostic.ValidAnswer(a.Value) {
		return fmt.Errorf("answer to %s: value %d is not 1–5, N/A (0) or don't know (-2): %w", question, a.Value, diagnostic.ErrInvalid)
	}
	return nil
}

func putCoverage(ctx context.Context, tx *sql.Tx, assessmentID int64, cov map[string]diagnostic.KPICoverage) error {
	for kpi, c := range cov {
		if _, err := tx.ExecContext(ctx, `INSERT INTO kpi_coverage(assessment_id, kpi, measured, owner, cadence) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT(assessment_id, kpi) DO UPDATE SET measured = excluded.measured, owner = excluded.owner, cadence = excluded.cadence`,
			assessmentID, kpi, c.Measured, c.Owner, c.Cadence); err != nil {
			return err
		}
	}
	return nil
}

func insertRespondent(ctx context.Context, tx *sql.Tx, assessmentID int64, r diagnostic.Respondent, now time.Time) (int64, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO respondents(assessment_id, name, department) VALUES (?, ?, ?)`, assessmentID, r.Name, r.Department)
	if err != nil {
		if sqliteCode(err) == codeConstraintFK {
			return 0, fmt.Errorf("assessment %d: %w", assessmentID, errNotFound)
		}
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	for q, a := range r.Answers {
		if a.At.IsZero() {
			a.At = now
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO answers(respondent_id, question, value, note, at) VALUES (?, ?, ?, ?, ?)`,
			id, q, a.Value, a.Note, ts(a.At)); err != nil {
			return 0, err
		}
	}
	return id, nil
}

// Assessment returns an assessment with its context, respondents and answers.
func (s *Store) Assessment(ctx context.Context, id int64) (diagnostic.Assessment, error) {
	infos, err := s.assessments(ctx, `a.id = ?`, id)
	if err != nil {
		return diagnostic.Assessment{}, err
	}
	if len(infos) == 0 {
		return diagnostic.Assessment{}, fmt.Errorf("assessment %d: %w", id, errNotFound)
	}
	return s.complete(ctx, infos[0].Assessment)
}

// LatestAssessment returns the organisation's most recent assessment (by
// date, then creation), complete, or ErrNotFound when it has none.
func (s *Store) LatestAssessment(ctx context.Context, orgID int64) (diagnostic.Assessment, error) {
	var id int64
	err := s.r.QueryRowContext(ctx, `SELECT id FROM assessments WHERE org_id = ? ORDER BY date DESC, id DESC LIMIT 1`, orgID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return diagnostic.Assessment{}, fmt.Errorf("organisation %d has no assessment: %w", orgID, errNotFound)
	}
	if err != nil {
		return diagnostic.Assessment{}, classify("finding the latest assessment", err)
	}
	return s.Assessment(ctx, id)
}

// Assessments lists an organisation's assessments, oldest first, without
// their respondents.
func (s *Store) Assessments(ctx context.Context, orgID int64) ([]AssessmentInfo, error) {
	return s.assessments(ctx, `a.org_id = ?`, orgID)
}

func (s *Store) assessments(ctx context.Context, where string, arg any) ([]AssessmentInfo, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT a.id, a.org_id, a.date, a.language, a.questionnaire_version, a.status, a.symptom, a.objective,
		a.score, a.scored_at, a.updated, (SELECT count(*) FROM respondents r WHERE r.assessment_id = a.id), a.anonymous
		FROM assessments a WHERE `+where+` ORDER BY a.date, a.id`, arg)
	if err != nil {
		return nil, classify("reading assessments", err)
	}
	defer rows.Close()
	var list []AssessmentInfo
	for rows.Next() {
		var i AssessmentInfo
		var date, updated string
		var score sql.NullFloat64
		var scoredAt sql.NullString
		a := &i.Assessment
		if err := rows.Scan(&a.ID, &a.OrgID, &date, &a.Language, &a.QuestionnaireVersion, &a.Status, &a.Context.Symptom, &a.Context.Objective,
			&score, &scoredAt, &updated, &i.Respondents, &a.Anonymous); err != nil {
			return nil, classify("reading assessments", err)
		}
		if a.Date, err = parseTS(date); err != nil {
			return nil, err
		}
		if i.Updated, err = parseTS(updated); err != nil {
			return nil, err
		}
		if i.ScoredAt, err = parseNullTS(scoredAt); err != nil {
			return nil, err
		}
		if score.Valid {
			i.Score = &score.Float64
		}
		list = append(list, i)
	}
	return list, classify("reading assessments", rows.Err())
}

// complete adds the coverage checklist and the respondents to a.
func (s *Store) complete(ctx context.Context, a diagnostic.Assessment) (diagnostic.Assessment, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT kpi, measured, owner, cadence FROM kpi_coverage WHERE assessment_id = ?`, a.ID)
	if err != nil {
		return a, classify("reading the KPI checklist", err)
	}
	defer rows.Close()
	for rows.Next() {
		var kpi string
		var c diagnostic.KPICoverage
		if err := rows.Scan(&kpi, &c.Measured, &c.Owner, &c.Cadence); err != nil {
			return a, classify("reading the KPI checklist", err)
		}
		if a.Context.Coverage == nil {
			a.Context.Coverage = map[string]diagnostic.KPICoverage{}
		}
		a.Context.Coverage[kpi] = c
	}
	if err := rows.Err(); err != nil {
		return a, classify("reading the KPI checklist", err)
	}
	a.Respondents, err = s.Respondents(ctx, a.ID)
	return a, err
}

// SetAssessmentStatus marks an assessment in progress or complete.
func (s *Store) SetAssessmentStatus(ctx context.Context, id int64, st diagnostic.AssessmentStatus) error {
	if st != diagnostic.StatusInProgress && st != diagnostic.StatusComplete {
		return fmt.Errorf("assessment status %q: %w", st, diagnostic.ErrInvalid)
	}
	return s.updateAssessment(ctx, id, "setting the status", `status = ?`, st)
}

// SetScore stores the overall score (0–100) computed for an assessment, or
// clears it with nil; orgs shows it as last_score.
func (s *Store) SetScore(ctx context.Context, id int64, score *float64) error {
	if score == nil {
		return s.updateAssessment(ctx, id, "clearing the score", `score = NULL, scored_at = NULL`)
	}
	if *score < 0 || *score > 100 {
		return fmt.Errorf("score %v is not 0–100: %w", *score, diagnostic.ErrInvalid)
	}
	return s.updateAssessment(ctx, id, "storing the score", `score = ?, scored_at = ?`, *score, ts(s.opts.Now()))
}

// SetAnonymous makes an assessment anonymous or not: the names of an
// anonymous assessment's respondents are kept for response tracking only.
func (s *Store) SetAnonymous(ctx context.Context, id int64, anonymous bool) error {
	return s.updateAssessment(ctx, id, "setting anonymity", `anonymous = ?`, anonymous)
}

// SetContext replaces an assessment's context: symptom, objective and the
// whole KPI checklist.
func (s *Store) SetContext(ctx context.Context, id int64, c diagnostic.Context) error {
	return s.write(ctx, fmt.Sprintf("saving the context of assessment %d", id), func(tx *sql.Tx) error {
		if err := s.touchAssessment(ctx, tx, id, `symptom = ?, objective = ?`, c.Symptom, c.Objective); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM kpi_coverage WHERE assessment_id = ?`, id); err != nil {
			return err
		}
		return putCoverage(ctx, tx, id, c.Coverage)
	})
}

// SetCoverage saves one line of an assessment's KPI checklist.
func (s *Store) SetCoverage(ctx context.Context, id int64, kpi string, c diagnostic.KPICoverage) error {
	return s.write(ctx, fmt.Sprintf("saving KPI %s of assessment %d", kpi, id), func(tx *sql.Tx) error {
		if err := s.touchAssessment(ctx, tx, id, ""); err != nil {
			return err
		}
		return putCoverage(ctx, tx, id, map[string]diagnostic.KPICoverage{kpi: c})
	})
}

// DeleteAssessment deletes an assessment with its respondents and answers.
func (s *Store) DeleteAssessment(ctx context.Context, id int64) error {
	return s.write(ctx, fmt.Sprintf("deleting assessment %d", id), func(tx *sql.Tx) error {
		if err := s.touchAssessment(ctx, tx, id, ""); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM assessments WHERE id = ?`, id)
		return err
	})
}

func (s *Store) updateAssessment(ctx context.Context, id int64, what, set string, args ...any) error {
	return s.write(ctx, fmt.Sprintf("%s of assessment %d", what, id), func(tx *sql.Tx) error {
		return s.touchAssessment(ctx, tx, id, set, args...)
	})
}

// touchAssessment sets the assessment's extra columns (set may be empty)
// and its and its organisation's update time, or fails with ErrNotFound.
func (s *Store) touchAssessment(ctx context.Context, tx *sql.Tx, id int64, set string, args ...any) error {
	now := ts(s.opts.Now())
	if set != "" {
		set += ", "
	}
	res, err := tx.ExecContext(ctx, `UPDATE assessments SET `+set+`updated = ? WHERE id = ?`, append(args, now, id)...)
	if err != nil {
		return err
	}
	if err := mustAffect(res, "assessment %d", id); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE orgs SET updated = ? WHERE id = (SELECT org_id FROM assessments WHERE id = ?)`, now, id)
	return err
}

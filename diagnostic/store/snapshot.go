package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/analysis"
)

// LoadSnapshot reads everything the analysis of one organisation needs:
// its profile, every assessment (oldest first, complete with respondents
// and answers), objectives, KPI plan, custom KPIs, monthly values and raw
// records. AsOf is left zero (the analysis then takes the month of the
// latest data); set it for reproducible results. An unknown organisation is
// ErrNotFound.
func (s *Store) LoadSnapshot(ctx context.Context, orgID int64) (analysis.Snapshot, error) {
	return s.loadSnapshot(ctx, orgID, false)
}

// LoadAnalysisSnapshot is LoadSnapshot for analysis only: the deals come
// as Snapshot.DealTable (DealTable: the column chunks, a few bytes a deal)
// and Snapshot.Deals stays empty. Everything the analysis, the KPIs, the
// data-quality checks and the report compute is the same as from
// LoadSnapshot; exports that write deals out need LoadSnapshot.
func (s *Store) LoadAnalysisSnapshot(ctx context.Context, orgID int64) (analysis.Snapshot, error) {
	return s.loadSnapshot(ctx, orgID, true)
}

func (s *Store) loadSnapshot(ctx context.Context, orgID int64, compact bool) (analysis.Snapshot, error) {
	o, err := s.Org(ctx, orgID)
	if err != nil {
		return analysis.Snapshot{}, err
	}
	snap := analysis.Snapshot{OrgID: o.ID, Profile: o.Profile}
	wrap := func(err error) error { return fmt.Errorf("loading organisation %q: %w", o.Name, err) }
	infos, err := s.Assessments(ctx, orgID)
	if err != nil {
		return snap, wrap(err)
	}
	for _, i := range infos {
		a, err := s.complete(ctx, i.Assessment)
		if err != nil {
			return snap, wrap(err)
		}
		snap.Assessments = append(snap.Assessments, a)
	}
	if snap.Objectives, err = s.Objectives(ctx, orgID); err != nil {
		return snap, wrap(err)
	}
	if snap.Plan, err = s.Plan(ctx, orgID); err != nil {
		return snap, wrap(err)
	}
	if snap.CustomKPIs, err = s.CustomKPIs(ctx, orgID); err != nil {
		return snap, wrap(err)
	}
	if snap.Observations, err = s.Observations(ctx, orgID, Range{}); err != nil {
		return snap, wrap(err)
	}
	if compact {
		if snap.DealTable, err = s.DealTable(ctx, orgID); err != nil {
			return snap, wrap(err)
		}
	} else if snap.Deals, err = s.Deals(ctx, orgID, Range{}); err != nil {
		return snap, wrap(err)
	}
	if snap.Customers, err = s.Customers(ctx, orgID, Range{}); err != nil {
		return snap, wrap(err)
	}
	if snap.Transactions, err = s.Transactions(ctx, orgID, Range{}); err != nil {
		return snap, wrap(err)
	}
	if snap.Leads, err = s.Leads(ctx, orgID, Range{}); err != nil {
		return snap, wrap(err)
	}
	return snap, nil
}

// SaveOptions says how SaveSnapshot treats an organisation of the same
// name.
type SaveOptions struct {
	// Replace deletes an existing organisation of the same name (and all
	// it owns) in the same transaction; without it the name clash is
	// ErrConflict.
	Replace bool
}

// SaveSnapshot stores a snapshot as a new organisation named
// snap.Profile.Name, in ONE transaction: profile, assessments with their
// respondents, answers and overall scores, objectives, plan with targets,
// custom KPIs, monthly values (source manual unless set) and raw records
// (outside any import). Either all of it is committed or nothing is; with
// opts.Replace an organisation of the same name is replaced atomically, so
// a reader sees the old one or the new one, never neither. snap.OrgID is
// ignored. It returns the new organisation.
func (s *Store) SaveSnapshot(ctx context.Context, snap analysis.Snapshot, opts SaveOptions) (Org, error) {
	p := snap.Profile
	p.Name = strings.TrimSpace(p.Name)
	if err := p.Validate(); err != nil {
		return Org{}, fmt.Errorf("organisation %q: %w", p.Name, err)
	}
	q, err := diagnostic.LoadQuestionnaire()
	if err != nil {
		return Org{}, fmt.Errorf("loading the questionnaire: %w", err)
	}
	now := s.opts.Now().UTC()
	o := Org{Profile: p, Created: now, Updated: now}
	err = s.write(ctx, fmt.Sprintf("saving organisation %q", p.Name), func(tx *sql.Tx) error {
		var old int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM orgs WHERE name = ?`, p.Name).Scan(&old)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return err
		case !opts.Replace:
			return fmt.Errorf("an organisation named %q already exists (id %d): %w", p.Name, old, diagnostic.ErrConflict)
		default:
			if _, err := tx.ExecContext(ctx, `DELETE FROM orgs WHERE id = ?`, old); err != nil {
				return err
			}
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO orgs(name, industry, business_model, segment, employees_band, currency, language, created, updated)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			p.Name, p.Industry, p.BusinessModel, p.Segment, p.EmployeeBand, p.Currency, p.Language, ts(now), ts(now))
		if err != nil {
			return err
		}
		if o.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		if err := s.saveAssessments(ctx, tx, o.ID, q, snap.Assessments); err != nil {
			return err
		}
		if err := savePlan(ctx, tx, o.ID, snap, now); err != nil {
			return err
		}
		return saveData(ctx, tx, o.ID, snap)
	})
	if err != nil {
		return Org{}, err
	}
	return o, nil
}

// saveAssessments inserts the assessments with their context, respondents,
// answers and overall score.
func (s *Store) saveAssessments(ctx context.Context, tx *sql.Tx, orgID int64, q *diagnostic.Questionnaire, list []diagnostic.Assessment) error {
	now := s.opts.Now().UTC()
	for i, a := range list {
		if a.Date.IsZero() {
			a.Date = now
		}
		if a.Status == "" {
			a.Status = diagnostic.StatusComplete
		}
		if a.QuestionnaireVersion == "" {
			a.QuestionnaireVersion = q.Version
		}
		if err := checkAssessment(a); err != nil {
			return fmt.Errorf("assessment %d: %w", i+1, err)
		}
		var score any
		if r := diagnostic.ScoreAssessment(q, &a); r.Overall.Score != nil {
			score = *r.Overall.Score
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO assessments(org_id, date, language, questionnaire_version, status, symptom, objective,
			score, scored_at, anonymous, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, orgID, ts(a.Date), a.Language, a.QuestionnaireVersion,
			a.Status, a.Context.Symptom, a.Context.Objective, score, ts(now), a.Anonymous, ts(now), ts(now))
		if err != nil {
			return err
		}
		id, err := res.LastInsertId()
		if err != nil {
			return err
		}
		if err := putCoverage(ctx, tx, id, a.Context.Coverage); err != nil {
			return err
		}
		for _, r := range a.Respondents {
			if _, err := insertRespondent(ctx, tx, id, r, a.Date); err != nil {
				return err
			}
		}
	}
	return nil
}

// savePlan inserts objectives, plan items with their targets and custom
// KPIs; a target without a date it was set on gets now.
func savePlan(ctx context.Context, tx *sql.Tx, orgID int64, snap analysis.Snapshot, now time.Time) error {
	for i, o := range snap.Objectives {
		if _, err := tx.ExecContext(ctx, `INSERT INTO objectives(org_id, objective, position) VALUES (?, ?, ?)`, orgID, o, i); err != nil {
			return fmt.Errorf("objective %s: %w", o, err)
		}
	}
	for i, it := range snap.Plan {
		if err := checkKPIID(it.KPI); err != nil {
			return err
		}
		if err := checkCadence(it.Cadence); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO plan_items(org_id, kpi, owner, cadence, retired, position) VALUES (?, ?, ?, ?, ?, ?)`,
			orgID, it.KPI, it.Owner, it.Cadence, it.Retired, i); err != nil {
			return fmt.Errorf("KPI %s of the plan: %w", it.KPI, err)
		}
		for _, t := range it.Targets {
			if t.By.IsZero() {
				return fmt.Errorf("target for %s needs a month to reach it by: %w", it.KPI, diagnostic.ErrInvalid)
			}
			if t.SetOn.IsZero() {
				t.SetOn = now
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO targets(org_id, kpi, value, by_month, set_on) VALUES (?, ?, ?, ?, ?)`,
				orgID, it.KPI, t.Value, t.By.String(), ts(t.SetOn)); err != nil {
				return fmt.Errorf("target for %s: %w", it.KPI, err)
			}
		}
	}
	for _, k := range snap.CustomKPIs {
		if err := checkKPIID(k.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO custom_kpis(org_id, id, name_es, name_en, unit, direction, cadence) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			orgID, k.ID, k.NameES, k.NameEN, k.Unit, k.Direction, k.Cadence); err != nil {
			return fmt.Errorf("custom KPI %s: %w", k.ID, err)
		}
	}
	return nil
}

// saveData inserts the monthly values and the raw records.
func saveData(ctx context.Context, tx *sql.Tx, orgID int64, snap analysis.Snapshot) error {
	st, err := tx.PrepareContext(ctx, upsertObservation)
	if err != nil {
		return err
	}
	defer st.Close()
	for _, o := range snap.Observations {
		if o.Source == "" || strings.HasPrefix(string(o.Source), sourceImport) {
			o.Source = diagnostic.SourceManual
		}
		if err := checkObservation(o); err != nil {
			return err
		}
		if _, err := st.ExecContext(ctx, orgID, o.Metric, o.Month.String(), o.Value, string(o.Source), nil); err != nil {
			return fmt.Errorf("%s for %s: %w", o.Metric, o.Month, err)
		}
	}
	w := &ImportWriter{ctx: ctx, tx: tx, orgID: orgID, batches: map[string]*batch{}, tsCache: map[time.Time]any{}}
	defer w.close()
	for _, d := range snap.Deals {
		if err := w.AddDeal(d); err != nil {
			return err
		}
	}
	for _, c := range snap.Customers {
		if err := w.AddCustomer(c); err != nil {
			return err
		}
	}
	for _, t := range snap.Transactions {
		if err := w.AddTransaction(t); err != nil {
			return err
		}
	}
	for _, l := range snap.Leads {
		if err := w.AddLead(l); err != nil {
			return err
		}
	}
	return w.flushAll()
}

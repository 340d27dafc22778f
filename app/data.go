package app

import (
	"context"
	"fmt"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/analysis"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// planStore is what the KPI screen needs: objectives, the plan with its
// targets, custom KPIs and the monthly values, each change stored at once.
type planStore interface {
	Objectives(ctx context.Context, orgID int64) ([]diagnostic.Objective, error)
	SetObjectives(ctx context.Context, orgID int64, objs []diagnostic.Objective) error
	Plan(ctx context.Context, orgID int64) ([]diagnostic.PlanItem, error)
	SetPlanItem(ctx context.Context, orgID int64, it diagnostic.PlanItem) error
	AddTarget(ctx context.Context, orgID int64, kpi string, t diagnostic.Target) error
	CustomKPIs(ctx context.Context, orgID int64) ([]diagnostic.CustomKPI, error)
	SetCustomKPI(ctx context.Context, orgID int64, k diagnostic.CustomKPI) error
	SetObservation(ctx context.Context, orgID int64, o diagnostic.Observation) error
	DeleteObservation(ctx context.Context, orgID int64, metric string, m diagnostic.Month) error
	Observations(ctx context.Context, orgID int64, r store.Range, metrics ...string) ([]diagnostic.Observation, error)
}

// snapshotStore is what loading an organisation for analysis reads.
type snapshotStore interface {
	Org(ctx context.Context, id int64) (store.Org, error)
	Assessments(ctx context.Context, orgID int64) ([]store.AssessmentInfo, error)
	Assessment(ctx context.Context, id int64) (diagnostic.Assessment, error)
	Objectives(ctx context.Context, orgID int64) ([]diagnostic.Objective, error)
	Plan(ctx context.Context, orgID int64) ([]diagnostic.PlanItem, error)
	CustomKPIs(ctx context.Context, orgID int64) ([]diagnostic.CustomKPI, error)
	Observations(ctx context.Context, orgID int64, r store.Range, metrics ...string) ([]diagnostic.Observation, error)
	Deals(ctx context.Context, orgID int64, r store.Range) ([]diagnostic.Deal, error)
	Customers(ctx context.Context, orgID int64, r store.Range) ([]diagnostic.Customer, error)
	Transactions(ctx context.Context, orgID int64, r store.Range) ([]diagnostic.Transaction, error)
	Leads(ctx context.Context, orgID int64, r store.Range) ([]diagnostic.Lead, error)
}

// recStore is what the recommendations screen stores: the consultant's
// decision, note and order for each recommendation.
type recStore interface {
	RecStates(ctx context.Context, orgID int64) ([]store.RecState, error)
	SetRecState(ctx context.Context, orgID int64, st store.RecState) error
	ReorderRecs(ctx context.Context, orgID int64, ruleIDs []string) error
}

// installStore is what the settings screen needs: the installation's
// settings and a backup copy of the database.
type installStore interface {
	Settings(ctx context.Context) (store.Settings, error)
	SaveSettings(ctx context.Context, st store.Settings) error
	Backup(ctx context.Context, out string) error
}

var (
	_ planStore     = (*store.Store)(nil)
	_ snapshotStore = (*store.Store)(nil)
	_ recStore      = (*store.Store)(nil)
	_ installStore  = (*store.Store)(nil)
)

// loadSnapshot reads everything the analysis of one organisation needs.
// It is the one place the GUI builds a Snapshot; a store-side loader can
// replace it without touching the screens.
func loadSnapshot(ctx context.Context, db snapshotStore, orgID int64) (analysis.Snapshot, error) {
	o, err := db.Org(ctx, orgID)
	if err != nil {
		return analysis.Snapshot{}, err
	}
	snap := analysis.Snapshot{OrgID: o.ID, Profile: o.Profile}
	wrap := func(err error) error { return fmt.Errorf("loading organisation %q: %w", o.Name, err) }
	infos, err := db.Assessments(ctx, orgID)
	if err != nil {
		return snap, wrap(err)
	}
	for _, i := range infos {
		a, err := db.Assessment(ctx, i.ID)
		if err != nil {
			return snap, wrap(err)
		}
		snap.Assessments = append(snap.Assessments, a)
	}
	steps := []func() error{
		func() (err error) { snap.Objectives, err = db.Objectives(ctx, orgID); return },
		func() (err error) { snap.Plan, err = db.Plan(ctx, orgID); return },
		func() (err error) { snap.CustomKPIs, err = db.CustomKPIs(ctx, orgID); return },
		func() (err error) { snap.Observations, err = db.Observations(ctx, orgID, store.Range{}); return },
		func() (err error) { snap.Deals, err = db.Deals(ctx, orgID, store.Range{}); return },
		func() (err error) { snap.Customers, err = db.Customers(ctx, orgID, store.Range{}); return },
		func() (err error) { snap.Transactions, err = db.Transactions(ctx, orgID, store.Range{}); return },
		func() (err error) { snap.Leads, err = db.Leads(ctx, orgID, store.Range{}); return },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return snap, wrap(err)
		}
	}
	return snap, nil
}

// analyseOrg loads and analyses an organisation in lang, as of now.
// Call it from a goroutine: it reads the whole organisation.
func analyseOrg(ctx context.Context, db snapshotStore, orgID int64, lang locale.Lang, now time.Time) (*analysis.Analysis, error) {
	snap, err := loadSnapshot(ctx, db, orgID)
	if err != nil {
		return nil, err
	}
	snap.AsOf = now
	return analysis.Analyse(ctx, snap, lang)
}

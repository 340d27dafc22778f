package app

import (
	"context"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/analysis"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/store"
	"github.com/revopsdx/revopsdx/usecase"
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

// snapshotStore loads everything the analysis of one organisation needs.
type snapshotStore interface {
	LoadSnapshot(ctx context.Context, orgID int64) (analysis.Snapshot, error)
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

// analyseOrg loads and analyses an organisation in lang, as of now.
// Call it from a goroutine: it reads the whole organisation.
func analyseOrg(ctx context.Context, db snapshotStore, orgID int64, lang locale.Lang, now time.Time) (*analysis.Analysis, error) {
	snap, err := usecase.LoadForAnalysis(ctx, db, orgID)
	if err != nil {
		return nil, err
	}
	snap.AsOf = now
	if ps, ok := db.(usecase.PipelineStore); ok { // close-date slippage for the rules (issue 18)
		if snap.Slippage, err = usecase.LastSlippage(ctx, ps, orgID); err != nil {
			return nil, err
		}
	}
	return analysis.Analyse(ctx, snap, lang)
}

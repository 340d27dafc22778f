package app

import (
	"context"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/store"
	"github.com/revopsdx/revopsdx/usecase"
)

// orgStore is what the start screen needs from the database.
type orgStore interface {
	Orgs(ctx context.Context) ([]store.OrgSummary, error)
	Org(ctx context.Context, id int64) (store.Org, error)
	CreateOrg(ctx context.Context, p diagnostic.Profile) (store.Org, error)
	UpdateOrg(ctx context.Context, id int64, p diagnostic.Profile) error
	ImportEngagement(ctx context.Context, file string, opts store.ImportOptions) (store.Org, error)
}

// answerStore is what the diagnostic and results screens need: the latest
// assessment, its respondents, and saving each answer as it is given.
type answerStore interface {
	LatestAssessment(ctx context.Context, orgID int64) (diagnostic.Assessment, error)
	CreateAssessment(ctx context.Context, a diagnostic.Assessment) (diagnostic.Assessment, error)
	AddRespondent(ctx context.Context, assessmentID int64, r diagnostic.Respondent) (int64, error)
	UpdateRespondent(ctx context.Context, r diagnostic.Respondent) error
	SetAnswer(ctx context.Context, respondentID int64, question string, a diagnostic.Answer) error
	SetContext(ctx context.Context, id int64, c diagnostic.Context) error
	SetCoverage(ctx context.Context, id int64, kpi string, c diagnostic.KPICoverage) error
	SetScore(ctx context.Context, id int64, score *float64) error
}

// backend is the whole of what the GUI uses from the store; *store.Store
// satisfies it, and tests may pass a real store in t.TempDir().
type backend interface {
	resultsStore
	orgStore
	answerStore
	planStore
	snapshotStore
	recStore
	installStore
	commentStore
	usecase.PipelineStore // dated deals snapshots: the report's pipeline pages
	Close() error
}

var _ backend = (*store.Store)(nil)

// DemoLoader creates (or recreates) the demo organisation in the database
// and returns it. Options.Demo is the hook for it: while it is nil the
// start screen's "open the demo" button is disabled with a note.
type DemoLoader func(ctx context.Context, s *store.Store) (store.Org, error)

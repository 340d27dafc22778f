package app

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/analysis"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/store"
	"github.com/revopsdx/revopsdx/usecase"
)

// resultsStore is what the results and a new assessment need beyond the
// answers: the organisation's whole snapshot for the analysis, and the
// status of an assessment.
type resultsStore interface {
	LoadSnapshot(ctx context.Context, orgID int64) (analysis.Snapshot, error)
	SetAssessmentStatus(ctx context.Context, id int64, st diagnostic.AssessmentStatus) error
}

var _ resultsStore = (*store.Store)(nil)

// analyseLatest loads the organisation's snapshot, analyses it as of now in
// lang (latest and previous assessments, their change, KPIs,
// recommendations) and stores the latest overall score for the start
// screen's list. It is the one place the results come from; call it off
// the UI goroutine. An organisation without an assessment is
// diagnostic.ErrNotFound.
func analyseLatest(ctx context.Context, db backend, orgID int64, lang locale.Lang) (*analysis.Analysis, error) {
	start := time.Now()
	a, err := usecase.AnalyseOrg(ctx, db, orgID, lang, time.Now())
	if err != nil {
		return nil, err
	}
	// How long a large organisation takes to open, for support and for
	// the scale figures (docs/BENCHMARKS-scale.md).
	log.Printf("analysed organisation %d in %s", orgID, time.Since(start).Round(time.Millisecond))
	if a.Assessment == nil {
		return nil, fmt.Errorf("organisation %d has no assessment: %w", orgID, diagnostic.ErrNotFound)
	}
	if err := db.SetScore(ctx, a.Assessment.ID, a.Result.Overall.Score); err != nil {
		return nil, err
	}
	return a, nil
}

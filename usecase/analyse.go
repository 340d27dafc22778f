package usecase

import (
	"context"
	"fmt"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic/analysis"
	"github.com/revopsdx/revopsdx/diagnostic/diagnosis"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// SnapshotLoader is the store's view the analysis needs (*store.Store, or
// the GUI's backend).
type SnapshotLoader interface {
	LoadSnapshot(ctx context.Context, orgID int64) (analysis.Snapshot, error)
}

// AnalyseOrg loads an organisation's data and analyses it as of asOf in
// lang: scores, KPIs, recommendations.
func AnalyseOrg(ctx context.Context, l SnapshotLoader, orgID int64, lang locale.Lang, asOf time.Time) (*analysis.Analysis, error) {
	snap, err := l.LoadSnapshot(ctx, orgID)
	if err != nil {
		return nil, fmt.Errorf("loading organisation %d: %w", orgID, err)
	}
	snap.AsOf = asOf.UTC()
	if sl, ok := l.(snapshotLister); ok {
		if snap.Slippage, err = lastSlippage(ctx, sl, orgID); err != nil {
			return nil, fmt.Errorf("organisation %d: close-date slippage: %w", orgID, err)
		}
	}
	return analysis.Analyse(ctx, snap, lang)
}

// DiagnoseOrg is AnalyseOrg followed by the synthesis of the analysis.
func DiagnoseOrg(ctx context.Context, l SnapshotLoader, orgID int64, lang locale.Lang, asOf time.Time) (*analysis.Analysis, *diagnosis.Diagnosis, error) {
	a, err := AnalyseOrg(ctx, l, orgID, lang, asOf)
	if err != nil {
		return nil, nil, err
	}
	d, err := diagnosis.Diagnose(a)
	return a, d, err
}

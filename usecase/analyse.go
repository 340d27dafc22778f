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

// AnalysisLoader is a SnapshotLoader that can also load an organisation
// for analysis only, its deals in compact form (*store.Store:
// LoadAnalysisSnapshot); the analysis is the same, a large organisation
// loads in a fraction of the time and memory.
type AnalysisLoader interface {
	SnapshotLoader
	LoadAnalysisSnapshot(ctx context.Context, orgID int64) (analysis.Snapshot, error)
}

// LoadForAnalysis loads what the analysis of an organisation needs: the
// compact snapshot when l can load it, else the whole snapshot.
func LoadForAnalysis(ctx context.Context, l SnapshotLoader, orgID int64) (analysis.Snapshot, error) {
	defer collectMore()()
	if al, ok := l.(AnalysisLoader); ok {
		return al.LoadAnalysisSnapshot(ctx, orgID)
	}
	return l.LoadSnapshot(ctx, orgID)
}

// AnalyseOrg loads an organisation's data (LoadForAnalysis) and analyses
// it as of asOf in lang: scores, KPIs, recommendations.
func AnalyseOrg(ctx context.Context, l SnapshotLoader, orgID int64, lang locale.Lang, asOf time.Time) (*analysis.Analysis, error) {
	snap, err := LoadForAnalysis(ctx, l, orgID)
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

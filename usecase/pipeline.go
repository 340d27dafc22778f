package usecase

import (
	"context"
	"fmt"
	"time"

	"github.com/revopsdx/revopsdx/charts"
	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/analysis"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/pipeline"
	"github.com/revopsdx/revopsdx/diagnostic/report"
	"github.com/revopsdx/revopsdx/diagnostic/report/chartset"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// PipelineStore is what pipeline movement needs from the store
// (*store.Store; the GUI's backend holds one).
type PipelineStore interface {
	Org(ctx context.Context, id int64) (store.Org, error)
	snapshotLister
}

// LoadPipelineSnapshot loads the deals snapshot the organisation had on
// date: the one of that day, else the latest before it.
func LoadPipelineSnapshot(ctx context.Context, s PipelineStore, orgID int64, date time.Time) (pipeline.Snapshot, error) {
	list, err := s.SnapshotDates(ctx, orgID)
	if err != nil {
		return pipeline.Snapshot{}, err
	}
	var sn store.Snapshot
	for i := len(list) - 1; i >= 0; i-- {
		if !list[i].AsOf.After(date) {
			sn = list[i]
			break
		}
	}
	if sn.ImportID == 0 {
		return pipeline.Snapshot{}, fmt.Errorf("no deals snapshot on or before %s: %w", date.Format("2006-01-02"), diagnostic.ErrNotFound)
	}
	deals, err := s.SnapshotDeals(ctx, orgID, sn.ImportID)
	if err != nil {
		return pipeline.Snapshot{}, fmt.Errorf("snapshot of %s: %w", sn.AsOf.Format("2006-01-02"), err)
	}
	return pipeline.Snapshot{AsOf: sn.AsOf, MatchKey: sn.MatchKey, Deals: deals}, nil
}

// PipelineDiff compares the organisation's pipeline snapshots on from and
// to (each the snapshot of that day, else the latest before it), in the
// organisation's currency. Two dates that fall on the same snapshot are
// refused, naming it.
func PipelineDiff(ctx context.Context, s PipelineStore, orgID int64, from, to time.Time) (pipeline.Diff, error) {
	if !from.Before(to) {
		return pipeline.Diff{}, fmt.Errorf("--from (%s) must be before --to (%s): %w", from.Format("2006-01-02"), to.Format("2006-01-02"), diagnostic.ErrInvalid)
	}
	org, err := s.Org(ctx, orgID)
	if err != nil {
		return pipeline.Diff{}, err
	}
	a, err := LoadPipelineSnapshot(ctx, s, orgID, from)
	if err != nil {
		return pipeline.Diff{}, fmt.Errorf("start of the comparison: %w", err)
	}
	b, err := LoadPipelineSnapshot(ctx, s, orgID, to)
	if err != nil {
		return pipeline.Diff{}, fmt.Errorf("end of the comparison: %w", err)
	}
	if a.AsOf.Equal(b.AsOf) {
		return pipeline.Diff{}, fmt.Errorf("%s and %s both fall on the snapshot of %s; import a deals export dated between them: %w",
			from.Format("2006-01-02"), to.Format("2006-01-02"), a.AsOf.Format("2006-01-02"), diagnostic.ErrNotFound)
	}
	d, err := pipeline.Compute(a, b)
	d.Currency = org.Currency
	return d, err
}

// LatestPipelineDiff compares the organisation's last two snapshots; ok is
// false when it has fewer than two (the report then leaves the section
// out).
func LatestPipelineDiff(ctx context.Context, s PipelineStore, orgID int64) (pipeline.Diff, bool, error) {
	list, err := s.SnapshotDates(ctx, orgID)
	if err != nil || len(list) < 2 {
		return pipeline.Diff{}, false, err
	}
	d, err := PipelineDiff(ctx, s, orgID, list[len(list)-2].AsOf, list[len(list)-1].AsOf)
	return d, err == nil, err
}

// ReportPipeline is the report's pipeline-movement pages for an
// organisation: the last two snapshots compared, with the waterfall drawn
// for print (light theme, at the report charts' scale); nil when it has
// fewer than two snapshots.
func ReportPipeline(ctx context.Context, s PipelineStore, orgID int64, lang locale.Lang) (*report.PipelineMovement, error) {
	d, ok, err := LatestPipelineDiff(ctx, s, orgID)
	if err != nil || !ok {
		return nil, err
	}
	o := charts.Options{Width: int(860 * chartset.ReportScale), Height: int(480 * chartset.ReportScale), DPI: 96 * chartset.ReportScale,
		Lang: lang, Currency: d.Currency, Format: charts.PNG}
	img, err := charts.Waterfall(chartset.Waterfall(d, lang), o)
	if err != nil {
		return nil, fmt.Errorf("drawing the pipeline waterfall for the report: %w", err)
	}
	return &report.PipelineMovement{Diff: d, Chart: img}, nil
}

// LoadPipelineSnapshots loads every deals snapshot of the organisation,
// oldest first, with its deals.
func LoadPipelineSnapshots(ctx context.Context, s *store.Store, orgID int64) ([]pipeline.Snapshot, error) {
	list, err := s.SnapshotDates(ctx, orgID)
	if err != nil {
		return nil, err
	}
	out := make([]pipeline.Snapshot, 0, len(list))
	for _, sn := range list {
		deals, err := s.SnapshotDeals(ctx, orgID, sn.ImportID)
		if err != nil {
			return nil, fmt.Errorf("snapshot of %s: %w", sn.AsOf.Format("2006-01-02"), err)
		}
		out = append(out, pipeline.Snapshot{AsOf: sn.AsOf, MatchKey: sn.MatchKey, Deals: deals})
	}
	return out, nil
}

// StageFunnel is the stage funnel of the organisation's consecutive
// snapshots (two at least); order gives the stages' order, else it is read
// from the moves.
func StageFunnel(ctx context.Context, s *store.Store, orgID int64, order []string) (pipeline.StageFunnel, error) {
	snaps, err := LoadPipelineSnapshots(ctx, s, orgID)
	if err != nil {
		return pipeline.StageFunnel{}, err
	}
	if len(snaps) < 2 {
		return pipeline.StageFunnel{}, fmt.Errorf("a stage funnel needs two deals snapshots or more, there are %d; import deals exports of other dates (import --as-of): %w", len(snaps), diagnostic.ErrNotFound)
	}
	return pipeline.FunnelByStage(snaps, order), nil
}

// ForecastAccuracy is the organisation's forecast accuracy by month, from
// its snapshots and its deals as the latest data has them.
func ForecastAccuracy(ctx context.Context, s *store.Store, orgID int64) (pipeline.Forecast, error) {
	snaps, err := LoadPipelineSnapshots(ctx, s, orgID)
	if err != nil {
		return pipeline.Forecast{}, err
	}
	if len(snaps) == 0 {
		return pipeline.Forecast{}, fmt.Errorf("forecast accuracy needs deals snapshots; import deals exports dated at month ends (import --as-of): %w", diagnostic.ErrNotFound)
	}
	deals, err := s.Deals(ctx, orgID, store.Range{})
	if err != nil {
		return pipeline.Forecast{}, err
	}
	return pipeline.ForecastAccuracy(snaps, deals, snaps[len(snaps)-1].AsOf), nil
}

// snapshotLister is the part of the store that reads dated deals
// snapshots; AnalyseOrg uses it when its loader has it.
type snapshotLister interface {
	SnapshotDates(ctx context.Context, orgID int64) ([]store.Snapshot, error)
	SnapshotDeals(ctx context.Context, orgID, importID int64) ([]diagnostic.Deal, error)
}

// LastSlippage is the close-date slippage between the organisation's last
// two snapshots, nil with fewer: what analysis.Snapshot.Slippage holds.
func LastSlippage(ctx context.Context, s PipelineStore, orgID int64) (*pipeline.Slippage, error) {
	return lastSlippage(ctx, s, orgID)
}

// lastSlippage is LastSlippage over the snapshot methods alone.
func lastSlippage(ctx context.Context, s snapshotLister, orgID int64) (*pipeline.Slippage, error) {
	list, err := s.SnapshotDates(ctx, orgID)
	if err != nil || len(list) < 2 {
		return nil, err
	}
	var two []pipeline.Snapshot
	for _, sn := range list[len(list)-2:] {
		deals, err := s.SnapshotDeals(ctx, orgID, sn.ImportID)
		if err != nil {
			return nil, err
		}
		two = append(two, pipeline.Snapshot{AsOf: sn.AsOf, MatchKey: sn.MatchKey, Deals: deals})
	}
	return analysis.PipelineSlippage(two)
}

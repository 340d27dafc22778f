package usecase

import (
	"context"
	"fmt"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic/analysis"
	"github.com/revopsdx/revopsdx/diagnostic/report"
	"github.com/revopsdx/revopsdx/diagnostic/report/chartset"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// ReportStore is the store's view the report needs beside the analysis
// (*store.Store, or the GUI's backend): the consultant from the settings,
// the consultant's decisions about recommendations and the comments on
// sections.
type ReportStore interface {
	Settings(ctx context.Context) (store.Settings, error)
	RecStates(ctx context.Context, orgID int64) ([]store.RecState, error)
	Comments(ctx context.Context, orgID int64) (map[string]string, error)
}

// ReportMeta is everything the report takes beside the analysis, the same
// for the GUI's report screen and the report command: the consultant's
// name and logo, the date (now), the chart hook, the consultant's
// decisions (Meta.Decisions) and section comments (Meta.Comments).
func ReportMeta(ctx context.Context, s ReportStore, orgID int64, a *analysis.Analysis, now time.Time) (report.Meta, error) {
	st, err := s.Settings(ctx)
	if err != nil {
		return report.Meta{}, fmt.Errorf("report of organisation %d: %w", orgID, err)
	}
	states, err := s.RecStates(ctx, orgID)
	if err != nil {
		return report.Meta{}, fmt.Errorf("report of organisation %d: %w", orgID, err)
	}
	comments, err := s.Comments(ctx, orgID)
	if err != nil {
		return report.Meta{}, fmt.Errorf("report of organisation %d: %w", orgID, err)
	}
	decisions := make(map[string]report.Decision, len(states))
	for _, rs := range states {
		decisions[rs.RuleID] = report.Decision{Status: string(rs.Status), Owner: rs.Owner, Due: rs.Due, Note: rs.Note}
	}
	return report.Meta{
		Consultant: report.Consultant{Name: st.ConsultantName, Logo: st.Logo},
		Date:       now.UTC(),
		Charts:     chartset.ForReport(a),
		Decisions:  decisions,
		Comments:   comments,
	}, nil
}

// ReportDataStore is what ReportData reads: the report's store view and
// the dated deals snapshots behind the pipeline-movement pages.
type ReportDataStore interface {
	ReportStore
	PipelineStore
}

// ReportData is the report's whole view model for an analysed
// organisation, the one path of the GUI's report screen and the report
// command: ReportMeta, charts in format, report.FromAnalysis and the
// pipeline-movement pages (nil below two snapshots). meta is applied to
// the Meta before rendering (paper size, say); it may be nil.
func ReportData(ctx context.Context, s ReportDataStore, orgID int64, a *analysis.Analysis, now time.Time, format report.ChartFormat, meta func(*report.Meta)) (report.Data, error) {
	m, err := ReportMeta(ctx, s, orgID, a, now)
	if err != nil {
		return report.Data{}, err
	}
	m.ChartFormat = format
	if meta != nil {
		meta(&m)
	}
	data, err := report.FromAnalysis(a, m)
	if err != nil {
		return report.Data{}, fmt.Errorf("report of organisation %d: %w", orgID, err)
	}
	if data.Pipeline, err = ReportPipeline(ctx, s, orgID, a.Lang); err != nil {
		return report.Data{}, fmt.Errorf("report of organisation %d: pipeline movement: %w", orgID, err)
	}
	return data, nil
}

package usecase

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/report"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// TestReportMeta: the report's meta carries the consultant from the
// settings, every stored decision and every section comment, so the GUI
// and the report command print the same report.
func TestReportMeta(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(t.TempDir(), "u.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err := EnsureDemo(ctx, s, false, asOf)
	if err != nil {
		t.Fatal(err)
	}
	id := res.Org.ID
	if err := s.SaveSettings(ctx, store.Settings{ConsultantName: "Marta Gil", DefaultLanguage: locale.ES}); err != nil {
		t.Fatal(err)
	}
	a, err := AnalyseOrg(ctx, s, id, locale.ES, asOf)
	if err != nil {
		t.Fatal(err)
	}
	top := a.Recommendations[0].ID
	if err := s.SetRecState(ctx, id, store.RecState{RuleID: top, Status: store.RecAccepted, Owner: "Ana", Note: "EMEA first"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetComment(ctx, id, report.SectionKPIs, "Datos de octubre incompletos."); err != nil {
		t.Fatal(err)
	}
	meta, err := ReportMeta(ctx, s, id, a, asOf)
	if err != nil {
		t.Fatal(err)
	}
	if meta.Consultant.Name != "Marta Gil" || !meta.Date.Equal(asOf) || meta.Charts == nil {
		t.Errorf("meta %+v", meta)
	}
	if d := meta.Decisions[top]; d.Status != report.DecisionAccepted || d.Owner != "Ana" || d.Note != "EMEA first" {
		t.Errorf("decision of %s: %+v", top, d)
	}
	if meta.Comments[report.SectionKPIs] != "Datos de octubre incompletos." {
		t.Errorf("comments %q", meta.Comments)
	}
	data, err := report.FromAnalysis(a, meta)
	if err != nil || data.Recommendations[0].Assignee != "Ana" || data.Comments[report.SectionKPIs] == "" {
		t.Errorf("report data: %v, first %+v", err, data.Recommendations[0])
	}
}

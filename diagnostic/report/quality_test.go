package report

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic/analysis"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// TestAppendixDataQuality: deals without amount planted in the demo's
// records show in the appendix, counted, with the KPIs they touch, in the
// report's language.
func TestAppendixDataQuality(t *testing.T) {
	snap := analysis.DemoSnapshot(demoAsOf)
	for i := range 20 {
		snap.Deals[i].Amount = 0
	}
	a, err := analysis.Analyse(context.Background(), snap, locale.ES)
	if err != nil {
		t.Fatal(err)
	}
	d, err := FromAnalysis(a, Meta{})
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(d.Appendix.Quality, func(q QualityRow) bool { return q.Code == kpi.QDealNoAmount })
	if i < 0 {
		t.Fatalf("appendix quality %+v", d.Appendix.Quality)
	}
	q := d.Appendix.Quality[i]
	if q.Count < 20 || q.Total != len(snap.Deals) || len(q.KPIs) == 0 {
		t.Errorf("row %+v", q)
	}
	text := pdfText(t, renderTo(t, "quality_es.pdf", d, Options{Sections: []string{SectionAppendix}}), 0, 0)
	for _, s := range []string{"Calidad de los datos", "Oportunidades sin importe"} {
		if !strings.Contains(text, s) {
			t.Errorf("appendix lacks %q", s)
		}
	}
}

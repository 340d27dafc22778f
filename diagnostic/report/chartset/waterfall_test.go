package chartset

import (
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/pipeline"
)

// TestWaterfallSteps: the chart's steps walk from the start to the end.
func TestWaterfallSteps(t *testing.T) {
	day := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	a := pipeline.Snapshot{AsOf: day("2026-01-31"), Deals: []diagnostic.Deal{
		{ExternalID: "1", Status: diagnostic.DealOpen, Amount: 10000}, {ExternalID: "2", Status: diagnostic.DealOpen, Amount: 4000},
		{ExternalID: "3", Status: diagnostic.DealOpen, Amount: 2000}, {ExternalID: "4", Status: diagnostic.DealOpen, Amount: 1000}}}
	b := pipeline.Snapshot{AsOf: day("2026-02-28"), Deals: []diagnostic.Deal{
		{ExternalID: "1", Status: diagnostic.DealWon, Amount: 10000, Closed: day("2026-02-10")}, {ExternalID: "2", Status: diagnostic.DealOpen, Amount: 5000},
		{ExternalID: "3", Status: diagnostic.DealLost, Amount: 2000, Closed: day("2026-02-11")}, {ExternalID: "5", Status: diagnostic.DealOpen, Amount: 3000}}}
	d, err := pipeline.Compute(a, b)
	if err != nil {
		t.Fatal(err)
	}
	w := Waterfall(d, locale.EN)
	run := *w.Start
	for _, s := range w.Steps {
		run += s.Delta
	}
	// 17,000 + 3,000 new + 1,000 up − 10,000 won − 2,000 lost − 1,000 removed = 8,000.
	if run != *w.End || *w.End != 8000 || *w.Start != 17000 || len(w.Steps) != 6 || w.Steps[3].Label != "Won" || !w.Steps[3].Good || w.Steps[3].Delta != -10000 {
		t.Errorf("steps %+v end at %v, want 8000", w.Steps, run)
	}
}

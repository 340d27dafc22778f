package report

import (
	"strings"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/pipeline"
)

// TestPipelineMovementPages: with two snapshots' diff the report prints the
// movement table and slippage after the KPI scorecard (left out with the
// KPI section, and without a diff).
func TestPipelineMovementPages(t *testing.T) {
	needPoppler(t)
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	a := pipeline.Snapshot{AsOf: day("2026-01-31"), MatchKey: diagnostic.MatchRecordID, Deals: []diagnostic.Deal{
		{ExternalID: "1", Status: diagnostic.DealOpen, Amount: 1000, ExpectedClose: day("2026-02-10")},
		{ExternalID: "2", Status: diagnostic.DealOpen, Amount: 500, ExpectedClose: day("2026-03-10")},
	}}
	b := pipeline.Snapshot{AsOf: day("2026-02-28"), MatchKey: diagnostic.MatchRecordID, Deals: []diagnostic.Deal{
		{ExternalID: "1", Status: diagnostic.DealWon, Amount: 1000, Closed: day("2026-02-12")},
		{ExternalID: "2", Status: diagnostic.DealOpen, Amount: 700, ExpectedClose: day("2026-04-10")},
	}}
	diff, err := pipeline.Compute(a, b)
	if err != nil {
		t.Fatal(err)
	}
	diff.Currency = "EUR"
	data := sampleData(locale.EN)
	data.Pipeline = &PipelineMovement{Diff: diff, Chart: samplePNG(860, 480, 3)}
	text := pdfText(t, renderTo(t, "pipeline.pdf", data, Options{}), 0, 0)
	for _, want := range []string{"Pipeline movement", "Open pipeline at the start 2 €1,500", "Won 1 €1,000", "Amount increased 1 €200",
		"Open pipeline at the end 1 €700", "Pushed: 1 of 1 deals open at both dates", "Not enough data for a verdict"} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in the report", want)
		}
	}
	text = pdfText(t, renderTo(t, "no-kpis.pdf", data, Options{Sections: []string{SectionSummary}}), 0, 0)
	if strings.Contains(text, "Pipeline movement") {
		t.Error("pipeline movement printed without the KPI section")
	}
}

package chartset

import (
	"context"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic/analysis"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/report"
)

// BenchmarkAnalyseDemo is the analysis step of `report` on the demo.
func BenchmarkAnalyseDemo(b *testing.B) {
	snap := analysis.DemoSnapshot(asOf)
	for b.Loop() {
		if _, err := analysis.Analyse(context.Background(), snap, locale.ES); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReportChartsDemo is the chart step of `report` on the demo:
// report.FromAnalysis with ForReport drawing every chart it asks for.
func BenchmarkReportChartsDemo(b *testing.B) {
	a, err := analysis.Analyse(context.Background(), analysis.DemoSnapshot(asOf), locale.ES)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := report.FromAnalysis(a, report.Meta{Charts: ForReport(a)}); err != nil {
			b.Fatal(err)
		}
	}
}

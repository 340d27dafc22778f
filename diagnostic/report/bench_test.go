package report

import (
	"context"
	"io"
	"path/filepath"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// BenchmarkRenderSample renders the full sample report (10 pages, 11
// chart images) in Spanish. Target: under 1 s per report.
func BenchmarkRenderSample(b *testing.B) {
	data := sampleData(locale.ES)
	for b.Loop() {
		if err := Render(context.Background(), io.Discard, data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderMinimal renders the one-respondent organisation.
func BenchmarkRenderMinimal(b *testing.B) {
	data := minimalData()
	for b.Loop() {
		if err := Render(context.Background(), io.Discard, data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteCSVDir writes the five CSV tables of the sample export.
func BenchmarkWriteCSVDir(b *testing.B) {
	e := sampleExport()
	dir := filepath.Join(b.TempDir(), "export")
	for b.Loop() {
		if err := WriteCSVDir(dir, e); err != nil {
			b.Fatal(err)
		}
	}
}

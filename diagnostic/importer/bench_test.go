package importer

import (
	"context"
	"os"
	"syscall"
	"testing"
)

// BenchmarkImportDeals1M streams a generated 1,000,000-row deals CSV
// (about 80 MB, written to b.TempDir) into a counting sink and reports
// rows/s and the process's peak RSS.
func BenchmarkImportDeals1M(b *testing.B) {
	const rows = 1_000_000
	p := writeDeals(b, b.TempDir(), rows)
	st, err := os.Stat(p)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Size())
	b.ResetTimer()
	for b.Loop() {
		var sink countSink
		s, err := Import(context.Background(), p, Options{}, &sink)
		if err != nil {
			b.Fatal(err)
		}
		if sink.n != rows || s.RowsImported != rows {
			b.Fatalf("imported %d", sink.n)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err == nil {
		b.ReportMetric(float64(ru.Maxrss)/1024, "peakRSS_MB") // Maxrss is in KiB on Linux
	}
	b.ReportMetric(float64(st.Size())/1e6, "file_MB")
}

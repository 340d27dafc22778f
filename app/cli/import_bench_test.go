package cli

import (
	"bufio"
	"context"
	"fmt"
	"github.com/revopsdx/revopsdx/usecase"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/importer"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

const benchDeals = 1_000_000

// writeBenchDeals writes n generated deals (about 80 bytes a row) as a CRM
// export with a header row.
func writeBenchDeals(tb testing.TB, path string, n int) {
	tb.Helper()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fmt.Fprintln(w, "Deal ID,Deal Name,Stage,Amount,Currency,Create Date,Close Date,Owner,Source,Pipeline")
	stages := []string{"Closed Won", "Closed Lost", "Negotiation", "Prospecting"}
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		created := base.AddDate(0, 0, i%1500)
		closed := ""
		if i%4 < 2 {
			closed = created.AddDate(0, 0, 10+i%90).Format("2006-01-02")
		}
		fmt.Fprintf(w, "D%08d,Deal %d,%s,%d.%02d,EUR,%s,%s,Owner %d,Web,Main\n",
			i, i, stages[i%4], 100+i%100000, i%100, created.Format("2006-01-02"), closed, i%50)
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
}

// peakRSSMB reads the process's peak resident set (VmHWM) in MB, or -1.
func peakRSSMB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return -1
}

// BenchmarkImportDeals1MIntoStore imports a generated 1,000,000-row deals
// CSV (about 80 MB) end to end: detection, parsing, validation, the store's
// single transaction and closing the database, as `revopsdx import` does. In the same run it
// times the sqlite3 command-line tool's .import of the same file into a
// typed table, and reports both speeds, their ratio and the peak RSS.
func BenchmarkImportDeals1MIntoStore(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	csv := filepath.Join(dir, "deals.csv")
	writeBenchDeals(b, csv, benchDeals)
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) // reset VmHWM where allowed
	cli, cliErr := exec.LookPath("sqlite3")

	var ours, theirs time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, err := store.Open(ctx, filepath.Join(b.TempDir(), "bench.db"), store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		o, err := s.CreateOrg(ctx, diagnostic.Profile{Name: "Bench", Currency: "EUR", Language: "en"})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		sum, err := usecase.ImportIntoStore(ctx, s, o.ID, csv, importer.Options{}, false)
		// Closing checkpoints the log into the database file, as sqlite3
		// does when it exits: both timings include it.
		cerr := s.Close()
		ours += time.Since(start)
		b.StopTimer()
		if err != nil || cerr != nil {
			b.Fatal(err, cerr)
		}
		if sum.RowsImported != benchDeals {
			b.Fatalf("imported %d rows, want %d", sum.RowsImported, benchDeals)
		}
		if cliErr == nil {
			theirs += sqliteImport(b, cli, csv)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(benchDeals*b.N)/ours.Seconds(), "rows/s")
	b.ReportMetric(peakRSSMB(), "peak-RSS-MB")
	if cliErr != nil {
		b.Logf("sqlite3 not installed (%v): no comparison", cliErr)
		return
	}
	b.ReportMetric(float64(benchDeals*b.N)/theirs.Seconds(), "sqlite3-rows/s")
	b.ReportMetric(theirs.Seconds()/ours.Seconds(), "speed-vs-sqlite3")
}

// sqliteImport times `sqlite3 .import` of the CSV into a fresh database
// with a typed deals table (WAL, synchronous=FULL, like ours).
func sqliteImport(b *testing.B, cli, csv string) time.Duration {
	db := filepath.Join(b.TempDir(), "cli.db")
	schema := `PRAGMA journal_mode=WAL;
CREATE TABLE deals (external_id TEXT NOT NULL, name TEXT, stage TEXT, amount REAL NOT NULL, currency TEXT,
  created TEXT, closed TEXT, owner TEXT, source TEXT, pipeline TEXT);`
	if out, err := exec.Command(cli, db, schema).CombinedOutput(); err != nil {
		b.Fatalf("sqlite3 schema: %v %s", err, out)
	}
	start := time.Now()
	cmd := exec.Command(cli, db)
	cmd.Stdin = strings.NewReader("PRAGMA synchronous=FULL;\n.mode csv\n.import --skip 1 " + csv + " deals\n")
	if out, err := cmd.CombinedOutput(); err != nil || len(out) > 0 {
		b.Fatalf("sqlite3 .import: %v %s", err, out)
	}
	d := time.Since(start)
	out, _ := exec.Command(cli, db, "SELECT count(*) FROM deals").Output()
	if n := strings.TrimSpace(string(out)); n != strconv.Itoa(benchDeals) {
		b.Fatalf("sqlite3 imported %s rows", n)
	}
	return d
}

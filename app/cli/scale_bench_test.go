package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/analysis"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// scaleDB writes a database holding the demo organisation with 1,000,000
// generated deals instead of its own (five years, a quarter won, a quarter
// lost, half open; cycles of 10–99 days), named "Big", and returns its
// path. With sqlite3 on PATH it also writes, with the sqlite3 shell, a
// reference database of the same deals in a typed table (ref, else "").
// It takes several seconds: it is the set-up of the scale benchmarks
// (docs/BENCHMARKS-scale.md), not timed.
func scaleDB(b *testing.B, cli string) (path, ref string) {
	b.Helper()
	ctx := context.Background()
	path = filepath.Join(b.TempDir(), "big.db")
	s, err := store.Open(ctx, path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	snap, err := analysis.LoadDemo(time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC))
	if err != nil {
		b.Fatal(err)
	}
	snap.Profile.Name = "Big"
	snap.Deals = make([]diagnostic.Deal, benchDeals)
	start := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)
	statuses := []diagnostic.DealStatus{diagnostic.DealWon, diagnostic.DealLost, diagnostic.DealOpen, diagnostic.DealOpen}
	for i := range snap.Deals {
		d := diagnostic.Deal{ExternalID: fmt.Sprintf("D%08d", i), Name: fmt.Sprint("Deal ", i), Status: statuses[i%4],
			Amount: float64(100+(i*7919)%100000) + float64(i%100)/100, Currency: "EUR", Created: start.AddDate(0, 0, (i*31)%1826),
			Owner: fmt.Sprint("Owner ", i%50), Source: "Web", Pipeline: "Main"}
		if d.Status != diagnostic.DealOpen {
			d.Closed = d.Created.AddDate(0, 0, 10+i%90)
		}
		snap.Deals[i] = d
	}
	if _, err := s.SaveSnapshot(ctx, snap, store.SaveOptions{}); err != nil {
		b.Fatal(err)
	}
	if cli != "" {
		ref = referenceDB(b, cli, snap.Deals)
	}
	return path, ref
}

// referenceDB writes deals into a typed table of a new database with the
// sqlite3 shell (a CSV and .import) and returns its path.
func referenceDB(b *testing.B, cli string, deals []diagnostic.Deal) string {
	b.Helper()
	dir := b.TempDir()
	csv, db := filepath.Join(dir, "deals.csv"), filepath.Join(dir, "ref.db")
	var buf bytes.Buffer
	for _, d := range deals {
		closed := ""
		if !d.Closed.IsZero() {
			closed = d.Closed.Format(time.RFC3339)
		}
		fmt.Fprintf(&buf, "%s,%s,%g,%s,%s\n", d.ExternalID, d.Status, d.Amount, d.Created.Format(time.RFC3339), closed)
	}
	if err := os.WriteFile(csv, buf.Bytes(), 0o600); err != nil {
		b.Fatal(err)
	}
	cmd := exec.Command(cli, db)
	cmd.Stdin = strings.NewReader("CREATE TABLE deals(external_id TEXT, status TEXT, amount REAL, created TEXT, closed TEXT);\n.mode csv\n.import " + csv + " deals\n")
	if out, err := cmd.CombinedOutput(); err != nil || len(out) > 0 {
		b.Fatalf("sqlite3 reference database: %v %s", err, out)
	}
	return db
}

// runScale runs one command against db in this process, as the binary
// would (opening the database, its integrity check included).
func runScale(b *testing.B, db string, args ...string) {
	var out, errb bytes.Buffer
	env := Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb}
	if code := Main(context.Background(), append([]string{"--db", db}, args...), env, nil); code != ExitOK {
		b.Fatalf("%v: %d %s", args, code, errb.String())
	}
}

// sqliteMonthly times the sqlite3 command-line tool computing, from the
// reference database of the same deals (scaleDB), the monthly deal figures (deals won and lost per close
// month, their amounts): the C engine's bare aggregation over every row,
// the yardstick of an analysis that reads every deal.
func sqliteMonthly(b *testing.B, cli, db string) time.Duration {
	start := time.Now()
	out, err := exec.Command(cli, "-readonly", db, `SELECT substr(closed, 1, 7), status, count(*), sum(amount) FROM deals GROUP BY 1, 2`).CombinedOutput()
	if err != nil || len(out) == 0 {
		b.Fatalf("sqlite3: %v %s", err, out)
	}
	return time.Since(start)
}

// benchScale times a command on the 1,000,000-deal organisation and, in
// the same run, sqlite3's monthly aggregation of the same deals; it
// reports seconds per command, the ratio (sqlite3's time ÷ ours: above 1
// means faster than sqlite3 scanning the deals) and the peak RSS.
func benchScale(b *testing.B, args ...string) {
	cli, cliErr := exec.LookPath("sqlite3")
	db, ref := scaleDB(b, cli)
	runScale(b, db, args...) // warm the page cache
	// The set-up held a million records: drop them and restart the peak.
	debug.FreeOSMemory()
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
	var ours, theirs time.Duration
	for b.Loop() {
		start := time.Now()
		runScale(b, db, args...)
		ours += time.Since(start)
		if cliErr == nil {
			b.StopTimer()
			theirs += sqliteMonthly(b, cli, ref)
			b.StartTimer()
		}
	}
	b.ReportMetric(ours.Seconds()/float64(b.N), "s/command")
	b.ReportMetric(peakRSSMB(), "peak-RSS-MB")
	if cliErr != nil {
		b.Logf("sqlite3 not installed (%v): no comparison", cliErr)
		return
	}
	b.ReportMetric(theirs.Seconds()/float64(b.N), "sqlite3-s")
	b.ReportMetric(theirs.Seconds()/ours.Seconds(), "speed-vs-sqlite3")
}

// BenchmarkKPIs1M: `revopsdx kpis --org Big --json` on 1,000,000 deals.
// Target (issue 21): under 1.5 s and 300 MB, whole process.
func BenchmarkKPIs1M(b *testing.B) { benchScale(b, "kpis", "--org", "Big", "--json") }

// BenchmarkReport1M: `revopsdx report --org Big` on 1,000,000 deals.
// Target (issue 21): under 2.5 s and 300 MB, whole process.
func BenchmarkReport1M(b *testing.B) {
	benchScale(b, "report", "--org", "Big", "--out", filepath.Join(b.TempDir(), "big.pdf"))
}

package store

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// BenchmarkAnswerCommit measures committing one answer (autosave), with
// synchronous=FULL, and reports the 50th and 99th percentiles.
func BenchmarkAnswerCommit(b *testing.B) {
	ctx := context.Background()
	s := newTestStore(b)
	o := mustOrg(b, s, "Bench")
	a, err := s.CreateAssessment(ctx, diagnostic.Assessment{OrgID: o.ID, Language: "es",
		Respondents: []diagnostic.Respondent{{Name: "R", Department: diagnostic.DeptSales}}})
	if err != nil {
		b.Fatal(err)
	}
	rid := a.Respondents[0].ID
	times := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		if err := s.SetAnswer(ctx, rid, fmt.Sprintf("q%d", i%30), diagnostic.Answer{Value: i%5 + 1}); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	b.StopTimer()
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(times[len(times)*99/100].Microseconds())/1000, "p99-ms")
}

// bulkRows is the size of the bulk-insert benchmark: 1,000 metrics × 1,000
// months of one organisation.
const bulkRows = 1_000_000

func bulkRow(i int) (metric string, m diagnostic.Month, v float64) {
	return fmt.Sprintf("m%03d", i/1000), diagnostic.Month{Year: 1950, Month: time.January}.Add(i % 1000), float64(i) * 0.5
}

// BenchmarkBulkInsert1M imports 1,000,000 KPI rows in one transaction
// through ImportWriter and, when the sqlite3 command-line tool is
// installed, times its .import of the same rows as CSV into a table of the
// same definition (primary key and indexes), reporting both speeds and
// their ratio.
func BenchmarkBulkInsert1M(b *testing.B) {
	ctx := context.Background()
	cli, cliErr := exec.LookPath("sqlite3")
	csv := filepath.Join(b.TempDir(), "rows.csv")
	if cliErr == nil {
		writeBulkCSV(b, csv)
	}
	var ours, theirs time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s := newTestStore(b)
		o := mustOrg(b, s, "Bench")
		b.StartTimer()
		start := time.Now()
		_, err := s.Import(ctx, o.ID, ImportRecord{FileName: "rows.csv", SHA256: sha('e'), Kind: KindKPITable}, func(w *ImportWriter) error {
			for r := 0; r < bulkRows; r++ {
				metric, m, v := bulkRow(r)
				if err := w.AddObservation(diagnostic.Observation{Metric: metric, Month: m, Value: v}); err != nil {
					return err
				}
			}
			return nil
		})
		ours += time.Since(start)
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		if cliErr == nil {
			theirs += cliImport(b, cli, csv)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(bulkRows)*float64(b.N)/ours.Seconds(), "rows/s")
	if cliErr != nil {
		b.Logf("sqlite3 not installed (%v): no comparison", cliErr)
		return
	}
	cliRate := float64(bulkRows) * float64(b.N) / theirs.Seconds()
	b.ReportMetric(cliRate, "sqlite3-rows/s")
	b.ReportMetric(theirs.Seconds()/ours.Seconds(), "ratio-vs-sqlite3")
}

// writeBulkCSV writes the benchmark rows as the CSV sqlite3 imports.
func writeBulkCSV(b *testing.B, path string) {
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	for r := 0; r < bulkRows; r++ {
		metric, m, v := bulkRow(r)
		fmt.Fprintf(w, "1,%s,%s,%g,import,1\n", metric, m, v)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	f.Close()
}

// cliImport times `sqlite3 DB .import` of the CSV into a fresh database
// whose observations table has the same columns, types, primary key and
// indexes as ours (WAL and synchronous=FULL like ours too).
func cliImport(b *testing.B, cli, csv string) time.Duration {
	db := filepath.Join(b.TempDir(), "cli.db")
	schema := `PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;
CREATE TABLE observations (org_id INTEGER NOT NULL, metric TEXT NOT NULL, period TEXT NOT NULL, value REAL NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('manual', 'derived', 'import')), import_id INTEGER,
  PRIMARY KEY (org_id, metric, period)) WITHOUT ROWID;
CREATE INDEX observations_import ON observations(import_id) WHERE import_id IS NOT NULL;`
	if out, err := exec.Command(cli, db, schema).CombinedOutput(); err != nil {
		b.Fatalf("sqlite3 schema: %v %s", err, out)
	}
	start := time.Now()
	cmd := exec.Command(cli, db)
	cmd.Stdin = strings.NewReader("PRAGMA synchronous=FULL;\n.mode csv\n.import " + csv + " observations\n")
	if out, err := cmd.CombinedOutput(); err != nil || len(out) > 0 {
		b.Fatalf("sqlite3 .import: %v %s", err, out)
	}
	d := time.Since(start)
	var n string
	out, _ := exec.Command(cli, db, "SELECT count(*) FROM observations").Output()
	if n = strings.TrimSpace(string(out)); n != fmt.Sprint(bulkRows) {
		b.Fatalf("sqlite3 imported %s rows", n)
	}
	return d
}

// make100MB builds a database of about 100 MB (355,000 deals).
func make100MB(b *testing.B) string { return makeDeals(b, 355_000) }

// makeDeals builds a database with one organisation and n deals.
func makeDeals(b *testing.B, n int) string {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "big.db")
	s, err := Open(ctx, path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	o := mustOrg(b, s, "Big")
	_, err = s.Import(ctx, o.ID, ImportRecord{FileName: "deals.csv", SHA256: sha('f'), Kind: KindDeals}, func(w *ImportWriter) error {
		base := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
		for i := 0; i < n; i++ {
			if err := w.AddDeal(diagnostic.Deal{ExternalID: fmt.Sprintf("DEAL-%08d", i), Name: fmt.Sprintf("Opportunity number %d for a customer", i),
				Stage: "Closed Won", Status: diagnostic.DealWon, Amount: float64(i%9000) + 0.5, Currency: "EUR",
				Created: base.Add(time.Duration(i) * time.Minute), Closed: base.Add(time.Duration(i)*time.Minute + 72*time.Hour),
				Owner: "Owner " + fmt.Sprint(i%40), Source: "Inbound", Pipeline: "Main"}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkOpen100MB opens (and closes) a database of about 100 MB: checks
// of the file, schema version, pragmas, first query. No start-up backup
// (in real use one is taken at most once a day: see BenchmarkBackup100MB).
func BenchmarkOpen100MB(b *testing.B) {
	ctx := context.Background()
	path := make100MB(b)
	st, _ := os.Stat(path)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s, err := Open(ctx, path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Orgs(ctx); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
	b.ReportMetric(float64(st.Size())/1e6, "MB")
}

// BenchmarkBackup100MB times one backup (VACUUM INTO) of a 100 MB
// database: the cost of the daily start-up backup and of `revopsdx backup`.
func BenchmarkBackup100MB(b *testing.B) {
	ctx := context.Background()
	path := make100MB(b)
	s, err := Open(ctx, path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	dir := b.TempDir()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := s.Backup(ctx, filepath.Join(dir, fmt.Sprintf("b%d.db", i))); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkQuickCheck times the integrity check run before the first write
// of each run, before a backup and on a file to restore (checkIntegrity,
// PRAGMA quick_check), on databases of 355,000 and 1,000,000 deals. The
// figures are in docs/STORE.md.
func BenchmarkQuickCheck(b *testing.B) {
	for _, n := range []int{355_000, 1_000_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			path := makeDeals(b, n)
			st, _ := os.Stat(path)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := checkIntegrity(context.Background(), path); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(st.Size())/1e6, "MB")
		})
	}
}

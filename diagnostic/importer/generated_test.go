package importer

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/importer/numparse"
)

// writeDeals writes n generated deal rows to a CSV in dir and returns its
// path. Amounts have two decimals; dates are ISO.
func writeDeals(tb testing.TB, dir string, n int) string {
	tb.Helper()
	p := filepath.Join(dir, "deals.csv")
	f, err := os.Create(p)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fmt.Fprintln(w, "Deal ID,Deal Name,Stage,Amount,Currency,Create Date,Close Date,Owner,Source,Pipeline")
	stages := []string{"Closed Won", "Closed Lost", "Negotiation", "Prospecting"}
	for i := range n {
		st := stages[i%4]
		created := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%1500)
		closed := ""
		if i%4 < 2 {
			closed = created.AddDate(0, 0, 10+i%90).Format("2006-01-02")
		}
		fmt.Fprintf(w, "D%08d,Deal %d,%s,%d.%02d,EUR,%s,%s,Owner %d,Web,Main\n",
			i, i, st, 100+i%100000, i%100, created.Format("2006-01-02"), closed, i%50)
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	return p
}

func TestNULAndHugeFieldLaterInFile(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("Deal ID,Stage,Amount\n")
	for i := range 1000 {
		fmt.Fprintf(&b, "D%d,Won,%d\n", i, i)
	}
	b.WriteString("X1,Won\x00,5\n")                                  // row 1002: NUL
	b.WriteString("X2," + strings.Repeat("a", maxField+10) + ",5\n") // row 1003: over 1 MB
	b.WriteString("X3,Won,7\n")
	p := filepath.Join(dir, "late.csv")
	if err := os.WriteFile(p, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	var m countSink
	_, err := Import(context.Background(), p, Options{}, &m)
	var pe *ProblemsError
	if !errors.As(err, &pe) || pe.Count != 2 {
		t.Fatalf("err = %v", err)
	}
	if pe.Problems[0].Row != 1002 || !strings.Contains(pe.Problems[0].Reason, "NUL") ||
		pe.Problems[1].Row != 1003 || !strings.Contains(pe.Problems[1].Reason, "over 1 MB") {
		t.Errorf("problems %+v", pe.Problems)
	}
}

// TestDateOrderFromWholeColumn: the first 2,500 rows allow both D/M and
// M/D; only the last row (13/01) shows day first.
func TestDateOrderFromWholeColumn(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("Deal ID,Stage,Amount,Created\n")
	for i := range 2500 {
		fmt.Fprintf(&b, "D%d,Won,1,%d/%d/2024\n", i, 1+i%12, 1+i%12)
	}
	b.WriteString("Z,Won,1,13/01/2024\n")
	p := filepath.Join(dir, "late_day.csv")
	if err := os.WriteFile(p, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	var m memSink
	s, err := Import(context.Background(), p, Options{DateOrder: "mdy"}, &m)
	if err != nil {
		t.Fatal(err)
	}
	if s.DateFormat != "D/M/YYYY" || !m.deals[len(m.deals)-1].Created.Equal(day(2024, 1, 13)) {
		t.Errorf("date format %q, last %v", s.DateFormat, m.deals[len(m.deals)-1].Created)
	}
}

func TestProgressAndCancel(t *testing.T) {
	p := writeDeals(t, t.TempDir(), 200000)
	var mu sync.Mutex
	var calls []Progress
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var m countSink
	_, err := Import(ctx, p, Options{ProgressEvery: 5 * time.Millisecond, Progress: func(pr Progress) {
		mu.Lock()
		calls = append(calls, pr)
		mu.Unlock()
		if pr.Rows > 20000 {
			cancel()
		}
	}}, &m)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want cancelled", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(calls) < 2 || !calls[len(calls)-1].Done || calls[len(calls)-1].Rows >= 200000 {
		t.Errorf("progress calls %d, last %+v", len(calls), calls[len(calls)-1])
	}
	// Uncancelled, the same file imports completely.
	s, err := Import(context.Background(), p, Options{}, &m)
	if err != nil || s.RowsImported != 200000 || s.Statuses[diagnostic.DealWon] != 50000 {
		t.Errorf("err %v imported %d won %d", err, s.RowsImported, s.Statuses[diagnostic.DealWon])
	}
}

// TestRealINENumbers reads the INE value columns through the number
// detector: decimal commas (119,942; -0,3) and thousands dots (14.654.495).
func TestRealINENumbers(t *testing.T) {
	cases := []struct {
		file   string
		format numparse.Format
		values map[int]float64 // row index (0 = first data row) → value
	}{
		{"ine_50902_ipc_mensual_es.csv", numparse.CommaDot, map[int]float64{0: 119.942, 1: 119.532}},
		{"ine_72956_gasto_hogares_ccaa_es.csv", numparse.CommaDot, map[int]float64{0: 14654495, 2239: 939647000}},
	}
	for _, c := range cases {
		f, err := os.Open(realFile(t, c.file))
		if err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(decodeReader(f, EncUTF8BOM))
		r.Comma = ';'
		rows, err := r.ReadAll()
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		var d numparse.Detector
		for _, row := range rows[1:] {
			d.Add(row[3])
		}
		got, decided := d.Format('.')
		if got != c.format || !decided || !d.Clean() || d.NotNumbers() != 0 {
			t.Errorf("%s: format %v decided %v clean %v not numbers %d", c.file, got, decided, d.Clean(), d.NotNumbers())
		}
		for i, want := range c.values {
			n, err := numparse.Parse(rows[1+i][3], got)
			if err != nil || n.Value != want {
				t.Errorf("%s row %d: %q = %v (%v), want %v", c.file, i, rows[1+i][3], n.Value, err, want)
			}
		}
		// Every value parses; the variation rows hold negatives such as -0,3.
		neg := 0
		for _, row := range rows[1:] {
			n, err := numparse.Parse(row[3], got)
			if err != nil {
				t.Fatalf("%s: %q: %v", c.file, row[3], err)
			}
			if n.Value < 0 {
				neg++
			}
		}
		if c.file == "ine_50902_ipc_mensual_es.csv" && neg == 0 {
			t.Errorf("no negative variation read")
		}
	}
}

// FuzzReadCSV feeds arbitrary bytes through detection and import: no panic,
// and either an error or counts that add up.
func FuzzReadCSV(f *testing.F) {
	for _, name := range []string{"semicolon_commas.csv", "hubspot_deals.csv", "kpis_long.csv", "salesforce_opportunities.csv", "deals_problems.csv", "excel_unicode_text_deals.txt"} {
		b, err := os.ReadFile(fixture(name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("a;b\n\"x\ny\";1\n"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(dir, "fuzz.csv")
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		var m countSink
		s, err := Import(context.Background(), p, Options{SkipInvalid: true}, &m)
		if err != nil {
			return
		}
		if s.RowsImported+s.RowsRejected != s.RowsRead && s.Kind != KPIs {
			t.Fatalf("read %d ≠ imported %d + rejected %d", s.RowsRead, s.RowsImported, s.RowsRejected)
		}
	})
}

// TestForecastCategoryColumn: HubSpot's and Salesforce's "Forecast
// category" column, and a Spanish one, is read into Deal.ForecastCategory
// as written; a file without it leaves the category empty.
func TestForecastCategoryColumn(t *testing.T) {
	for _, header := range []string{"Forecast category", "Forecast Category", "Categoría de previsión"} {
		p := filepath.Join(t.TempDir(), "deals.csv")
		body := "Record ID,Deal Stage,Amount,Create Date,Close Date," + header + "\n1,Contract sent,100,2026-01-05,2026-02-10,Commit\n2,Closed won,200,2026-01-05,2026-01-20,\n"
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		var m memSink
		if _, err := Import(context.Background(), p, Options{}, &m); err != nil {
			t.Fatal(err)
		}
		if len(m.deals) != 2 || m.deals[0].ForecastCategory != "Commit" || m.deals[1].ForecastCategory != "" {
			t.Errorf("%q: %+v", header, m.deals)
		}
	}
}

package importer

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// bounded runs fn and fails when it allocates more than maxMB in all or
// takes more than 10 s: the hostile files of issue 20 (a million commas on
// one line, a 200 MB shared string, a huge header) must stay well inside
// the 200 MB RSS and 10 s the issue sets for the real-size cases.
func bounded(t *testing.T, what string, maxMB uint64, fn func()) {
	t.Helper()
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	start := time.Now()
	fn()
	took := time.Since(start)
	runtime.ReadMemStats(&m1)
	alloc := (m1.TotalAlloc - m0.TotalAlloc) >> 20
	t.Logf("%s: %v, %d MB allocated", what, took.Round(time.Millisecond), alloc)
	if alloc > maxMB || took > 10*time.Second {
		t.Errorf("%s: %v and %d MB allocated, want under 10 s and %d MB", what, took, alloc, maxMB)
	}
}

// TestHostileCommas: a 1 MB line of a million commas, as the header or as
// a data row, is refused as a row with too many columns, naming the row.
func TestHostileCommas(t *testing.T) {
	dir := t.TempDir()
	commas := strings.Repeat(",", 1<<20)
	for _, c := range []struct{ name, body, want string }{
		{"header.csv", commas + "\n1,2,2024-01-01\n", "row 1 (the header): a row with more than 2000 columns"},
		{"row.csv", "id,amount,created\n" + commas + "\n1,2,2024-01-01\n", "row 2: a row with more than 2000 columns"},
	} {
		p := filepath.Join(dir, c.name)
		os.WriteFile(p, []byte(c.body), 0o600)
		var err error
		bounded(t, c.name, 40, func() { _, err = Detect(p) })
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
}

// TestHostileSharedString: a workbook whose shared string is longer than
// the limit (2 MB here, proportional to the 200 MB) is refused
// before excelize reads it, with a short message.
func TestHostileSharedString(t *testing.T) {
	dir := t.TempDir()
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "id")
	f.SetCellValue("Sheet1", "B1", "LONGMARK")
	f.SetCellValue("Sheet1", "A2", 1)
	f.SetCellValue("Sheet1", "B2", 2)
	small := filepath.Join(dir, "small.xlsx")
	if err := f.SaveAs(small); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.xlsx")
	rewriteZip(t, small, big, "xl/sharedStrings.xml", func(b []byte) []byte {
		return bytes.Replace(b, []byte("LONGMARK"), bytes.Repeat([]byte("x"), 2<<20), 1)
	})
	var err error
	bounded(t, "2 MB shared string", 40, func() { _, err = Detect(big) })
	if err == nil || !strings.Contains(err.Error(), "longer than 1 MB") || len(err.Error()) > 300 {
		t.Errorf("big shared string: %.400v", err)
	}
	if _, err := Detect(small); err != nil && strings.Contains(err.Error(), "longer than") {
		t.Errorf("the small workbook was refused: %v", err)
	}
}

// TestHostileHeaderNotEchoed: a header cell of 900 KB is cut in messages
// (the detection keeps it whole: mappings name columns by header).
func TestHostileHeaderNotEchoed(t *testing.T) {
	p := filepath.Join(t.TempDir(), "h.csv")
	huge := strings.Repeat("H", 900<<10)
	os.WriteFile(p, []byte(huge+","+huge+"\n1,2\n"), 0o600)
	var err error
	var d Detection
	bounded(t, "900 KB header", 120, func() { d, err = Detect(p) })
	if err == nil {
		t.Fatal("two identical huge headers were accepted")
	}
	if len(err.Error()) > 2000 {
		t.Errorf("message of %d bytes", len(err.Error()))
	}
	var fe *FileError
	if errors.As(err, &fe) {
		for _, l := range []locale.Lang{locale.ES, locale.EN} {
			if n := len(fe.Text(l)); n > 2000 {
				t.Errorf("%s message of %d bytes", l, n)
			}
		}
	}
	_ = d
}

// rewriteZip copies the zip src to dst with the entry name changed by fn.
func rewriteZip(t *testing.T, src, dst, name string, fn func([]byte) []byte) {
	t.Helper()
	zr, err := zip.OpenReader(src)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	out, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	zw := zip.NewWriter(out)
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == name {
			b = fn(b)
		}
		w, _ := zw.Create(f.Name)
		w.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestImplausibleDates: typo years (1024, 2204), year 0001 and dates more
// than five years ahead are row problems naming the row, not dates that
// stretch the organisation's data over centuries.
func TestImplausibleDates(t *testing.T) {
	p := filepath.Join(t.TempDir(), "deals.csv")
	os.WriteFile(p, []byte("Deal ID,Amount,Created,Close Date,Stage\n"+
		"D1,100,2024-01-10,2024-02-10,Closed Won\n"+
		"D2,100,1024-01-10,2024-02-10,Closed Won\n"+
		"D3,100,2024-01-10,2204-02-10,Closed Won\n"+
		"D4,100,0001-01-01,2024-02-10,Closed Won\n"+
		"D5,100,2024-01-10,2031-07-01,Closed Won\n"+
		"D6,100,1990-01-01,2031-05-31,Closed Won\n"), 0o600)
	now := func() time.Time { return time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC) }
	var m memSink
	_, err := Import(context.Background(), p, Options{Now: now}, &m)
	var pe *ProblemsError
	if !errors.As(err, &pe) {
		t.Fatalf("err = %v, want a ProblemsError", err)
	}
	var rows []int
	for _, pr := range pe.Problems {
		if pr.Code != "implausible_date" {
			t.Errorf("row %d: %s", pr.Row, pr.Reason)
		}
		rows = append(rows, pr.Row)
	}
	if fmt.Sprint(rows) != "[3 4 5 6]" {
		t.Errorf("problems on rows %v, want [3 4 5 6]: %v", rows, pe.Lines())
	}
}

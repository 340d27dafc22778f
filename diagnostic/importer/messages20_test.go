package importer

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

// TestMessagesSayWhatIsWrong: the misleading messages of issue 20 item 8,
// each made true.
func TestMessagesSayWhatIsWrong(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	deals := "Deal ID,Amount,Created,Close Date,Stage\nD1,100,2024-01-10,2024-02-10,Closed Won\nD2,200,2024-01-11,2024-02-11,Closed Won\n"

	// One NUL byte: the row is named, not "a binary file".
	nul := write("nul.csv", []byte(strings.Replace(deals, "D2", "D\x002", 1)))
	var m memSink
	_, err := Import(context.Background(), nul, Options{}, &m)
	var pe *ProblemsError
	if !errors.As(err, &pe) || len(pe.Problems) != 1 || pe.Problems[0].Row != 3 || pe.Problems[0].Code != "nul_byte" {
		t.Errorf("one NUL byte: %v", err)
	}

	// CR-only line ends: read as lines.
	cr := write("cr.csv", []byte(strings.ReplaceAll(deals, "\n", "\r")))
	m = memSink{}
	if s, err := Import(context.Background(), cr, Options{}, &m); err != nil || s.RowsImported != 2 {
		t.Errorf("CR-only line ends: %+v %v", s.RowsImported, err)
	}

	// An unclosed quote: the row that has it, not "no data rows".
	q := write("quote.csv", []byte("Deal ID,Amount,Created,Close Date,Stage\nD1,\"100,2024-01-10,2024-02-10,Closed Won\nD2,200,2024-01-11,2024-02-11,Closed Won\n"))
	if _, err := Detect(q); err == nil || !strings.Contains(err.Error(), "row 2") || !strings.Contains(err.Error(), "never closed") {
		t.Errorf("unclosed quote: %v", err)
	}

	// UTF-16 without a byte-order mark, both byte orders: read, not binary.
	for _, le := range []bool{true, false} {
		var b []byte
		for _, u := range utf16.Encode([]rune(deals)) {
			if le {
				b = append(b, byte(u), byte(u>>8))
			} else {
				b = append(b, byte(u>>8), byte(u))
			}
		}
		p := write("utf16.csv", b)
		m = memSink{}
		if s, err := Import(context.Background(), p, Options{}, &m); err != nil || s.RowsImported != 2 {
			t.Errorf("UTF-16 (little-endian %v) without BOM: %d rows, %v", le, s.RowsImported, err)
		}
	}

	// A real binary file is still one.
	bin := make([]byte, 4096)
	for i := range bin {
		bin[i] = byte(i * 7)
	}
	if _, err := Detect(write("x.csv", bin)); err == nil || !strings.Contains(err.Error(), "binary") {
		t.Errorf("binary: %v", err)
	}
}

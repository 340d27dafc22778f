package importer

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// TestOrganisationStages: an organisation's own vocabulary wins over the
// built-in one and the preset's.
func TestOrganisationStages(t *testing.T) {
	s, m := importFixture(t, "hubspot_deals.csv", Options{Stages: map[string]diagnostic.DealStatus{
		"appointment scheduled": diagnostic.DealLost, // normalised like headers
		"Closed Won":            diagnostic.DealWon,
	}})
	if s.Statuses[diagnostic.DealLost] != 2 || s.Statuses[diagnostic.DealOpen] != 0 || m.deals[2].Status != diagnostic.DealLost {
		t.Errorf("statuses %v", s.Statuses)
	}
	// A stage nobody knows is read as open and flagged in the summary.
	s, _ = importFixture(t, "semicolon_commas.csv", Options{})
	for _, st := range s.Stages {
		if !st.Known {
			t.Errorf("stage %q unknown", st.Stage)
		}
	}
}

func TestProblemCapAndCallback(t *testing.T) {
	var all []Problem
	var m countSink
	s, err := Import(context.Background(), fixture("deals_problems.csv"), Options{MaxProblems: 2, SkipInvalid: true, OnProblem: func(p Problem) { all = append(all, p) }}, &m)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Problems) != 2 || s.ProblemCount != 7 || len(all) != 7 || m.n != 3 {
		t.Errorf("listed %d counted %d callback %d imported %d", len(s.Problems), s.ProblemCount, len(all), m.n)
	}
}

// failingSink fails on the second record, as a full disk would.
type failingSink struct{ countSink }

var errDisk = errors.New("disk full")

func (f *failingSink) Deal(d diagnostic.Deal) error {
	if f.n == 1 {
		return errDisk
	}
	return f.countSink.Deal(d)
}

func TestSinkErrorStopsImport(t *testing.T) {
	var f failingSink
	_, err := Import(context.Background(), fixture("hubspot_deals.csv"), Options{}, &f)
	if !errors.Is(err, errDisk) || f.n != 1 {
		t.Errorf("err %v after %d records", err, f.n)
	}
}

func TestEncodingEdges(t *testing.T) {
	dir := t.TempDir()
	// Windows-1252 euro sign (0x80), which ISO-8859-1 lacks.
	p := writeFile(t, dir, "euro.csv", "Mes;Ingresos\r\nene-24;1.000 \x80\r\nfeb-24;2.500,5 \x80\r\n")
	s, m := importPath(t, p)
	if s.Encoding != EncWindows1252 || s.Columns[1].Currency != "EUR" || m.observations[1].Value != 2500.5 {
		t.Errorf("encoding %s currency %q observations %+v", s.Encoding, s.Columns[1].Currency, m.observations)
	}
	// A BOM says UTF-8 even if a byte later is broken: it stays UTF-8.
	p = writeFile(t, dir, "bom.csv", "\xef\xbb\xbfMes,Ingresos\nene-24,10\nfeb-24,20 \xff\n")
	var c countSink
	d, _ := DetectWith(p, Options{})
	if d.Encoding != EncUTF8BOM || d.Columns[0].Header != "Mes" {
		t.Errorf("encoding %s header %q", d.Encoding, d.Columns[0].Header)
	}
	if _, err := Import(context.Background(), p, Options{}, &c); err == nil {
		t.Error("a broken value should be a problem")
	}
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func importPath(t *testing.T, p string) (Summary, *memSink) {
	t.Helper()
	var m memSink
	s, err := Import(context.Background(), p, Options{}, &m)
	if err != nil {
		t.Fatalf("Import(%s): %v", p, err)
	}
	return s, &m
}

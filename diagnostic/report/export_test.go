package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// sampleExport holds a few rows per table, with accents and cells that try
// to inject formulas.
func sampleExport() Export {
	return Export{
		Organisation:   "Nubéntica Software, S.L.",
		AssessmentDate: Date{time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)},
		GeneratedAt:    time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC),
		Answers: []AnswerRecord{
			{Respondent: "María José Núñez", Department: diagnostic.DeptLeadership, Question: "obj_written", Pillar: "objectives", Value: 4},
			{Respondent: "Íñigo Peña", Department: diagnostic.DeptSales, Question: "obj_written", Pillar: "objectives", Value: diagnostic.NA, Note: `=HYPERLINK("http://x","¡clic!")`},
		},
		Scores: []ScoreRecord{
			{Pillar: "", Score: f64(47.6), Basis: 0.93, Level: 3},
			{Pillar: "data_tools", Score: nil, Basis: 0.3},
		},
		KPIValues: []KPIValueRecord{
			{KPI: "mrr", Period: diagnostic.Month{Year: 2026, Month: 10}, Value: 184250.5, Unit: diagnostic.UnitMoney, Currency: "EUR", Source: "typed"},
			{KPI: "revenue_growth", Period: diagnostic.Month{Year: 2026, Month: 10}, Value: -0.035, Unit: diagnostic.UnitPercent, Source: "+ventas.xlsx"},
		},
		Plan: []PlanRecord{
			{KPI: "win_rate", Owner: "@Íñigo", Cadence: diagnostic.CadenceMonthly, Target: f64(0.22), TargetBy: &diagnostic.Month{Year: 2027, Month: 3}},
			{KPI: "nps", Owner: "Éxito del cliente", Retired: true},
		},
		Recommendations: []RecommendationRecord{
			{Rank: 1, ID: "win_rate_low", Text: "Define con marketing qué es un lead preparado para ventas", Team: "sales", HorizonDays: 30, Priority: 6.5,
				Evidence: "-3 puntos frente a la mediana; \"HubSpot\" 2023", Status: "accepted"},
			{Rank: 2, ID: "tab", Text: "\tcmd", Team: "revops", HorizonDays: 90, Priority: 1, Evidence: "\r=1+1"},
		},
	}
}

func TestEscapeCSV(t *testing.T) {
	tests := []struct{ in, want string }{
		{"=1+1", "'=1+1"},
		{"+34 600 000 000", "'+34 600 000 000"},
		{"-3 puntos", "'-3 puntos"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tcmd", "'\tcmd"},
		{"\r=1", "'\r=1"},
		{"  =1", "'  =1"}, // a formula behind spaces is escaped too
		{"Éxito del cliente", "Éxito del cliente"},
		{"a=b", "a=b"}, // only the first character matters
		{"", ""},
	}
	for _, tt := range tests {
		if got := EscapeCSV(tt.in); got != tt.want {
			t.Errorf("EscapeCSV(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestWriteCSVDir writes the five tables and reads them back: BOM first,
// header, one row per record, every text cell safe, accents intact.
func TestWriteCSVDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "export")
	if err := WriteCSVDir(dir, sampleExport()); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(allCSVFiles) {
		t.Fatalf("%d files, want %d", len(entries), len(allCSVFiles))
	}
	wantRows := map[string]int{"answers.csv": 2, "scores.csv": 2, "kpi_values.csv": 2, "plan.csv": 2, "recommendations.csv": 2}
	for _, name := range allCSVFiles {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) {
			t.Errorf("%s has no UTF-8 BOM", name)
		}
		recs, err := csv.NewReader(bytes.NewReader(b[3:])).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(recs)-1 != wantRows[name] {
			t.Errorf("%s: %d rows, want %d", name, len(recs)-1, wantRows[name])
		}
		for i, r := range recs {
			for j, c := range r {
				if c != "" && strings.ContainsAny(c[:1], "=+@\t\r") {
					t.Errorf("%s row %d col %d starts with a formula character: %q", name, i, j, c)
				}
				// A leading "-" is allowed only in a number.
				if strings.HasPrefix(c, "-") && !isNumber(c) {
					t.Errorf("%s row %d col %d: unescaped %q", name, i, j, c)
				}
			}
		}
	}
	read := func(name string) [][]string {
		b, _ := os.ReadFile(filepath.Join(dir, name))
		r, _ := csv.NewReader(bytes.NewReader(b[3:])).ReadAll()
		return r
	}
	ans := read("answers.csv")
	if got := ans[1][0]; got != "María José Núñez" {
		t.Errorf("accented name read back as %q", got)
	}
	if got := ans[2][5]; got != `'=HYPERLINK("http://x","¡clic!")` {
		t.Errorf("formula note read back as %q", got)
	}
	if got := ans[2][4]; got != "0" {
		t.Errorf("N/A answer written as %q, want 0", got)
	}
	sc := read("scores.csv")
	if sc[1][1] != "47.6" || sc[2][1] != "" || sc[2][0] != "data_tools" {
		t.Errorf("scores read back as %q", sc)
	}
	kv := read("kpi_values.csv")
	if kv[1][2] != "184250.5" || kv[2][2] != "-0.035" || kv[2][5] != "'+ventas.xlsx" || kv[1][1] != "2026-10" {
		t.Errorf("KPI values read back as %q", kv)
	}
	pl := read("plan.csv")
	if pl[1][1] != "'@Íñigo" || pl[1][3] != "0.22" || pl[1][4] != "2027-03" || pl[2][3] != "" || pl[2][4] != "" || pl[2][5] != "true" {
		t.Errorf("plan read back as %q", pl)
	}
	rc := read("recommendations.csv")
	if rc[1][6] != `'-3 puntos frente a la mediana; "HubSpot" 2023` || rc[2][2] != "'\tcmd" || rc[2][6] != "'\r=1+1" {
		t.Errorf("recommendations read back as %q", rc)
	}
}

// TestCSVGolden pins the exact bytes of one table: BOM, quoted text,
// bare numbers, CRLF line ends.
func TestCSVGolden(t *testing.T) {
	want, err := os.ReadFile("testdata/plan.golden.csv")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := writeCSV(&b, csvTables(sampleExport())[3]); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("plan.csv:\n%q\nwant:\n%q", b.String(), want)
	}
}

func isNumber(s string) bool {
	for i, r := range s {
		if !(r >= '0' && r <= '9' || r == '.' || r == '-' && i == 0) {
			return false
		}
	}
	return true
}

// TestWriteJSON writes one document and reads it back unchanged.
func TestWriteJSON(t *testing.T) {
	path := filepath.Join(t.TempDir(), "export.json")
	in := sampleExport()
	if err := WriteJSONFile(path, in); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`"format": "revopsdx-export"`, `"version": 1`, `"assessment_date": "2026-11-27"`, `"period": "2026-10"`, `"score": null`, "Nubéntica", `"target_by": "2027-03"`} {
		if !strings.Contains(string(b), s) {
			t.Errorf("JSON lacks %s", s)
		}
	}
	var out Export
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if out.Organisation != in.Organisation || !out.AssessmentDate.Equal(in.AssessmentDate.Time) || len(out.Answers) != 2 ||
		out.Answers[1].Note != in.Answers[1].Note || *out.Plan[0].Target != 0.22 || out.Recommendations[1].Text != "\tcmd" {
		t.Errorf("JSON round trip changed the data: %+v", out)
	}
	// An empty export has [] tables, not null.
	var e bytes.Buffer
	if err := WriteJSON(&e, Export{Organisation: "x"}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(e.String(), "null") || !strings.Contains(e.String(), `"answers": []`) {
		t.Errorf("empty export: %s", e.String())
	}
}

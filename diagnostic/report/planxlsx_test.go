package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// TestWritePlanXLSX writes a plan and reads it back: header in the
// language, one row per action, the status drop-down, the frozen header
// and owner-only permissions.
func TestWritePlanXLSX(t *testing.T) {
	for _, l := range []locale.Lang{locale.ES, locale.EN} {
		path := filepath.Join(t.TempDir(), "plan.xlsx")
		rows := []PlanRow{
			{ID: "win_rate_low", Action: "Forma al equipo 🚀 en cualificación", Why: "13,9 % frente a 29 %", KPI: "win_rate", Impact: f64(93000), Currency: "EUR", Owner: "Zoë Ibáñez", Due: "2027-01-15", Status: "accepted", Notes: "=EMEA first", Phase: "Primeros 30 días", Area: "Ventas"},
			{ID: "kpi_owner", Action: "Asigna un responsable", Status: "open"},
		}
		if err := WritePlanXLSX(path, l, rows); err != nil {
			t.Fatal(err)
		}
		if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o600 {
			t.Errorf("mode %v %v", st.Mode(), err)
		}
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		sheet := PlanSheet(l)
		got, err := f.GetRows(sheet)
		if err != nil || len(got) != 3 {
			t.Fatalf("%s: rows %v %v", l, got, err)
		}
		if got[0][1] != l.Pick("Acción", "Action") || got[1][0] != "win_rate_low" || got[1][6] != "Zoë Ibáñez" || got[1][7] != "2027-01-15" || got[1][8] != "accepted" || got[1][9] != "=EMEA first" || got[1][10] != "Primeros 30 días" || got[1][11] != "Ventas" || got[0][11] != l.Pick("Área responsable propuesta", "Proposed owning area") {
			t.Errorf("%s: %q", l, got[:2])
		}
		if v, _ := f.GetCellValue(sheet, "E2", excelize.Options{RawCellValue: true}); v != "93000" {
			t.Errorf("impact %q, want a number", v)
		}
		if formula, _ := f.GetCellFormula(sheet, "J2"); formula != "" {
			t.Errorf("a note became a formula: %q", formula)
		}
		dvs, err := f.GetDataValidations(sheet)
		if err != nil || len(dvs) != 1 || !strings.Contains(dvs[0].Formula1, "dismissed") || !strings.HasPrefix(dvs[0].Sqref, "I2:") {
			t.Errorf("status drop-down: %+v %v", dvs, err)
		}
		if p, err := f.GetPanes(sheet); err != nil || !p.Freeze || p.YSplit != 1 {
			t.Errorf("frozen header: %+v %v", p, err)
		}
		f.Close()
	}
}

// TestReadPlanXLSX edits a written plan and reads it back; a bad row fails
// the whole read, naming the row.
func TestReadPlanXLSX(t *testing.T) {
	path := filepath.Join(t.TempDir(), "plan.xlsx")
	rows := []PlanRow{{ID: "a", Action: "A", Status: "open"}, {ID: "b", Action: "B", Status: "open"}}
	if err := WritePlanXLSX(path, locale.EN, rows); err != nil {
		t.Fatal(err)
	}
	edit := func(cells map[string]string) string {
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for c, v := range cells {
			f.SetCellValue("Action plan", c, v)
		}
		out := filepath.Join(t.TempDir(), "edited.xlsx")
		if err := f.SaveAs(out); err != nil {
			t.Fatal(err)
		}
		return out
	}
	read := func(p string) ([]PlanEdit, error) {
		fh, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		defer fh.Close()
		return ReadPlanXLSX(fh, []string{"a", "b"})
	}
	got, err := read(edit(map[string]string{"G2": "Zoë", "H2": "2027-01-15", "I2": "accepted", "J2": "EMEA first"}))
	if err != nil || len(got) != 2 || got[0].Owner != "Zoë" || got[0].Due.Format("2006-01-02") != "2027-01-15" || got[0].Status != "accepted" || got[0].Notes != "EMEA first" {
		t.Fatalf("read %+v %v", got, err)
	}
	for cells, want := range map[*map[string]string]string{
		{"A3": "zzz"}:       "row 3: no recommendation \"zzz\"",
		{"I3": "maybe"}:     "row 3: status \"maybe\"",
		{"H2": "15/01/27"}:  "row 2: due date",
		{"A3": "a"}:         "row 3 repeats \"a\" of row 2",
		{"B1": "Something"}: "header row",
	} {
		if _, err := read(edit(*cells)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%v: %v, want %q", *cells, err, want)
		}
	}
}

// TestReadPlanXLSXOldHeader: a plan written before the time frame and
// proposed area columns were added (ten columns) is still read.
func TestReadPlanXLSXOldHeader(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	sheet := PlanSheet(locale.EN)
	f.SetSheetName("Sheet1", sheet)
	for i, h := range planHeader(locale.EN)[:planEditable] {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		f.SetCellValue(sheet, cell, h)
	}
	f.SetSheetRow(sheet, "A2", &[]any{"win_rate_low", "x", "", "", "", "", "Ana", "", "done", ""})
	path := filepath.Join(t.TempDir(), "old.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	r, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	got, err := ReadPlanXLSX(r, []string{"win_rate_low"})
	if err != nil || len(got) != 1 || got[0].Owner != "Ana" || got[0].Status != "done" {
		t.Errorf("old header: %+v %v", got, err)
	}
}

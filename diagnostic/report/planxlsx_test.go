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
			{ID: "win_rate_low", Action: "Forma al equipo 🚀 en cualificación", Why: "13,9 % frente a 29 %", KPI: "win_rate", Impact: f64(93000), Currency: "EUR", Owner: "Zoë Ibáñez", Due: "2027-01-15", Status: "accepted", Notes: "=EMEA first"},
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
		if got[0][1] != l.Pick("Acción", "Action") || got[1][0] != "win_rate_low" || got[1][6] != "Zoë Ibáñez" || got[1][7] != "2027-01-15" || got[1][8] != "accepted" || got[1][9] != "=EMEA first" {
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

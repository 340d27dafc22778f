package report

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// PlanRow is one action of the plan spreadsheet: the recommendation with
// the consultant's decision.
type PlanRow struct {
	ID       string   // recommendation rule id (the key import-plan matches on)
	Action   string   // what to do
	Why      string   // the evidence in numbers
	KPI      string   // the KPI or pillar it is about; optional
	Impact   *float64 // yearly money at stake; nil = no estimate
	Currency string   // ISO code of Impact
	Owner    string   // person who owns it; "" = to assign
	Due      string   // YYYY-MM-DD or ""
	Status   string   // open, accepted, dismissed or done
	Notes    string
	Phase    string // when it starts, in words ("Primeros 30 días", "Lo que conviene mantener"); read-only
	Area     string // who the diagnosis proposes to carry it: the client's department, a person or "to assign"; read-only
}

// PlanStatuses are the values of the spreadsheet's status drop-down.
var PlanStatuses = []string{"open", "accepted", "dismissed", "done"}

// planHeader is the spreadsheet's header row in each language.
func planHeader(l locale.Lang) []string {
	return []string{
		"id", l.Pick("Acción", "Action"), l.Pick("Por qué", "Why"), "KPI", l.Pick("Impacto anual", "Yearly impact"),
		l.Pick("Moneda", "Currency"), l.Pick("Responsable", "Owner"), l.Pick("Fecha límite (AAAA-MM-DD)", "Due (YYYY-MM-DD)"),
		l.Pick("Estado", "Status"), l.Pick("Notas", "Notes"),
		l.Pick("Plazo", "Time frame"), l.Pick("Área responsable propuesta", "Proposed owning area"),
	}
}

// planEditable is how many of the header's columns import-plan reads
// (id … notes); the time frame and proposed area after them are for
// reading. A sheet whose header has only these columns (written before
// the last two were added) is read too.
const planEditable = 10

// PlanSheet is the name of the plan's worksheet.
func PlanSheet(l locale.Lang) string { return l.Pick("Plan de acción", "Action plan") }

// WritePlanXLSX writes the plan as a spreadsheet the client's team works
// in: one row per action, a frozen header in language l, a drop-down list
// on the status column, wrapped text. The file is replaced atomically and
// readable by its owner only.
func WritePlanXLSX(path string, l locale.Lang, rows []PlanRow) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := PlanSheet(l)
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return fmt.Errorf("plan spreadsheet: %w", err)
	}
	set := func(col, row int, v any) error {
		cell, err := excelize.CoordinatesToCellName(col, row)
		if err != nil {
			return err
		}
		return f.SetCellValue(sheet, cell, v)
	}
	for i, h := range planHeader(l) {
		if err := set(i+1, 1, h); err != nil {
			return fmt.Errorf("plan spreadsheet header: %w", err)
		}
	}
	for r, p := range rows {
		var impact any = ""
		if p.Impact != nil {
			impact = *p.Impact
		}
		for c, v := range []any{p.ID, p.Action, p.Why, p.KPI, impact, p.Currency, p.Owner, p.Due, p.Status, p.Notes, p.Phase, p.Area} {
			if err := set(c+1, r+2, v); err != nil {
				return fmt.Errorf("plan spreadsheet row %d: %w", r+2, err)
			}
		}
	}
	last := len(rows) + 1
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(fmt.Sprintf("I2:I%d", max(last, 2)+500))
	if err := dv.SetDropList(PlanStatuses); err != nil {
		return fmt.Errorf("plan spreadsheet status list: %w", err)
	}
	if err := f.AddDataValidation(sheet, dv); err != nil {
		return fmt.Errorf("plan spreadsheet status list: %w", err)
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return fmt.Errorf("plan spreadsheet header: %w", err)
	}
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"163A6B"}}})
	if err != nil {
		return fmt.Errorf("plan spreadsheet style: %w", err)
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return fmt.Errorf("plan spreadsheet style: %w", err)
	}
	money, err := f.NewStyle(&excelize.Style{NumFmt: 3, Alignment: &excelize.Alignment{Vertical: "top"}}) // #,##0
	if err != nil {
		return fmt.Errorf("plan spreadsheet style: %w", err)
	}
	for _, s := range []struct {
		from, to string
		style    int
	}{{"A1", "L1", head}, {"A2", fmt.Sprintf("L%d", max(last, 2)), wrap}, {"E2", fmt.Sprintf("E%d", max(last, 2)), money}} {
		if err := f.SetCellStyle(sheet, s.from, s.to, s.style); err != nil {
			return fmt.Errorf("plan spreadsheet style: %w", err)
		}
	}
	for col, w := range map[string]float64{"A": 22, "B": 60, "C": 50, "D": 18, "E": 14, "F": 9, "G": 20, "H": 14, "I": 12, "J": 40, "K": 18, "L": 22} {
		if err := f.SetColWidth(sheet, col, col, w); err != nil {
			return fmt.Errorf("plan spreadsheet widths: %w", err)
		}
	}
	return writeAtomic(path, func(w io.Writer) error {
		_, err := f.WriteTo(w)
		return err
	})
}

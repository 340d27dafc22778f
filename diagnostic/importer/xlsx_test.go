package importer

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// TestXLSXFirstSheetWithDataAndTotals builds a workbook whose first sheet
// is empty and whose second holds KPI rows with real date cells, a TOTAL
// row and a dimension larger than the data.
func TestXLSXFirstSheetWithDataAndTotals(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	if _, err := f.NewSheet("Datos"); err != nil {
		t.Fatal(err)
	}
	style, err := f.NewStyle(&excelize.Style{NumFmt: 14}) // m/d/yyyy
	if err != nil {
		t.Fatal(err)
	}
	rows := [][]any{
		{"Mes", "Ingresos", "Nuevos clientes"},
		{time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), 1000.5, 3},
		{time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC), 1200, 4},
		{"TOTAL", 2200.5, 7},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Datos", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SetCellStyle("Datos", "A2", "A3", style); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellValue("Datos", "C20", ""); err != nil { // stretch the dimension
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "kpis.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	var m memSink
	s, err := Import(context.Background(), p, Options{}, &m)
	if err != nil {
		t.Fatal(err)
	}
	if s.Sheet != "Datos" || s.Kind != KPIs || s.FooterRowsSkipped != 1 || len(m.observations) != 4 {
		t.Fatalf("sheet %s kind %s footer %d observations %+v", s.Sheet, s.Kind, s.FooterRowsSkipped, m.observations)
	}
	got := map[string]float64{}
	for _, o := range m.observations {
		got[o.Metric+" "+o.Month.String()] = o.Value
	}
	if got["revenue 2024-01"] != 1000.5 || got["new_customers 2024-02"] != 4 {
		t.Errorf("observations %v", got)
	}
	if _, err := Import(context.Background(), p, Options{Sheet: "Nope"}, &m); err == nil || !strings.Contains(err.Error(), `no sheet named "Nope" (sheets: Sheet1, Datos)`) {
		t.Errorf("missing sheet: %v", err)
	}
}

func TestWideKPIUserMapAndQuarters(t *testing.T) {
	// Robyn's tv_S is TV spend: mapped by hand to marketing_spend.
	s, m := importReal(t, "robyn_dt_simulated_weekly.csv", Options{Map: map[string]string{"tv_S": "marketing_spend"}})
	n := 0
	for _, o := range m.observations {
		if o.Metric == "marketing_spend" {
			n++
		}
	}
	if n != 49 || s.Mapping["marketing_spend"] != "tv_S" {
		t.Errorf("marketing_spend months %d mapping %v", n, s.Mapping)
	}
	p := filepath.Join(t.TempDir(), "q.csv")
	if err := os.WriteFile(p, []byte("Periodo,KPI,Valor\nQ1 2024,revenue,10\n2024-04,revenue,5\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var c countSink
	_, err := Import(context.Background(), p, Options{}, &c)
	var pe *ProblemsError
	if !errors.As(err, &pe) || pe.Count != 1 || pe.Problems[0].Code != "period_not_monthly" || pe.Problems[0].Row != 2 {
		t.Errorf("quarter: %v", err)
	}
	if got := pe.Problems[0].Text("es"); !strings.Contains(got, "indica un trimestre") {
		t.Errorf("Spanish %q", got)
	}
}

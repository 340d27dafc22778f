package importer

import (
	"context"
	"errors"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic"
)

func fixture(name string) string { return filepath.Join("testdata", name) }

func importFixture(t *testing.T, name string, opts Options) (Summary, *memSink) {
	t.Helper()
	var m memSink
	s, err := Import(context.Background(), fixture(name), opts, &m)
	if err != nil {
		t.Fatalf("Import(%s): %v", name, err)
	}
	return s, &m
}

func TestExcelUnicodeText(t *testing.T) {
	s, m := importFixture(t, "excel_unicode_text_deals.txt", Options{})
	if s.Encoding != EncUTF16LE || s.Delimiter != "tab" || s.Kind != Deals || len(m.deals) != 3 {
		t.Fatalf("encoding %s delimiter %s kind %s deals %d", s.Encoding, s.Delimiter, s.Kind, len(m.deals))
	}
	if s.DecimalSeparator != "," || s.ThousandsSeparator != "." || s.DateFormat != "D/M/YYYY" {
		t.Errorf("separators %q %q dates %q", s.DecimalSeparator, s.ThousandsSeparator, s.DateFormat)
	}
	// Ampliación Norte, Ganado, 1.234,56, 05/03/2024 → 5 March, no id column → row-2.
	d := m.deals[0]
	if d.ExternalID != "row-2" || d.Name != "Ampliación Norte" || d.Status != diagnostic.DealWon || d.Amount != 1234.56 || !d.Created.Equal(day(2024, 3, 5)) {
		t.Errorf("deal 1 = %+v", d)
	}
	if m.deals[2].Status != diagnostic.DealOpen || m.deals[2].Amount != 2500 || !m.deals[2].Created.Equal(day(2024, 4, 1)) {
		t.Errorf("deal 3 = %+v", m.deals[2])
	}
}

func TestWindows1252WideKPIs(t *testing.T) {
	s, m := importFixture(t, "kpis_wide_win1252.csv", Options{})
	if s.Encoding != EncWindows1252 || s.Delimiter != ";" || s.Kind != KPIs || s.Layout != "wide" || s.FooterRowsSkipped != 1 {
		t.Fatalf("encoding %s delimiter %s kind %s layout %s footer %d", s.Encoding, s.Delimiter, s.Kind, s.Layout, s.FooterRowsSkipped)
	}
	if !strings.Contains(strings.Join(s.Ignored, ","), "Año fiscal") {
		t.Errorf("ignored %v: the accented header was not decoded", s.Ignored)
	}
	got := map[string]float64{}
	for _, o := range m.observations {
		got[o.Metric+" "+o.Month.String()] = o.Value
	}
	want := map[string]float64{
		"revenue 2024-01": 12345.5, "revenue 2024-02": 13000, "revenue 2024-03": 14100.75,
		"new_customers 2024-01": 12, "new_customers 2024-02": 9, "new_customers 2024-03": 15,
		"marketing_spend 2024-01": 1500, "marketing_spend 2024-02": 1250.25, // March is n/a
	}
	if len(got) != len(want) {
		t.Errorf("observations %v", got)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %v, want %v", k, got[k], v)
		}
	}
}

func TestCRMPresets(t *testing.T) {
	cases := []struct {
		file, preset string
		statuses     [3]int // won, lost, open
		first        diagnostic.Deal
		footer       int
	}{
		{"hubspot_deals.csv", "hubspot", [3]int{1, 1, 1}, diagnostic.Deal{ExternalID: "1001", Name: "Acme renewal", Amount: 1200, Currency: "$", Owner: "Ana Pérez", Pipeline: "Sales Pipeline", Created: day(2024, 1, 10).Add(9 * 3600e9), Closed: day(2024, 3, 5).Add(10*3600e9 + 15*60e9)}, 0},
		{"salesforce_opportunities.csv", "salesforce", [3]int{1, 1, 1}, diagnostic.Deal{ExternalID: "row-2", Name: "Acme - 200 licences", Amount: 1500, Currency: "USD", Owner: "Jane Doe", Source: "Web", Created: day(2024, 1, 20), Closed: day(2024, 3, 15)}, 5},
		{"pipedrive_deals.csv", "pipedrive", [3]int{1, 1, 1}, diagnostic.Deal{ExternalID: "1", Name: "Acme deal", Amount: 1500, Currency: "EUR", Owner: "Marta", Created: day(2024, 1, 5).Add(10 * 3600e9), Closed: day(2024, 2, 10).Add(12 * 3600e9)}, 0},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			s, m := importFixture(t, c.file, Options{})
			if s.Preset != c.preset || s.Kind != Deals || s.FooterRowsSkipped != c.footer || s.RowsRead != 3 {
				t.Fatalf("preset %q kind %s footer %d rows %d", s.Preset, s.Kind, s.FooterRowsSkipped, s.RowsRead)
			}
			got := [3]int{s.Statuses[diagnostic.DealWon], s.Statuses[diagnostic.DealLost], s.Statuses[diagnostic.DealOpen]}
			if got != c.statuses {
				t.Errorf("statuses %v, want %v", got, c.statuses)
			}
			d := m.deals[0]
			d.Stage, d.Status = "", ""
			if d != c.first {
				t.Errorf("first deal\n got %+v\nwant %+v", d, c.first)
			}
			for _, d := range m.deals {
				if d.Status == diagnostic.DealOpen && !d.Closed.IsZero() {
					t.Errorf("open deal %s keeps its expected close date", d.ExternalID)
				}
			}
		})
	}
}

func TestKPIsLong(t *testing.T) {
	s, m := importFixture(t, "kpis_long.csv", Options{})
	if s.Kind != KPIs || s.Layout != "long" || len(m.observations) != 4 {
		t.Fatalf("kind %s layout %s observations %d", s.Kind, s.Layout, len(m.observations))
	}
	got := map[string]float64{}
	for _, o := range m.observations {
		got[o.Metric+" "+o.Month.String()] = o.Value
	}
	// 10.000 with a decimal comma file is ten thousand; 21,5 % is 0.215.
	for k, v := range map[string]float64{"revenue 2024-01": 10000, "win_rate 2024-01": 0.215, "revenue 2024-02": 12500, "nps 2024-02": 42} {
		if math.Abs(got[k]-v) > 1e-12 {
			t.Errorf("%s = %v, want %v", k, got[k], v)
		}
	}
}

func TestKPIsDailyCombinedByRule(t *testing.T) {
	s, m := importFixture(t, "kpis_daily.csv", Options{})
	if s.Granularity != "day" {
		t.Errorf("granularity %q", s.Granularity)
	}
	got := map[string]float64{}
	for _, o := range m.observations {
		got[o.Metric+" "+o.Month.String()] = o.Value
	}
	// leads sum (10+5, 7+3), employees last (21, 22), nps mean ((40+50)/2, (30+10)/2).
	want := map[string]float64{"leads 2024-01": 15, "leads 2024-02": 10, "employees 2024-01": 21, "employees 2024-02": 22, "nps 2024-01": 45, "nps 2024-02": 20}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %v, want %v", k, got[k], v)
		}
	}
}

func TestDealProblemsAllOrNothing(t *testing.T) {
	var m memSink
	sum, err := Import(context.Background(), fixture("deals_problems.csv"), Options{}, &m)
	var pe *ProblemsError
	if !errors.As(err, &pe) || !errors.Is(err, diagnostic.ErrInvalid) {
		t.Fatalf("err = %v, want a ProblemsError", err)
	}
	// A rejected file's summary counts nothing as imported.
	if sum.RowsImported != 0 || sum.Records != 0 || sum.RowsRead == 0 || sum.RowsRejected != sum.RowsRead {
		t.Errorf("summary of a rejected file: read %d, imported %d, records %d, rejected %d",
			sum.RowsRead, sum.RowsImported, sum.Records, sum.RowsRejected)
	}
	want := []struct {
		row    int
		col    string
		reason string
	}{
		{3, "Amount", "not a number"},
		{4, "Created", "impossible date"},
		{5, "Close Date", "closed before it was created"},
		{6, "Amount", "negative amount"},
		{7, "", "the row has 5 values but the header has 6 columns"},
		{8, "Amount", "formula"},
		{9, "Amount", "mixes number formats"},
	}
	if pe.Count != len(want) {
		t.Fatalf("%d problems, want %d: %v", pe.Count, len(want), pe.Lines())
	}
	for i, w := range want {
		p := pe.Problems[i]
		if p.Row != w.row || p.Column != w.col || !strings.Contains(p.Reason, w.reason) {
			t.Errorf("problem %d = %+v, want row %d column %q reason ~%q", i, p, w.row, w.col, w.reason)
		}
	}
	if got := pe.Problems[0].Format("deals_problems.csv"); got != `deals_problems.csv:3:Amount: "12x": not a number` {
		t.Errorf("formatted %q", got)
	}
	// With --skip-invalid the valid rows go in, the formula-like name as text.
	s, m2 := importFixture(t, "deals_problems.csv", Options{SkipInvalid: true})
	if s.RowsImported != 3 || s.RowsRejected != 7 || len(m2.deals) != 3 || s.ProblemCount != 7 {
		t.Fatalf("imported %d rejected %d deals %d problems %d", s.RowsImported, s.RowsRejected, len(m2.deals), s.ProblemCount)
	}
	if m2.deals[0].Name != `=HYPERLINK("http://x")` || m2.deals[1].Amount != 1234.5 || m2.deals[2].Amount != 2000.75 {
		t.Errorf("deals %+v", m2.deals)
	}
}

func TestKPIProblems(t *testing.T) {
	var m memSink
	_, err := Import(context.Background(), fixture("kpis_problems.csv"), Options{}, &m)
	var pe *ProblemsError
	if !errors.As(err, &pe) {
		t.Fatalf("err = %v", err)
	}
	lines := strings.Join(pe.Lines(), "\n")
	for _, w := range []string{
		`kpis_problems.csv:4:NPS: "150": NPS must be between -100 and 100`,
		`kpis_problems.csv:5:Clientes al inicio: "90": customers_start for 2024-03 is given twice (first in row 4)`,
		`kpis_problems.csv:3:Clientes perdidos: "120": 120 churned customers in 2024-02, more than the 100 customers at the start of the month`,
	} {
		if !strings.Contains(lines, w) {
			t.Errorf("missing %q in\n%s", w, lines)
		}
	}
	if pe.Count != 5 || len(m.observations) != 0 {
		t.Errorf("count %d observations %d", pe.Count, len(m.observations))
	}
}

func TestQuotedSemicolonFile(t *testing.T) {
	s, m := importFixture(t, "semicolon_commas.csv", Options{})
	if s.Delimiter != ";" || len(m.deals) != 4 {
		t.Fatalf("delimiter %q deals %d", s.Delimiter, len(m.deals))
	}
	if m.deals[1].Name != "Gómez, Luis\nSegunda línea" || m.deals[1].Amount != 2.5 || m.deals[0].Amount != 1000.5 || m.deals[2].Status != diagnostic.DealOpen {
		t.Errorf("deals %+v", m.deals)
	}
	if !m.deals[0].Created.Equal(day(2024, 2, 3)) {
		t.Errorf("03/02/2024 read as %v, want 3 February (15/02 shows day first)", m.deals[0].Created)
	}
}

func TestCustomersAndLeads(t *testing.T) {
	var m memSink
	_, err := Import(context.Background(), fixture("customers_es.csv"), Options{}, &m)
	var pe *ProblemsError
	if !errors.As(err, &pe) || pe.Count != 1 || pe.Problems[0].Row != 4 || pe.Problems[0].Column != "Fecha de baja" {
		t.Fatalf("err = %v", err)
	}
	s, m2 := importFixture(t, "customers_es.csv", Options{SkipInvalid: true})
	if s.Kind != Customers || len(m2.customers) != 2 || !m2.customers[1].Churned || m2.customers[0].Churned || m2.customers[0].MRR != 49.9 {
		t.Errorf("customers %+v", m2.customers)
	}
	s, m3 := importFixture(t, "leads_hubspot.csv", Options{})
	stages := []diagnostic.LeadStage{}
	for _, l := range m3.leads {
		stages = append(stages, l.Stage)
	}
	if s.Kind != Leads || strings.Join([]string{string(stages[0]), string(stages[1]), string(stages[2]), string(stages[3])}, ",") != "lead,mql,sql,customer" {
		t.Errorf("kind %s stages %v", s.Kind, stages)
	}
}

func TestFileLevelErrors(t *testing.T) {
	cases := []struct{ file, want string }{
		{"empty.csv", "empty.csv: the file is empty"},
		{"header_only.csv", "header_only.csv: the file has a header but no data rows"},
		{"duplicate_header.csv", `duplicate_header.csv: columns 2 and 4 have the same header "Amount"`},
		{"binary.csv", "binary.csv: this is a binary file"},
		{"not_really.xlsx", "not_really.xlsx: the name says XLSX but the file is not an Excel workbook"},
		{"ambiguous_amount.csv", `ambiguous_amount.csv: as deals, field amount could be any of the columns "Amount", "Value"`},
	}
	for _, c := range cases {
		var m countSink
		_, err := Import(context.Background(), fixture(c.file), Options{}, &m)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) || !errors.Is(err, diagnostic.ErrInvalid) {
			t.Errorf("%s: err = %v, want %q…", c.file, err, c.want)
		}
	}
	// The user resolves the ambiguity.
	var m memSink
	if _, err := Import(context.Background(), fixture("ambiguous_amount.csv"), Options{Map: map[string]string{"Value": "amount", "Amount": "-"}}, &m); err != nil || m.deals[0].Amount != 2 {
		t.Errorf("with --map: err %v deals %+v", err, m.deals)
	}
}

func TestUserMappingOnRealOlistDeals(t *testing.T) {
	s, m := importReal(t, "olist_marketing_closed_deals_hu_excel.csv", Options{Map: map[string]string{"declared_monthly_revenue": "amount", "mql_id": "id", "sr_id": "owner"}})
	// 842 rows, no stage column: a won date makes each deal won.
	if len(m.deals) != 842 || s.Statuses[diagnostic.DealWon] != 842 {
		t.Fatalf("deals %d won %d", len(m.deals), s.Statuses[diagnostic.DealWon])
	}
	// 5420aad7…;…;4ef15afb4b2723d8f3d81e51ec7afefe;2018.02.26 19:58;…;0.0
	d := m.deals[0]
	if d.ExternalID != "5420aad7fec3549a85876ba1c529bd84" || d.Owner != "4ef15afb4b2723d8f3d81e51ec7afefe" || !d.Closed.Equal(day(2018, 2, 26).Add(19*3600e9+58*60e9)) {
		t.Errorf("first deal %+v", d)
	}
	if s.Columns[4].DateFormat != "YYYY.MM.DD hh:mm" {
		t.Errorf("won_date format %q", s.Columns[4].DateFormat)
	}
}

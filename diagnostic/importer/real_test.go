package importer

import (
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// realFile locates a file of ../shared/data/real (relative to the
// repository root) or skips the test.
func realFile(t *testing.T, name string) string {
	t.Helper()
	_, here, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(here), "..", "..")
	p := filepath.Join(root, "..", "shared", "data", "real", name)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("real data file %s not found (expected at ../shared/data/real from the repository root): %v", name, err)
	}
	return p
}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func importReal(t *testing.T, name string, opts Options) (Summary, *memSink) {
	t.Helper()
	var m memSink
	s, err := Import(context.Background(), realFile(t, name), opts, &m)
	if err != nil {
		t.Fatalf("Import(%s): %v", name, err)
	}
	return s, &m
}

func TestRealMavenDeals(t *testing.T) {
	for _, tc := range []struct{ file, dates, encoding string }{
		{"maven_crm_sales_pipeline.csv", "YYYY-MM-DD", EncUTF8},
		// Same data resaved by US Excel: dates M/D/YYYY without padding.
		{"maven_crm_sales_pipeline_excel_resaved_us_dates.csv", "M/D/YYYY", EncUTF8},
	} {
		t.Run(tc.file, func(t *testing.T) {
			s, m := importReal(t, tc.file, Options{})
			if s.Kind != Deals || s.RowsRead != 8800 || s.RowsImported != 8800 || len(m.deals) != 8800 {
				t.Fatalf("kind %s, read %d, imported %d, deals %d; want deals 8800", s.Kind, s.RowsRead, s.RowsImported, len(m.deals))
			}
			// SOURCES.md: Won 4,238, Lost 2,473, Engaging 1,589 + Prospecting 500 open.
			want := map[diagnostic.DealStatus]int{diagnostic.DealWon: 4238, diagnostic.DealLost: 2473, diagnostic.DealOpen: 2089}
			for st, n := range want {
				if s.Statuses[st] != n {
					t.Errorf("%s deals = %d, want %d", st, s.Statuses[st], n)
				}
			}
			if s.DateFormat != tc.dates || s.Encoding != tc.encoding || s.Delimiter != "," {
				t.Errorf("dates %q encoding %q delimiter %q", s.DateFormat, s.Encoding, s.Delimiter)
			}
			// First row: 1C1I7A6R,Moses Frase,GTX Plus Basic,Cancity,Won,2016-10-20,2017-03-01,1054
			d := m.deals[0]
			if d.ExternalID != "1C1I7A6R" || d.Owner != "Moses Frase" || d.Status != diagnostic.DealWon || d.Amount != 1054 ||
				!d.Created.Equal(day(2016, 10, 20)) || !d.Closed.Equal(day(2017, 3, 1)) {
				t.Errorf("first deal = %+v", d)
			}
			var wonSum float64
			for _, d := range m.deals {
				if d.Status == diagnostic.DealWon {
					wonSum += d.Amount
				}
				if d.Status == diagnostic.DealOpen && !d.Closed.IsZero() {
					t.Fatalf("open deal %s has a close date", d.ExternalID)
				}
			}
			if wonSum != 10005534 { // python: sum(close_value) over Won rows
				t.Errorf("won amount = %v, want 10005534", wonSum)
			}
		})
	}
}

// TestRealHeaderKey: the two Maven files share a header layout, so a
// mapping confirmed for one is found again for the other.
func TestRealHeaderKey(t *testing.T) {
	a, errA := Detect(realFile(t, "maven_crm_sales_pipeline.csv"))
	b, errB := Detect(realFile(t, "maven_crm_sales_pipeline_excel_resaved_us_dates.csv"))
	c, errC := Detect(realFile(t, "ibm_telco_customer_churn.csv"))
	if errA != nil || errB != nil || errC != nil {
		t.Fatal(errA, errB, errC)
	}
	if a.HeaderKey == "" || a.HeaderKey != b.HeaderKey || a.HeaderKey == c.HeaderKey || a.SHA256 == b.SHA256 {
		t.Errorf("keys %s %s %s", a.HeaderKey, b.HeaderKey, c.HeaderKey)
	}
	if a.SHA256 != "825ce8f6c32d4009548b468df3173d55a46fd73f2531f532c5459371dc52adf2" { // SOURCES.md
		t.Errorf("sha256 %s", a.SHA256)
	}
}

func TestRealTelcoCustomers(t *testing.T) {
	s, m := importReal(t, "ibm_telco_customer_churn.csv", Options{})
	if s.Kind != Customers || len(m.customers) != 7043 || s.RowsRejected != 0 {
		t.Fatalf("kind %s customers %d rejected %d; want customers 7043", s.Kind, len(m.customers), s.RowsRejected)
	}
	churned := 0
	for _, c := range m.customers {
		if c.Churned {
			churned++
		}
	}
	if churned != 1869 { // SOURCES.md: Churn Yes in 1,869 rows
		t.Errorf("churned = %d, want 1869", churned)
	}
	c := m.customers[0] // 7590-VHVEG,…,Month-to-month,…,29.85,29.85,No
	if c.ExternalID != "7590-VHVEG" || c.MRR != 29.85 || c.Plan != "Month-to-month" || c.Churned {
		t.Errorf("first customer = %+v", c)
	}
	if s.Mapping["mrr"] != "MonthlyCharges" || s.Mapping["churned"] != "Churn" {
		t.Errorf("mapping = %v", s.Mapping)
	}
}

func TestRealRavenstackSubscriptions(t *testing.T) {
	s, m := importReal(t, "ravenstack_subscriptions.csv", Options{})
	if s.Kind != Customers || len(m.customers) != 5000 {
		t.Fatalf("kind %s customers %d; want customers 5000", s.Kind, len(m.customers))
	}
	churned, active := 0, 0
	for _, c := range m.customers {
		if c.Churned {
			churned++
		}
		if c.End.IsZero() {
			active++
		}
	}
	// python: churn_flag == "True" in 486 rows; end_date empty in 4,514.
	if churned != 486 || active != 4514 {
		t.Errorf("churned %d (want 486), without end %d (want 4514)", churned, active)
	}
	// S-8cec59,A-3c1a3f,2023-12-23,2024-04-12,Enterprise,14,2786,…,True,…
	c := m.customers[0]
	if c.ExternalID != "S-8cec59" || c.MRR != 2786 || c.Plan != "Enterprise" || !c.Churned ||
		!c.Start.Equal(day(2023, 12, 23)) || !c.End.Equal(day(2024, 4, 12)) {
		t.Errorf("first subscription = %+v", c)
	}
}

func TestRealOlistLeads(t *testing.T) {
	s, m := importReal(t, "olist_marketing_qualified_leads_hu_excel.csv", Options{})
	if s.Kind != Leads || len(m.leads) != 8000 || s.Encoding != EncUTF8BOM || s.Delimiter != ";" || s.DateFormat != "YYYY.MM.DD" {
		t.Fatalf("kind %s leads %d encoding %s delimiter %s dates %s", s.Kind, len(m.leads), s.Encoding, s.Delimiter, s.DateFormat)
	}
	// dac32acd4db4c29c230538b72f8dd87d;2018.02.01;…;Social — an MQL file (mql_id).
	l := m.leads[0]
	if l.ExternalID != "dac32acd4db4c29c230538b72f8dd87d" || !l.Created.Equal(day(2018, 2, 1)) || l.Source != "Social" || l.Stage != diagnostic.StageMQL {
		t.Errorf("first lead = %+v", l)
	}
	first, last := m.leads[0].Created, m.leads[0].Created
	for _, l := range m.leads {
		if l.Created.Before(first) {
			first = l.Created
		}
		if l.Created.After(last) {
			last = l.Created
		}
	}
	if !first.Equal(day(2017, 6, 14)) || !last.Equal(day(2018, 5, 31)) { // SOURCES.md range
		t.Errorf("range %v – %v", first, last)
	}
}

func TestRealRobynWeeklyKPIs(t *testing.T) {
	s, m := importReal(t, "robyn_dt_simulated_weekly.csv", Options{})
	if s.Kind != KPIs || s.Layout != "wide" || s.RowsRead != 208 || s.Granularity != "week" {
		t.Fatalf("kind %s layout %s rows %d granularity %s", s.Kind, s.Layout, s.RowsRead, s.Granularity)
	}
	// 208 weeks from 2015-11-23 to 2019-11-11 fall in 49 months.
	if len(m.observations) != 49 {
		t.Fatalf("observations = %d, want 49", len(m.observations))
	}
	o := m.observations[0]
	// 2015-11: 2754371.66666667 + 2584276.66666667, revenue is summed.
	if o.Metric != "revenue" || o.Month != (diagnostic.Month{Year: 2015, Month: 11}) || math.Abs(o.Value-5338648.33333334) > 1e-6 {
		t.Errorf("first observation = %+v", o)
	}
	if o.Source != "import" {
		t.Errorf("source %q", o.Source)
	}
	// With a mean rule the same month is (a+b)/2.
	_, m2 := importReal(t, "robyn_dt_simulated_weekly.csv", Options{Rule: func(string) Rule { return RuleMean }})
	if math.Abs(m2.observations[0].Value-5338648.33333334/2) > 1e-6 {
		t.Errorf("mean rule = %v", m2.observations[0].Value)
	}
}

func TestRealSupertiendaXLSX(t *testing.T) {
	s, m := importReal(t, "tableau_muestra_supertienda_es.xlsx", Options{})
	if s.Kind != Transactions || s.Sheet != "Compras" || len(m.transactions) != 10254 || s.RowsRejected != 0 {
		t.Fatalf("kind %s sheet %s transactions %d rejected %d", s.Kind, s.Sheet, len(m.transactions), s.RowsRejected)
	}
	if s.BlankRowsSkipped != 13 { // dimension A1:T10268, data to row 10255
		t.Errorf("blank rows skipped = %d, want 13", s.BlankRowsSkipped)
	}
	// Row 2: MX-2019-111899, date cell 43557 (2019-04-02), AM-11365, Total 591, Ganancia 206.39999999999998.
	tr := m.transactions[0]
	if tr.OrderID != "MX-2019-111899" || tr.Customer != "AM-11365" || tr.Amount != 591 || tr.Profit == nil ||
		*tr.Profit != 206.39999999999998 || !tr.Date.Equal(day(2019, 4, 2)) {
		t.Errorf("first transaction = %+v", tr)
	}
	var total, profit float64
	for _, tr := range m.transactions {
		total += tr.Amount
		profit += *tr.Profit
	}
	// python over the sheet XML: 21568048.640399985 and 2201915.640399999.
	if math.Abs(total-21568048.6404) > 0.01 || math.Abs(profit-2201915.6404) > 0.01 {
		t.Errorf("total %v profit %v", total, profit)
	}
}

// TestRealUnsupported checks that files of no supported shape fail with a
// message that says what each near-fit lacks, and import nothing.
func TestRealUnsupported(t *testing.T) {
	cases := []struct {
		file, sheet string
		want        []string
	}{
		// INE 50902: long monthly table, but its rows are CPI groups, not KPIs.
		{"ine_50902_ipc_mensual_es.csv", "", []string{`long KPI table`, `"Periodo" (period)`, `"Total" (value)`, "no column for metric"}},
		// INE 72956: annual household spending, no KPI column either.
		{"ine_72956_gasto_hogares_ccaa_es.csv", "", []string{`long KPI table`, `"Año" (period)`, "no column for metric"}},
		// Olist closed deals: won dates but no deal amount; lead ids but no creation date.
		{"olist_marketing_closed_deals_hu_excel.csv", "", []string{`as deals it has "won_date" (won_date) but no column for amount`, `as leads it has "mql_id" (id) but no column for created`}},
		{"tableau_muestra_supertienda_es.xlsx", "Devoluciones", []string{`as transactions it has "Id. del pedido" (order_id)`, "no column for date", "no column for amount"}},
		{"tableau_muestra_supertienda_es.xlsx", "Personas", []string{"no column matches any field"}},
	}
	for _, c := range cases {
		t.Run(c.file+c.sheet, func(t *testing.T) {
			var m countSink
			_, err := Import(context.Background(), realFile(t, c.file), Options{Sheet: c.sheet}, &m)
			var me *MappingError
			if !errors.As(err, &me) || !errors.Is(err, diagnostic.ErrInvalid) {
				t.Fatalf("err = %v, want a MappingError", err)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("message lacks %q:\n%s", w, err)
				}
			}
			if !strings.HasPrefix(err.Error(), c.file+": ") {
				t.Errorf("message does not start with the file name: %s", err)
			}
			if m.n != 0 {
				t.Errorf("%d records reached the sink", m.n)
			}
		})
	}
}

// TestRealINEMapped maps the INE long table by hand: its group names are
// not KPIs, so every row is reported and nothing is imported.
func TestRealINEMapped(t *testing.T) {
	var m countSink
	_, err := Import(context.Background(), realFile(t, "ine_50902_ipc_mensual_es.csv"),
		Options{Kind: KPIs, Map: map[string]string{"Grupos ECOICOP": "metric"}}, &m)
	var pe *ProblemsError
	if !errors.As(err, &pe) || pe.Count != 14976 || m.n != 0 {
		t.Fatalf("err = %v (count %v), sink %d; want 14,976 problems", err, pe, m.n)
	}
	if p := pe.Problems[0]; p.Row != 2 || p.Column != "Grupos ECOICOP" || p.Value != "Índice general" {
		t.Errorf("first problem = %+v", p)
	}
}

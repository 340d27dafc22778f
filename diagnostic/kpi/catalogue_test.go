package kpi

import (
	"errors"
	"strings"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// briefKPIs is the fixed KPI vocabulary every package uses.
var briefKPIs = strings.Fields(`revenue revenue_growth gross_margin net_margin mrr arr
	revenue_per_employee avg_order_value deals_won avg_deal_size win_rate sales_cycle_days
	pipeline_value pipeline_coverage pipeline_velocity quota_attainment leads mql_to_sql
	lead_to_customer cac cac_payback_months romi marketing_spend_share logo_churn grr nrr
	nps csat renewal_rate ltv ltv_to_cac`)

var briefInputs = strings.Fields(`revenue gross_profit net_profit new_customers churned_customers
	customers_start leads mqls sqls opportunities marketing_spend sales_marketing_spend employees
	nps nps_promoters nps_passives nps_detractors csat_positive csat_responses renewals_due
	renewals_renewed quota mrr_start mrr_expansion mrr_contraction mrr_churned
	marketing_attributed_revenue`)

func TestCatalogue(t *testing.T) {
	cat, err := LoadCatalogue()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range briefKPIs {
		if _, ok := cat.Def(id); !ok {
			t.Errorf("KPI %s missing from the catalogue", id)
		}
	}
	for _, id := range briefInputs {
		if _, ok := cat.Input(id); !ok {
			t.Errorf("input %s missing", id)
		}
	}
	fams := map[Family]int{}
	for _, d := range cat.KPIs {
		fams[d.Family]++
	}
	if fams[FamilyFinancial] < 8 || fams[FamilySales] < 8 || fams[FamilyMarketing] < 7 || fams[FamilyCustomerSuccess] < 8 {
		t.Errorf("families = %v", fams)
	}
	got := cat.Suggest([]diagnostic.Objective{diagnostic.ObjRetainExpand, diagnostic.ObjSatisfaction})
	if strings.Join(got, ",") != "logo_churn,grr,nrr,renewal_rate,ltv,nps,csat" {
		t.Errorf("Suggest = %v", got)
	}
	d, _ := cat.Def("win_rate")
	if d.Name("es") != "Tasa de cierre" || !strings.Contains(d.Definition("en"), "Won ÷ (won + lost)") {
		t.Errorf("win_rate texts: %q / %q", d.Name("es"), d.Definition("en"))
	}
}

func TestCustomKPIs(t *testing.T) {
	cat, _ := LoadCatalogue()
	ext, err := cat.WithCustom([]diagnostic.CustomKPI{{ID: "demos_booked", NameES: "Demos", NameEN: "Demos", Unit: diagnostic.UnitCount, Direction: diagnostic.HigherIsBetter, Cadence: diagnostic.CadenceWeekly}})
	if err != nil {
		t.Fatal(err)
	}
	d, ok := ext.Def("demos_booked")
	if !ok || d.Aggregation != AggSum || !d.Custom {
		t.Errorf("custom def = %+v", d)
	}
	if _, ok := cat.Def("demos_booked"); ok {
		t.Error("WithCustom changed the shared catalogue")
	}
	// A custom KPI is computed from its monthly values and summed in a quarter.
	o := []diagnostic.Observation{obs("demos_booked", "2024-01", 3), obs("demos_booked", "2024-02", 4), obs("demos_booked", "2024-03", 5)}
	r := compute(t, Inputs{Catalogue: ext, Observations: o}, "2024-01", "2024-03", Quarter)
	wantValue(t, r, "demos_booked 2024-Q1", 12)
	for _, bad := range []diagnostic.CustomKPI{
		{ID: "win_rate", NameES: "x", NameEN: "x", Unit: "count", Direction: "higher", Cadence: "monthly"},
		{ID: "quota", NameES: "x", NameEN: "x", Unit: "count", Direction: "higher", Cadence: "monthly"},
	} {
		if _, err := cat.WithCustom([]diagnostic.CustomKPI{bad}); !errors.Is(err, diagnostic.ErrConflict) {
			t.Errorf("%s: %v, want ErrConflict", bad.ID, err)
		}
	}
	if _, err := cat.WithCustom([]diagnostic.CustomKPI{{ID: "Bad Id", NameES: "x", NameEN: "x", Unit: "count", Direction: "higher", Cadence: "monthly"}}); !errors.Is(err, diagnostic.ErrInvalid) {
		t.Errorf("bad id: %v", err)
	}
}

func TestParseCatalogueRejectsBadContent(t *testing.T) {
	for i, b := range []string{
		`{`,
		`{"kpis":[{"id":"x","family":"sales","name_es":"a","name_en":"a","unit":"parsecs","direction":"higher","cadence":"monthly","aggregation":"sum"}]}`,
		`{"kpis":[{"id":"x1","family":"sales","name_es":"a","name_en":"a","definition_es":"d","definition_en":"d","formula":"f","objectives":["world_peace"],"unit":"count","direction":"higher","cadence":"monthly","aggregation":"sum"}]}`,
	} {
		if _, err := ParseCatalogue([]byte(b)); !errors.Is(err, diagnostic.ErrInvalid) {
			t.Errorf("case %d accepted: %v", i, err)
		}
	}
}

func TestEveryKPIAppearsForEveryPeriod(t *testing.T) {
	cat, _ := LoadCatalogue()
	rows, err := Compute(Inputs{Observations: []diagnostic.Observation{obs("revenue", "2024-02", 1)}}, mon("2024-01"), mon("2024-12"), Quarter)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(cat.KPIs)*4 {
		t.Fatalf("%d rows, want %d", len(rows), len(cat.KPIs)*4)
	}
	for _, r := range rows {
		if r.Value == nil && len(r.Missing) == 0 {
			t.Errorf("%s %s: not available but names nothing missing", r.KPI, r.Period)
		}
	}
	if p, err := ParsePeriod("2024-Q3"); err != nil || p.String() != "2024-Q3" || p.Last() != mon("2024-09") {
		t.Errorf("ParsePeriod: %v %v", p, err)
	}
	if _, err := ParseGrain("week"); !errors.Is(err, diagnostic.ErrInvalid) {
		t.Error("grain week accepted")
	}
}

package cli

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// TestWorkBackDemo: on the demo (clock frozen at 27 November 2026, so
// November 2026 to June 2027 is 8 months) the figures agree with the
// rates they state, the gap is the target less the run rate, and the text
// shows the rates' evidence in both languages.
func TestWorkBackDemo(t *testing.T) {
	db := frozenDemoDB(t)
	code, out, e := cliIn(t, db, "work-back", "--org", "Demo", "--revenue", "600000", "--by", "2027-06", "--json")
	if code != 0 {
		t.Fatalf("work-back: %d %s", code, e)
	}
	var p struct {
		Months   int
		Required struct{ WonDeals, Opportunities, Pipeline, Leads *float64 }        `json:"required"`
		Rates    struct{ WinRate, AvgDealSize, CycleDays, LeadToCustomer *float64 } `json:"rates"`
		RunRate  struct {
			RevenueAtRunRate   float64 `json:"revenue_at_run_rate"`
			WonRevenuePerMonth float64 `json:"won_revenue_per_month"`
		} `json:"run_rate"`
		Gap struct{ Revenue, RevenuePerMonth float64 } `json:"gap"`
	}
	dec := json.NewDecoder(strings.NewReader(strings.NewReplacer(`"won_deals"`, `"WonDeals"`, `"win_rate"`, `"WinRate"`,
		`"avg_deal_size"`, `"AvgDealSize"`, `"cycle_days"`, `"CycleDays"`, `"lead_to_customer"`, `"LeadToCustomer"`,
		`"revenue_per_month"`, `"RevenuePerMonth"`).Replace(out)))
	if err := dec.Decode(&p); err != nil {
		t.Fatal(err, out)
	}
	r, q := p.Rates, p.Required
	if r.WinRate == nil || r.AvgDealSize == nil || q.WonDeals == nil || q.Opportunities == nil || q.Pipeline == nil || q.Leads == nil || r.LeadToCustomer == nil {
		t.Fatalf("the demo has the data for every figure: %s", out)
	}
	rel := func(a, b float64) bool { return math.Abs(a-b) <= 1e-6*math.Abs(b) }
	if !rel(*q.WonDeals**r.AvgDealSize, 600000) || !rel(*q.Opportunities**r.WinRate, *q.WonDeals) || !rel(*q.Pipeline, *q.Opportunities**r.AvgDealSize) ||
		!rel(*q.Leads**r.LeadToCustomer, *q.WonDeals) {
		t.Errorf("figures disagree with the rates: %s", out)
	}
	if p.Months != 8 || !rel(p.Gap.Revenue, 600000-p.RunRate.RevenueAtRunRate) || !rel(p.RunRate.RevenueAtRunRate, 8*p.RunRate.WonRevenuePerMonth) {
		t.Errorf("months %d, gap %v, run rate %+v", p.Months, p.Gap.Revenue, p.RunRate)
	}
	code, out, _ = cliIn(t, db, "work-back", "--org", "Demo", "--revenue", "600000", "--by", "2027-06", "--lang", "es")
	if code != 0 || !strings.Contains(out, "Tasa de cierre") || !strings.Contains(out, "confianza") || !strings.Contains(out, "600.000") {
		t.Errorf("Spanish text:\n%s", out)
	}
	code, out, _ = cliIn(t, db, "work-back", "--org", "Demo", "--revenue", "600000", "--by", "2027-06", "--what-if", "opportunities=+10%", "--json")
	var wi struct {
		Velocity struct {
			RevenuePerMonth float64 `json:"revenue_per_month"`
		} `json:"velocity"`
		WhatIf struct {
			Effect float64 `json:"effect_per_month"`
		} `json:"what_if"`
	}
	if err := json.Unmarshal([]byte(out), &wi); code != 0 || err != nil || wi.Velocity.RevenuePerMonth <= 0 || !rel(wi.WhatIf.Effect, 0.1*wi.Velocity.RevenuePerMonth) {
		t.Errorf("what-if +10 %% opportunities: %d %v %+v", code, err, wi)
	}
	for _, bad := range [][]string{{"--revenue", "-5", "--by", "2027-06"}, {"--revenue", "100", "--by", "junio"}, {"--revenue", "100", "--by", "2027-06", "--what-if", "speed=5%"}} {
		if code, _, _ := cliIn(t, db, append([]string{"work-back", "--org", "Demo"}, bad...)...); code != 2 {
			t.Errorf("%v: exit %d, want 2", bad, code)
		}
	}
	if code, _, e := cliIn(t, db, "work-back", "--org", "Demo", "--revenue", "100", "--by", "2020-01"); code == 0 || !strings.Contains(e, "before") {
		t.Errorf("a target month in the past: %d %s", code, e)
	}
}

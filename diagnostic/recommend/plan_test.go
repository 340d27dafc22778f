package recommend

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// TestWinRateMoney: the win rate 14 % against a 21 % median gains 5 points
// on the pipeline closed in 12 months, with the assumption in the evidence;
// under the materiality threshold the estimate is dropped.
func TestWinRateMoney(t *testing.T) {
	in := Input{KPIs: winRateRows(t), Currency: "EUR", Facts: Facts{ClosedPipeline12: 2_000_000, ClosedDeals12: 80, Revenue12: 1_000_000, Months: 12}}
	rec := fired(mustGenerate(t, in, locale.EN), "win_rate_low")
	row := in.KPIs[slices.IndexFunc(in.KPIs, func(r kpi.Row) bool { return r.KPI == "win_rate" && r.Value != nil })]
	if rec == nil || rec.Impact == nil || *rec.Impact != 100_000 || rec.Confidence != string(row.Confidence) || rec.Kind != KindAction ||
		rec.Priority != 100_000*confidenceFactor[rec.Confidence] {
		t.Fatalf("win_rate_low = %+v", rec)
	}
	ev := rec.Evidence[len(rec.Evidence)-1]
	if ev.Kind != "impact" || !strings.Contains(ev.Note, "+5 win-rate points on €2,000,000") || !strings.Contains(ev.Note, "€100,000") {
		t.Errorf("assumption %+v", ev)
	}
	// 5 % of 2 M€ on a 10 M€ revenue is 1 %: not material.
	in.Facts.Revenue12 = 10_000_000
	if rec := fired(mustGenerate(t, in, locale.EN), "win_rate_low"); rec == nil || rec.Impact != nil {
		t.Errorf("immaterial estimate kept: %+v", rec)
	}
	// A row without its own confidence follows the closed deals: 10 is low.
	for i := range in.KPIs {
		in.KPIs[i].Confidence = ""
	}
	in.Facts.Revenue12, in.Facts.ClosedDeals12 = 1_000_000, 10
	if rec := fired(mustGenerate(t, in, locale.EN), "win_rate_low"); rec == nil || rec.Confidence != ConfidenceLow {
		t.Errorf("10 closed deals: %+v", rec)
	}
}

// TestMoneyFormulas checks each formula on round figures.
func TestMoneyFormulas(t *testing.T) {
	e := &evaluator{lang: locale.EN, in: Input{Currency: "EUR", Facts: Facts{ARR: 1_000_000, Quota12: 600_000, Bookings12: 500_000,
		NewCustomers12: 40, MQLs12: 1000, SQLs12: 400, Revenue12: 900_000}}, latest: map[string]kpi.Row{"cac": {Value: fp(10_000)}}}
	cases := []struct {
		formula  string
		v, ref   float64
		want     float64
		positive bool
	}{
		{"retention_gap", 0.85, 1.01, 160_000, true},  // 16 points of ARR
		{"churn_gap", 0.02, 0.01, 120_000, true},      // 1 point a month × 12 × ARR
		{"win_rate_step", 0.10, 0.12, 0, false},       // no closed pipeline: nothing
		{"cac_payback_goal", 36, 18, 200_000, true},   // half the CAC on 40 customers
		{"cac_payback_goal", 12, 18, 0, false},        // already under 18 months
		{"mql_to_sql_gap", 0.30, 0.40, 130_000, true}, // 100 SQLs × 1,250 € (rounded)
		{"coverage_goal", 1.5, 3, 100_000, true},      // half the quota, capped by 100,000 not booked
		{"margin_gap", 0.70, 0.75, 45_000, true},      // 5 points of revenue
		{"retention_gap", 1.05, 1.01, 0, false},       // above the reference
	}
	for _, c := range cases {
		m, ok := moneyFormulas[c.formula](e, c.v, c.ref)
		if ok != c.positive || ok && math.Abs(m.amount-c.want) > 1e-6 {
			t.Errorf("%s(%v, %v) = %v %v, want %v %v", c.formula, c.v, c.ref, m.amount, ok, c.want, c.positive)
		}
	}
}

// TestPlanCapacityAndDependencies: twelve quick actions of one team never
// put more than two in the first 30 days; a target waits for its owner.
func TestPlanCapacityAndDependencies(t *testing.T) {
	in := Input{Currency: "EUR", Topics: map[string]float64{}, Departments: []diagnostic.Department{diagnostic.DeptSales, diagnostic.DeptLeadership},
		Plan: &PlanFacts{Objectives: []diagnostic.Objective{"grow_revenue"}, KPIs: 3, WithoutOwner: []string{"win_rate"}, WithoutTarget: []string{"win_rate"}}}
	for _, tp := range Topics {
		in.Topics[tp] = 1.5
	}
	recs := mustGenerate(t, in, locale.EN)
	in30, team30 := 0, map[string]int{}
	start := map[string]int{}
	for _, r := range recs {
		start[r.ID] = r.HorizonDays
		if r.Kind != KindCelebration && r.HorizonDays == 30 {
			in30++
			team30[r.Team]++
		}
		if r.Team == "revops" && r.Owner != "leadership" || r.Team == "finance" && r.Owner != OwnerToAssign {
			t.Errorf("%s: team %s owned by %q", r.ID, r.Team, r.Owner)
		}
	}
	if in30 == 0 || in30 > PerWindow {
		t.Errorf("%d items in the first 30 days", in30)
	}
	for tm, n := range team30 {
		if n > PerTeam {
			t.Errorf("%s: %d items in 30 days", tm, n)
		}
	}
	// With room in the plan, the target starts one window after its owner.
	in.Topics = map[string]float64{"targets": 1.5}
	start = map[string]int{}
	for _, r := range mustGenerate(t, in, locale.EN) {
		start[r.ID] = r.HorizonDays
	}
	owner, target := start["plan_kpis_without_owner"], start["plan_kpis_without_target"]
	if owner != 30 || target != 60 {
		t.Errorf("owner starts at %d, target at %d: want 30 and 60", owner, target)
	}
}

// TestPreliminaryAppendix: with preliminary data no performance finding
// fires and only MaxPreliminary findings are listed.
func TestPreliminaryAppendix(t *testing.T) {
	in := Input{KPIs: winRateRows(t), Currency: "EUR", Topics: map[string]float64{}, Preliminary: true}
	for _, tp := range Topics {
		in.Topics[tp] = 1.5
	}
	recs := mustGenerate(t, in, locale.EN)
	listed := 0
	for _, r := range recs {
		if strings.HasPrefix(r.ID, "win_rate_low") || r.Impact != nil || r.Confidence != ConfidenceLow {
			t.Errorf("preliminary, yet %+v", r)
		}
		if !r.Appendix {
			listed++
		}
	}
	if len(recs) <= MaxPreliminary || listed != MaxPreliminary {
		t.Errorf("%d findings, %d listed; want more than %d with %d listed", len(recs), listed, MaxPreliminary, MaxPreliminary)
	}
}

func mustGenerate(t *testing.T, in Input, lang locale.Lang) []Recommendation {
	t.Helper()
	recs, err := Generate(in, lang)
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// TestInPlanOrder: windows in order, rank kept within each, celebrations
// and appendix findings after the work.
func TestInPlanOrder(t *testing.T) {
	recs := []Recommendation{
		{ID: "a", HorizonDays: 60}, {ID: "cel", Kind: KindCelebration, HorizonDays: 30}, {ID: "b", HorizonDays: 30},
		{ID: "late", HorizonDays: 30, Appendix: true}, {ID: "c", HorizonDays: 90}, {ID: "d", HorizonDays: 30},
	}
	var got []string
	for _, r := range InPlanOrder(recs) {
		got = append(got, r.ID)
	}
	if want := []string{"b", "d", "a", "c", "cel", "late"}; !slices.Equal(got, want) {
		t.Errorf("plan order %v, want %v", got, want)
	}
	if recs[0].ID != "a" {
		t.Error("InPlanOrder changed its argument")
	}
	for _, c := range []struct {
		r    Recommendation
		want int
	}{{Recommendation{HorizonDays: 45}, 60}, {Recommendation{HorizonDays: 120}, 90}, {Recommendation{Kind: KindCelebration}, PhaseKeep}, {Recommendation{Appendix: true, HorizonDays: 30}, PhaseLater}} {
		if got := Phase(c.r); got != c.want {
			t.Errorf("Phase(%+v) = %d, want %d", c.r, got, c.want)
		}
	}
}

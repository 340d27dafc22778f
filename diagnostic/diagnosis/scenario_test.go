package diagnosis

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/analysis"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// asOf is "today" of the simulated companies: their last month of data is
// October 2026.
var asOf = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

// company describes a simulated subscription company: the levers that
// shape its records, and what it told the questionnaire.
type company struct {
	symptom   string
	objective diagnostic.Objective
	months    int     // months of monthly data, ending October 2026
	customers int     // customers at the start, signed 13–36 months before
	mrr       float64 // mean MRR of a customer
	churn     float64 // monthly churn probability
	upgrade   float64 // monthly probability of a 40 % upgrade
	deals     int     // deals created a month
	winRate   float64
	cycle     float64 // days from created to closed
	acv       float64 // deal amount (a year of the subscription)
	quota     float64 // monthly quota
	spend     float64 // monthly sales and marketing spend
}

// snapshot generates the company's records with seed: customers and their
// lifecycle, deals, and monthly inputs; the assessment is the demo's (three
// departments that disagree on several pillars) with the company's symptom
// and objective; there is no KPI plan.
func (c company) snapshot(seed uint64) analysis.Snapshot {
	rng := rand.New(rand.NewPCG(seed, 99))
	demo := analysis.DemoSnapshot(asOf)
	s := analysis.Snapshot{Profile: demo.Profile, AsOf: asOf, Assessments: demo.Assessments}
	s.Profile.Name = "Sim"
	ctx := &s.Assessments[len(s.Assessments)-1].Context
	ctx.Symptom, ctx.Objective = c.symptom, c.objective

	last := diagnostic.MonthOf(asOf).Add(-1)
	first := last.Add(1 - c.months)
	day := func(m diagnostic.Month) time.Time { return m.Start().AddDate(0, 0, rng.IntN(28)).Add(12 * time.Hour) }
	type span struct{ recs []diagnostic.Customer }
	var custs []*span
	add := func(start time.Time, mrr float64) {
		id := fmt.Sprintf("C%04d", len(custs)+1)
		custs = append(custs, &span{[]diagnostic.Customer{{ExternalID: id, Start: start, MRR: math.Round(mrr)}}})
	}
	// A young company's customers and deals start with its data.
	signed, dealsFrom := func() diagnostic.Month { return first.Add(-13 - rng.IntN(24)) }, first.Add(-3)
	if c.months < 12 {
		signed, dealsFrom = func() diagnostic.Month { return first.Add(-rng.IntN(3)) }, first
	}
	for range c.customers {
		add(day(signed()), c.mrr*(0.7+0.6*rng.Float64()))
	}
	created := map[diagnostic.Month]int{}
	for m := dealsFrom; !last.Before(m); m = m.Add(1) {
		for range c.deals - 1 + rng.IntN(3) {
			d := diagnostic.Deal{ExternalID: fmt.Sprintf("D%05d", len(s.Deals)+1), Amount: math.Round(c.acv * (0.8 + 0.4*rng.Float64())),
				Currency: "EUR", Created: day(m), Pipeline: "new_business"}
			won := rng.Float64() < c.winRate
			closed := d.Created.AddDate(0, 0, int(math.Max(7, c.cycle*(0.6+0.8*rng.Float64()))))
			switch {
			case !closed.Before(last.End()):
				d.Status = diagnostic.DealOpen
			case won:
				d.Status, d.Closed = diagnostic.DealWon, closed
				add(closed, d.Amount/12)
			default:
				d.Status, d.Closed = diagnostic.DealLost, closed
			}
			created[m]++
			s.Deals = append(s.Deals, d)
		}
	}
	for m := first.Add(-12); !last.Before(m); m = m.Add(1) {
		for _, sp := range custs {
			cur := &sp.recs[len(sp.recs)-1]
			if !cur.End.IsZero() || !cur.Start.Before(m.Start()) {
				continue
			}
			switch x := rng.Float64(); {
			case x < c.churn:
				cur.End = day(m)
			case x < c.churn+c.upgrade:
				at := day(m)
				cur.End = at
				sp.recs = append(sp.recs, diagnostic.Customer{ExternalID: cur.ExternalID, Start: at, MRR: math.Round(cur.MRR * 1.4)})
			}
		}
	}
	for _, sp := range custs {
		s.Customers = append(s.Customers, sp.recs...)
	}
	for m := first; !last.Before(m); m = m.Add(1) {
		end := m.End().Add(-time.Nanosecond)
		mrr := 0.0
		for _, cu := range s.Customers {
			if !cu.Start.After(end) && (cu.End.IsZero() || cu.End.After(end)) {
				mrr += cu.MRR
			}
		}
		leads := math.Round(float64(c.deals) * 25 * (0.9 + 0.2*rng.Float64()))
		obs := map[string]float64{
			"revenue": math.Round(mrr), "gross_profit": math.Round(mrr * 0.76), "net_profit": math.Round(mrr * 0.09),
			"sales_marketing_spend": math.Round(c.spend * (0.95 + 0.1*rng.Float64())), "marketing_spend": math.Round(c.spend * 0.4),
			"marketing_attributed_revenue": math.Round(c.spend * 0.4 * 2.5), "quota": c.quota,
			"leads": leads, "mqls": math.Round(leads * 0.4), "sqls": math.Round(leads * 0.4 * 0.38), "opportunities": float64(created[m]),
		}
		for k, v := range obs {
			s.Observations = append(s.Observations, diagnostic.Observation{Metric: k, Month: m, Value: v, Source: diagnostic.SourceManual})
		}
	}
	return s
}

// The companies of the tests: each has one binding constraint and names a
// symptom that the data bear out.
var (
	// Churn: GRR about 81 %, NRR about 85 %, CAC payback about 37 months.
	churnCo = company{symptom: "churn_downsell", objective: diagnostic.ObjRetainExpand, months: 24, customers: 160, mrr: 1000,
		churn: 0.017, upgrade: 0.006, deals: 12, winRate: 0.24, cycle: 55, acv: 12000, quota: 40000, spend: 80000}
	// Win rate about 10 % on plenty of pipeline; healthy retention.
	winRateCo = company{symptom: "pipeline_not_converting", objective: diagnostic.ObjGrowRevenue, months: 24, customers: 150, mrr: 1000,
		churn: 0.004, upgrade: 0.025, deals: 20, winRate: 0.10, cycle: 60, acv: 12000, quota: 30000, spend: 25000}
	// Pipeline coverage under 2× quota; deals that do come in close well.
	coverageCo = company{symptom: "not_enough_leads", objective: diagnostic.ObjGrowRevenue, months: 24, customers: 150, mrr: 1000,
		churn: 0.004, upgrade: 0.025, deals: 4, winRate: 0.32, cycle: 45, acv: 12000, quota: 40000, spend: 15000}
	// Three months and about fifteen deals.
	sparseCo = company{symptom: "churn_downsell", months: 3, customers: 20, mrr: 800,
		churn: 0.02, upgrade: 0.01, deals: 5, winRate: 0.25, cycle: 30, acv: 9000, quota: 20000, spend: 8000}
)

func analyse(t *testing.T, s analysis.Snapshot, lang locale.Lang) (*analysis.Analysis, *Diagnosis) {
	t.Helper()
	a, err := analysis.Analyse(context.Background(), s, lang)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Diagnose(a)
	if err != nil {
		t.Fatal(err)
	}
	return a, d
}

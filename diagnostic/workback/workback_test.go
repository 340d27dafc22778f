package workback

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
)

func month(s string) diagnostic.Month {
	t, err := time.Parse("2006-01", s)
	if err != nil {
		panic(err)
	}
	return diagnostic.MonthOf(t)
}

// simulate is a company with a known truth: closed deals per month, each
// won with probability winRate, amounts uniform around size (±20 %), a
// cycle of cycleDays, over 2025.
func simulate(seed uint64, closedPerMonth int, winRate, size float64, cycleDays int) []diagnostic.Deal {
	r := rand.New(rand.NewPCG(seed, 18))
	var deals []diagnostic.Deal
	for m := range 12 {
		for i := range closedPerMonth {
			closed := time.Date(2025, time.Month(m+1), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
			d := diagnostic.Deal{ExternalID: strconv.Itoa(m*1000 + i), Status: diagnostic.DealLost, Amount: size * (0.8 + 0.4*r.Float64()),
				Created: closed.AddDate(0, 0, -cycleDays), Closed: closed}
			if r.Float64() < winRate {
				d.Status = diagnostic.DealWon
			}
			deals = append(deals, d)
		}
	}
	// Open pipeline at the end: 10 deals created in December.
	for i := range 10 {
		deals = append(deals, diagnostic.Deal{ExternalID: "open" + strconv.Itoa(i), Status: diagnostic.DealOpen, Amount: size,
			Created: time.Date(2025, 12, 10, 0, 0, 0, 0, time.UTC)})
	}
	return deals
}

func plan(t *testing.T, deals []diagnostic.Deal, revenue float64) Plan {
	t.Helper()
	in := kpi.Inputs{Deals: deals}
	rows, err := kpi.Compute(in, month("2025-01"), month("2025-12"), kpi.Month)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Compute(Input{Revenue: revenue, Currency: "EUR", From: month("2026-01"), By: month("2026-06"),
		AsOf: time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC), Rows: rows, To: month("2025-12"), Deals: deals})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

// TestWorkBackConsistent: on a simulated company the rates are near the
// truth and the figures agree with the rates they state, exactly.
func TestWorkBackConsistent(t *testing.T) {
	deals := simulate(1, 40, 0.25, 10000, 60)
	p := plan(t, deals, 1_200_000)
	r := p.Rates
	if r.WinRate == nil || math.Abs(*r.WinRate-0.25) > 0.08 || r.AvgDealSize == nil || math.Abs(*r.AvgDealSize-10000) > 1000 ||
		r.CycleDays == nil || math.Abs(*r.CycleDays-60) > 1 {
		t.Fatalf("rates %+v (truth 25 %%, 10,000, 60 days), evidence %+v", r, p.Evidence)
	}
	if r.LeadToCustomer != nil || !slices.Contains(p.NotEnough, "lead_to_customer") || p.Required.Leads != nil {
		t.Errorf("no leads, yet lead-to-customer %v, leads %v (not enough: %v)", r.LeadToCustomer, p.Required.Leads, p.NotEnough)
	}
	q := p.Required
	if !near(*q.WonDeals**r.AvgDealSize, 1_200_000) || !near(*q.Opportunities**r.WinRate, *q.WonDeals) ||
		!near(*q.Pipeline, *q.Opportunities**r.AvgDealSize) || !near(*p.PerMonth.WonDeals*6, *q.WonDeals) || p.Months != 6 {
		t.Errorf("inconsistent: won %v × size %v, opportunities %v × win rate %v, pipeline %v, per month %v",
			*q.WonDeals, *r.AvgDealSize, *q.Opportunities, *r.WinRate, *q.Pipeline, *p.PerMonth.WonDeals)
	}
	// The run rate: October–December 2025, counted here independently.
	var wonRev, won, created float64
	for _, d := range deals {
		if d.Status == diagnostic.DealWon && d.Closed.Month() >= 10 && d.Closed.Year() == 2025 {
			wonRev += d.Amount
			won++
		}
		if d.Created.Year() == 2025 && d.Created.Month() >= 10 {
			created++
		}
	}
	rr := p.RunRate
	if !near(rr.WonRevenuePerMonth, wonRev/3) || !near(rr.WonDealsPerMonth, won/3) || !near(rr.OpportunitiesPerMonth, created/3) || rr.OpenPipeline != 100000 {
		t.Errorf("run rate %+v, want %v/month, %v won/month, %v created/month, 100,000 open", rr, wonRev/3, won/3, created/3)
	}
	if !near(p.Gap.Revenue, 1_200_000-wonRev/3*6) || !near(*p.Gap.WonDealsPerMonth, *p.PerMonth.WonDeals-won/3) || !near(*p.Gap.Pipeline, *q.Pipeline-100000) {
		t.Errorf("gap %+v", p.Gap)
	}
	// 30 June 2026 minus the ~60-day cycle: about 1 May, after 5 January.
	if p.OpportunitiesBy == nil || p.Late || p.OpportunitiesBy.Month() != time.May && p.OpportunitiesBy.Month() != time.April {
		t.Errorf("opportunities by %v, late %v", p.OpportunitiesBy, p.Late)
	}
}

// TestWorkBackNotEnoughData: with 5 closed deals a year the win rate has
// no verdict, so the opportunities and pipeline it would give are null and
// named, while the won deals (from the deal size) are still there.
func TestWorkBackNotEnoughData(t *testing.T) {
	deals := simulate(2, 1, 0.5, 10000, 30)[:5]
	p := plan(t, deals, 100_000)
	if p.Rates.WinRate != nil || p.Required.Opportunities != nil || p.Required.Pipeline != nil || !slices.Contains(p.NotEnough, "win_rate") {
		t.Errorf("win rate %v opportunities %v pipeline %v not enough %v", p.Rates.WinRate, p.Required.Opportunities, p.Required.Pipeline, p.NotEnough)
	}
	if ev := p.Evidence["win_rate"]; ev.Enough() || ev.Insufficient == nil || ev.Insufficient.Need != 30 {
		t.Errorf("win-rate evidence %+v says nothing is missing", ev)
	}
	if p.Rates.AvgDealSize != nil && (p.Required.WonDeals == nil || p.Evidence["avg_deal_size"].Confidence != kpi.Low) {
		t.Errorf("deal size %v from few deals: won %v, evidence %+v", *p.Rates.AvgDealSize, p.Required.WonDeals, p.Evidence["avg_deal_size"])
	}
	if _, err := Compute(Input{Revenue: -1, From: month("2026-01"), By: month("2026-06")}); err == nil {
		t.Error("a negative target was accepted")
	}
	if _, err := Compute(Input{Revenue: 1, From: month("2026-06"), By: month("2026-01")}); err == nil {
		t.Error("a target month in the past was accepted")
	}
}

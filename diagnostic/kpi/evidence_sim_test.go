package kpi

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// Simulated companies: the statistical teeth of the evidence rules
// (docs/METHOD.md, "Validation"). Every company is seeded, so the figures
// are reproducible; they are logged with -v.

const simMonths = 24

var simEnd = diagnostic.Month{Year: 2026, Month: time.October}

// simDeals closes, in each of simMonths months ending simEnd, between
// perMonth−4 and perMonth+4 deals, each won with probability rate(month
// index 0…simMonths−1).
func simDeals(seed uint64, perMonth int, rate func(i int) float64) []diagnostic.Deal {
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	var out []diagnostic.Deal
	first := simEnd.Add(1 - simMonths)
	for i := range simMonths {
		m := first.Add(i)
		n := perMonth - 4 + rng.IntN(9)
		for range n {
			closed := time.Date(m.Year, m.Month, 1+rng.IntN(28), 12, 0, 0, 0, time.UTC)
			st := diagnostic.DealLost
			if rng.Float64() < rate(i) {
				st = diagnostic.DealWon
			}
			out = append(out, diagnostic.Deal{Status: st, Amount: 10000, Created: closed.AddDate(0, 0, -45), Closed: closed})
		}
	}
	return out
}

// simRow computes the win-rate row of the last month for a company.
func simRow(t *testing.T, deals []diagnostic.Deal, plan []diagnostic.PlanItem) Row {
	t.Helper()
	in := Inputs{Deals: deals, Plan: plan, Profile: diagnostic.Profile{Industry: diagnostic.IndustrySaaS, Currency: "USD"}}
	rows, err := Compute(in, simEnd, simEnd, Month)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.KPI == "win_rate" {
			return r
		}
	}
	t.Fatal("no win_rate row")
	return Row{}
}

// TestSimConstantWinRateFalseAlarms: companies whose true win rate never
// moves. A trend claim is a false alarm; so is "off track" against a target
// the true rate beats, and a benchmark position on the wrong side of the
// median. The share of companies with any false alarm must stay near the
// trend test's α (0.10): at most 1 in 10 plus sampling slack.
func TestSimConstantWinRateFalseAlarms(t *testing.T) {
	const seeds = 200
	for _, sc := range []struct {
		rate     float64
		perMonth int
	}{{0.25, 12}, {0.29, 12}, {0.25, 30}, {0.40, 8}} {
		plan := []diagnostic.PlanItem{{KPI: "win_rate", Targets: []diagnostic.Target{{Value: sc.rate - 0.03, By: simEnd.Add(6)}}}}
		var trend, offTrack, atRisk, wrongSide, insufficient, any int
		for s := range uint64(seeds) {
			r := simRow(t, simDeals(s+1, sc.perMonth, func(int) float64 { return sc.rate }), plan)
			alarm := false
			if r.Trend != nil && (r.Trend.Direction == Improving || r.Trend.Direction == Worsening) {
				trend++
				alarm = true
			}
			switch r.Status {
			case OffTrack:
				offTrack++
				alarm = true
			case AtRisk:
				atRisk++
			}
			if r.Insufficient != nil {
				insufficient++
			}
			if b := r.Benchmark; b != nil && b.Median != nil {
				med := *b.Median
				if (sc.rate >= med && b.Position.Worse()) || (sc.rate <= med && (b.Position == AboveMedian || b.Position.Best())) {
					wrongSide++
					alarm = true
				}
			}
			if alarm {
				any++
			}
		}
		share := func(n int) float64 { return float64(n) / seeds }
		t.Logf("true win rate %.0f%%, ~%d closed deals a month, %d seeds: trend claimed %.3f, off track %.3f, at risk %.3f, wrong side of the benchmark %.3f, insufficient %.3f; any false alarm %.3f",
			100*sc.rate, sc.perMonth, seeds, share(trend), share(offTrack), share(atRisk), share(wrongSide), share(insufficient), share(any))
		// α = 0.10 with a 200-seed standard error of 0.021: two of them.
		if share(trend) > 0.14 {
			t.Errorf("rate %.2f: trend false alarms %.3f, want near α = 0.10", sc.rate, share(trend))
		}
		if share(any) > 0.15 {
			t.Errorf("rate %.2f: %.3f of companies raised a false alarm, want at most about 1 in 10", sc.rate, share(any))
		}
	}
}

// TestSimDecliningWinRateIsFound: a real decline must be found (power). The
// win rate is flat for a year, then falls linearly by 20 points over the
// last 12 months.
func TestSimDecliningWinRateIsFound(t *testing.T) {
	const seeds = 200
	decline := func(i int) float64 {
		if i < 12 {
			return 0.35
		}
		return 0.35 - 0.20*float64(i-11)/12
	}
	for _, sc := range []struct {
		perMonth int
		minPower float64
	}{{12, 0}, {25, 0}, {40, 0.80}} {
		found, wrong := 0, 0
		for s := range uint64(seeds) {
			r := simRow(t, simDeals(1000+s, sc.perMonth, decline), nil)
			switch r.Trend.Direction {
			case Worsening:
				found++
			case Improving:
				wrong++
			}
		}
		power := float64(found) / seeds
		t.Logf("win rate 35%% → 15%% over 12 months, ~%d closed deals a month, %d seeds: worsening found in %.3f, improving claimed in %.3f",
			sc.perMonth, seeds, power, float64(wrong)/seeds)
		if power < sc.minPower || wrong > 0 {
			t.Errorf("~%d deals a month: power %.3f (want ≥ %.2f), %d wrong-way claims", sc.perMonth, power, sc.minPower, wrong)
		}
	}
}

// TestSimConstantRevenueMannKendall: monthly revenue with ±10 % noise and no
// trend; Mann-Kendall claims a trend in about α of the companies.
func TestSimConstantRevenueMannKendall(t *testing.T) {
	const seeds = 200
	claims := 0
	for s := range uint64(seeds) {
		rng := rand.New(rand.NewPCG(s+7, 0xbeef))
		var o []diagnostic.Observation
		for i := range simMonths {
			v := 100000 * (1 + 0.1*rng.NormFloat64())
			o = append(o, diagnostic.Observation{Metric: "revenue", Month: simEnd.Add(i + 1 - simMonths), Value: v})
		}
		rows, err := Compute(Inputs{Observations: o}, simEnd, simEnd, Month)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			if r.KPI == "revenue" && (r.Trend.Direction == Improving || r.Trend.Direction == Worsening) {
				claims++
			}
		}
	}
	share := float64(claims) / seeds
	t.Logf("constant revenue ±10%%, %d seeds: trend claimed in %.3f", seeds, share)
	if share > 0.14 {
		t.Errorf("constant revenue: trend claimed in %.3f of companies, want near α = 0.10", share)
	}
}

package kpi

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

func TestWilsonByHand(t *testing.T) {
	// 0 of 11 at 90 %: z² = 2.7055, centre (0 + 2.7055/22) ÷ (1 + 2.7055/11)
	// = 0.12298/1.24596 = 0.09870, half-width the same → [0, 0.1974].
	lo, hi := Wilson(0, 11, Z90)
	if lo != 0 || math.Abs(hi-0.19740) > 1e-4 {
		t.Errorf("0/11: [%g, %g]", lo, hi)
	}
	// 3 of 12 (25 %): denominator 1 + 2.7055/12 = 1.22546, centre
	// (0.25 + 0.11273)/1.22546 = 0.29599, half-width 1.64485/1.22546 ×
	// √(0.015625 + 0.0046970) = 0.19135 → [0.1047, 0.4873].
	lo, hi = Wilson(0.25, 12, Z90)
	if math.Abs(lo-0.1047) > 2e-4 || math.Abs(hi-0.4873) > 2e-4 {
		t.Errorf("3/12: [%g, %g]", lo, hi)
	}
}

func TestStudentAndMannKendallByHand(t *testing.T) {
	// t = 2.132 with 4 df is the 95th percentile: two-sided p = 0.10.
	if p := StudentTwoSided(2.131847, 4); math.Abs(p-0.10) > 1e-4 {
		t.Errorf("t 4 df: p = %g", p)
	}
	if q := StudentQuantile(0.10, 10); math.Abs(q-1.812461) > 1e-4 {
		t.Errorf("t quantile 10 df: %g", q)
	}
	// Six values rising: S = 15, var = 6·5·17/18 = 28.33, z = 14/5.323 = 2.630,
	// p = 0.00854.
	s, p := MannKendall([]float64{1, 2, 3, 4, 5, 6})
	if s != 15 || math.Abs(p-0.00854) > 1e-4 {
		t.Errorf("MK rising: S %g p %g", s, p)
	}
	if _, p := MannKendall([]float64{3, 1, 4, 1, 5, 9, 2, 6}); p < 0.10 {
		t.Errorf("MK noise: p %g", p)
	}
}

// randomDeals closes a random number of deals (0…maxPerMonth) in each of
// 24 months ending simEnd, with a random true rate.
func randomDeals(rng *rand.Rand, maxPerMonth int) []diagnostic.Deal {
	var out []diagnostic.Deal
	rate := 0.1 + 0.6*rng.Float64()
	for i := range 24 {
		m := simEnd.Add(i - 23)
		for range rng.IntN(maxPerMonth + 1) {
			st := diagnostic.DealLost
			if rng.Float64() < rate {
				st = diagnostic.DealWon
			}
			closed := time.Date(m.Year, m.Month, 1+rng.IntN(28), 0, 0, 0, 0, time.UTC)
			out = append(out, diagnostic.Deal{Status: st, Amount: 1000, Created: closed.AddDate(0, 0, -20), Closed: closed})
		}
	}
	return out
}

// TestWindowGrowthProperties: over random deal streams, every win-rate row
// is judged over the shortest of 1, 3, 6, 12 months that holds 30 closed
// deals; its value and sample are those of that window, counted here
// independently; a row without enough deals in 12 months says so and has
// no status, no position and no trend.
func TestWindowGrowthProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(42, 13))
	plan := []diagnostic.PlanItem{{KPI: "win_rate", Targets: []diagnostic.Target{{Value: 0.3, By: simEnd.Add(6)}}}}
	for trial := range 60 {
		deals := randomDeals(rng, 1+rng.IntN(20))
		rows, err := Compute(Inputs{Deals: deals, Plan: plan, Profile: diagnostic.Profile{Industry: "saas", Currency: "USD"}}, simEnd.Add(-11), simEnd, Month)
		if err != nil {
			t.Fatal(err)
		}
		count := func(from, to diagnostic.Month) (won, closed float64) {
			for _, d := range deals {
				m := diagnostic.MonthOf(d.Closed)
				if !m.Before(from) && !to.Before(m) {
					closed++
					if d.Status == diagnostic.DealWon {
						won++
					}
				}
			}
			return
		}
		for _, r := range rows {
			if r.KPI != "win_rate" || r.Value == nil {
				continue
			}
			name := fmt.Sprintf("trial %d %s", trial, r.Period)
			end := r.Of.First
			k := r.Window.To.Index() - r.Window.From.Index() + 1
			if r.Window.To != end || !slices.Contains([]int{1, 3, 6, 12}, k) {
				t.Fatalf("%s: window %v", name, r.Window)
			}
			won, closed := count(r.Window.From, r.Window.To)
			if r.Sample == nil || *r.Sample != closed || math.Abs(*r.Value-won/closed) > 1e-12 {
				t.Fatalf("%s: value %g sample %v, want %g/%g", name, *r.Value, r.Sample, won, closed)
			}
			for _, shorter := range []int{1, 3, 6} {
				if shorter >= k {
					break
				}
				if _, c := count(end.Add(1-shorter), end); c >= 30 {
					t.Fatalf("%s: window of %d months, but %d months hold %g closed deals", name, k, shorter, c)
				}
			}
			if closed >= 30 {
				if r.Insufficient != nil || r.Confidence == Low {
					t.Fatalf("%s: %g deals called insufficient", name, closed)
				}
			} else {
				if r.Insufficient == nil || k != 12 && closed > 0 || r.Status != NoStatus || r.Confidence != Low ||
					r.Trend.Direction != InsufficientData || r.Benchmark != nil && r.Benchmark.Position != NotComparable {
					t.Fatalf("%s: %g deals in %d months, row %+v trend %+v", name, closed, k, r, r.Trend)
				}
			}
			if r.Interval == nil || r.Interval.Low > *r.Value || r.Interval.High < *r.Value {
				t.Fatalf("%s: interval %+v around %g", name, r.Interval, *r.Value)
			}
		}
	}
}

// TestBenchmarkFollowsTheData: a SaaS company whose profile says
// mid-market but whose customers pay ~500 € a month (~6,000 € a year) is
// compared with the small-ACV NRR rows (97–100 %), never the mid-market
// 108 %, and the contradiction is noted.
func TestBenchmarkFollowsTheData(t *testing.T) {
	var custs []diagnostic.Customer
	for i := range 60 {
		c := diagnostic.Customer{ExternalID: fmt.Sprint(i), Start: day("2024-01-15"), MRR: 480 + float64(i%5)*10}
		if i%7 == 0 {
			c.End = day("2025-09-20")
		}
		custs = append(custs, c)
	}
	prof := diagnostic.Profile{Industry: "saas", Segment: "mid_market", Currency: "EUR"}
	rows := compute(t, Inputs{Customers: custs, Profile: prof}, "2026-03", "2026-03", Month)
	nrr := rows["nrr 2026-03"]
	b := nrr.Benchmark
	if b == nil || b.Median == nil || *b.Median > 1.00 || b.Basis != BasisData || !slices.Contains(b.Notes, NoteProfileDiffers) {
		t.Fatalf("NRR benchmark = %+v", b)
	}
	if nrr.Match == nil || nrr.Match.ACVMax == nil || *nrr.Match.ACVMax > SMBMaxACV {
		t.Errorf("NRR row %+v is not a small-ACV row", nrr.Match)
	}
	// The same from won deals of 6,000 € (no customer records).
	var deals []diagnostic.Deal
	for i := range 40 {
		closed := day("2026-01-10").AddDate(0, 0, i)
		deals = append(deals, diagnostic.Deal{Status: diagnostic.DealWon, Amount: 6000, Created: closed.AddDate(0, 0, -30), Closed: closed})
	}
	m, ok := ChooseBenchmark("nrr", prof, Size{ACV: 6000 * USDPer["EUR"], Segment: SegmentOfACV(6000 * USDPer["EUR"])}, 2026)
	if !ok || m.Median == nil || *m.Median > 1.00 {
		t.Errorf("from ACV 6,000 €: %+v", m)
	}
	rows = compute(t, Inputs{Deals: deals, Profile: prof}, "2026-03", "2026-03", Month)
	if b := rows["win_rate 2026-03"].Benchmark; b == nil || b.Basis != BasisData {
		t.Errorf("win rate benchmark from deals: %+v", b)
	}
	// Without data, the profile decides: the mid-market row.
	if m, _ := ChooseBenchmark("nrr", prof, Size{}, 2026); m.Median == nil || *m.Median != 1.08 || m.Basis != BasisProfile {
		t.Errorf("profile only: %+v", m)
	}
}

// TestBenchmarkChoiceProperties: over random profiles and sizes, the row
// chosen measures the KPI, fits the industry, holds the size in its bands,
// and is old or undated only when no current row fits.
func TestBenchmarkChoiceProperties(t *testing.T) {
	all, err := Benchmarks()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, b := range all {
		if b.KPI != "" && !slices.Contains(ids, b.KPI) {
			ids = append(ids, b.KPI)
		}
	}
	industries := append([]diagnostic.Industry{""}, diagnostic.Industries...)
	segments := append([]diagnostic.Segment{""}, diagnostic.Segments...)
	rng := rand.New(rand.NewPCG(7, 7))
	for range 2000 {
		id := ids[rng.IntN(len(ids))]
		p := diagnostic.Profile{Industry: industries[rng.IntN(len(industries))], Segment: segments[rng.IntN(len(segments))]}
		var s Size
		if rng.IntN(2) == 0 {
			s.ACV = math.Exp(rng.Float64() * math.Log(1e6))
			s.ARPA = s.ACV / 12
			s.Revenue = math.Exp(rng.Float64() * math.Log(1e9))
			s.Segment = SegmentOfACV(s.ACV)
		}
		m, ok := ChooseBenchmark(id, p, s, 2026)
		if !ok {
			t.Fatalf("%s: no answer though the table has rows", id)
		}
		if m.Reason != "" {
			// No fitting row: check that indeed none fits.
			for _, b := range all {
				if b.KPI == id && (len(b.Industries) == 0 || slices.Contains(b.Industries, p.Industry) || p.Industry == "") {
					seg := p.Segment
					if s.Segment != "" {
						seg = s.Segment
					}
					if _, fit := sizeFit(b, seg, s); fit {
						t.Fatalf("%s %+v %+v: reason %s but %s %s fits", id, p, s, m.Reason, b.Source, b.SegmentEN)
					}
				}
			}
			continue
		}
		b := m.Benchmark
		in := func(lo, hi *float64, v float64) bool {
			return v <= 0 || (lo == nil || v >= *lo) && (hi == nil || v < *hi)
		}
		switch {
		case b.KPI != id:
			t.Fatalf("%s: chose a row of %q", id, b.KPI)
		case p.Industry != "" && len(b.Industries) > 0 && !slices.Contains(b.Industries, p.Industry):
			t.Fatalf("%s %+v: row for %v", id, p, b.Industries)
		case !in(b.ACVMin, b.ACVMax, s.ACV) || !in(b.ARPAMin, b.ARPAMax, s.ARPA) || !in(b.RevenueMin, b.RevenueMax, s.Revenue):
			t.Fatalf("%s size %+v: row %s %s outside its bands", id, s, b.Source, b.SegmentEN)
		case s.Segment != "" && len(b.Segments) > 0 && !slices.Contains(b.Segments, s.Segment):
			t.Fatalf("%s size %+v: row for %v", id, s, b.Segments)
		}
		if y := latestYear(b.Year); y == 0 || 2026-y > MaxBenchmarkAge {
			if !slices.Contains(m.Notes, NoteOld) && !slices.Contains(m.Notes, NoteUndated) {
				t.Fatalf("%s: old row %s %s without a note", id, b.Source, b.Year)
			}
			for _, o := range all {
				if o.KPI != id || (len(o.Industries) > 0 && p.Industry != "" && !slices.Contains(o.Industries, p.Industry)) {
					continue
				}
				seg := p.Segment
				if s.Segment != "" {
					seg = s.Segment
				}
				oy := latestYear(o.Year)
				if _, fit := sizeFit(o, seg, s); fit && oy > 0 && 2026-oy <= MaxBenchmarkAge {
					t.Fatalf("%s %+v %+v: old %s %s chosen over current %s %s", id, p, s, b.Source, b.Year, o.Source, o.Year)
				}
			}
		}
	}
}

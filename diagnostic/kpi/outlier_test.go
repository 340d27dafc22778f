package kpi

import (
	"math"
	"slices"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// seriesOf turns values into a series; NaN stands for a period without a value.
func seriesOf(vals []float64) []res {
	s := make([]res, len(vals))
	for i, v := range vals {
		if math.IsNaN(v) {
			s[i] = missing("x")
		} else {
			s[i] = okv(v)
		}
	}
	return s
}

// flagged lists the indices spikes marks as outliers.
func flagged(vals []float64) []int {
	var out []int
	for i, s := range spikes(seriesOf(vals), 1e-9) {
		if s.outlier {
			out = append(out, i)
		}
	}
	return out
}

func gen(n int, f func(i int) float64) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = f(i)
	}
	return v
}

func TestSpikes(t *testing.T) {
	nan := math.NaN()
	// Deterministic noise of ±2 % around a level: a fixed pattern, not random.
	wobble := []float64{0.01, -0.02, 0.015, -0.005, 0.02, -0.01, 0.0, -0.015}
	noisy := func(i int) float64 { return (10000 + 400*float64(i)) * (1 + wobble[i%len(wobble)]) }
	withSpike := func(v []float64, at int, k float64) []float64 {
		v = slices.Clone(v)
		v[at] *= k
		return v
	}
	linear := gen(24, func(i int) float64 { return 10000 + 500*float64(i) })
	gapped := slices.Clone(linear)
	gapped[22] = nan
	cac := gen(20, func(i int) float64 { return 12000 + 300*float64(i%5) })
	cac[15] = 54000 // the month after is missing, the one after that normal
	cac[16] = nan
	cases := []struct {
		name string
		vals []float64
		want []int
	}{
		// Every change is +500: detrended changes all 0 → z 0 everywhere.
		{"linear growth", linear, nil},
		// +3 % a month compounding: changes rise smoothly from 300 to 593;
		// within a window they spread evenly, so |z| ≤ 0.6745 × 2 = 1.35.
		{"compound growth 3 %", gen(24, func(i int) float64 { return 10000 * math.Pow(1.03, float64(i)) }), nil},
		// Accelerating (quadratic) then flattening (square root) growth.
		{"quadratic growth", gen(24, func(i int) float64 { return 5000 + 20*float64(i*i) }), nil},
		{"concave growth", gen(24, func(i int) float64 { return 1000 * math.Sqrt(float64(i+1)) }), nil},
		// ±2 % noise on a rising line (changes of about ±600 around +400).
		{"noisy growth", gen(24, noisy), nil},
		// A 60 % jump in month 10 of the noisy line: change in ≈ +6,900 and
		// out ≈ −6,000 against a MAD of changes of a few hundred.
		{"noisy growth + spike", withSpike(gen(24, noisy), 10, 1.6), []int{10}},
		// Linear + 15,000 in month 9: changes +15,500 then −14,500, all others
		// +500; detrended: +15,000, −15,000, 0 … → MAD 0, mean absolute
		// deviation 30,000 ÷ 22 changes in the window → z ≈ 15,000 ÷
		// (1.253314 × 1,363.6) = 8.8 for both, opposite signs → flagged.
		// Months 8 and 10 each have one normal change → not flagged.
		{"linear + spike", func() []float64 { v := slices.Clone(linear); v[9] += 15000; return v }(), []int{9}},
		{"linear + dip", func() []float64 { v := slices.Clone(linear); v[15] -= 9000; return v }(), []int{15}},
		// The latest value has only its change in: a jump there is flagged.
		{"linear + last spike", func() []float64 { v := slices.Clone(linear); v[23] += 15000; return v }(), []int{23}},
		// A step to a new level: one large change, not a spike.
		{"step", gen(24, func(i int) float64 { return map[bool]float64{true: 100, false: 300}[i < 12] }), nil},
		{"constant", gen(24, func(int) float64 { return 42 }), nil},
		// A missing month inside a steady trend: the change across it is
		// +1,000 over two periods, the median rate × 2 → detrended 0.
		{"linear with a gap", gapped, nil},
		// A spike followed by a missing month (the demo's April CAC): the
		// changes into and out of it skip the gap.
		{"spike before a gap", cac, []int{15}},
		// Five values cannot be judged, however wild.
		{"short series", []float64{10, 11, 500, 12, 13}, nil},
		{"short with gaps", []float64{10, nan, 11, 500, nan, 12, 13}, nil},
	}
	for _, c := range cases {
		if got := flagged(c.vals); !slices.Equal(got, c.want) {
			t.Errorf("%s: outliers at %v, want %v", c.name, got, c.want)
		}
	}
}

func TestSpikesScore(t *testing.T) {
	v := gen(24, func(i int) float64 { return 10000 + 500*float64(i) })
	v[9] += 15000
	s := spikes(seriesOf(v), 1e-9)
	// First value: no change into it, not scored.
	if s[0].scored {
		t.Errorf("first value scored: %+v", s[0])
	}
	// Month 9: window of changes 1…22 (22 changes), detrended +15,000 and
	// −15,000, others 0 → mean absolute deviation 30,000 ÷ 22 = 1,363.64;
	// z = 15,000 ÷ (1.253314 × 1,363.64) = 8.7770, positive (above).
	if got := s[9].z; math.Abs(got-8.7770) > 1e-3 {
		t.Errorf("spike z = %.4f, want 8.7770", got)
	}
	// Month 10 sits after the spike: its change in is −15,000 but its
	// change out is normal → z 0.
	if s[10].z != 0 || s[10].outlier {
		t.Errorf("month after the spike: %+v", s[10])
	}
}

func TestComputeOutliersOnGrowth(t *testing.T) {
	// Revenue flat at 10,000 through 2022, then compounding 4 % a month for
	// 24 months (10,400 … 25,633): no outliers. Judged on raw levels against
	// everything since January 2022 (the old method), the later months of
	// growth stood out: 2024-12 at 25,633 against a median of 12,906.
	var o, spiked []diagnostic.Observation
	for i := range 36 {
		v := 10000 * math.Pow(1.04, float64(max(0, i-11)))
		p := mon("2022-01").Add(i).String()
		o = append(o, obs("revenue", p, v))
		if p == "2024-04" { // doubled: a one-month spike
			v *= 2
		}
		spiked = append(spiked, obs("revenue", p, v))
	}
	for _, c := range []struct {
		name string
		in   []diagnostic.Observation
		want []string
	}{{"growth", o, nil}, {"growth + spike", spiked, []string{"2024-04"}}} {
		r := compute(t, Inputs{Observations: c.in}, "2023-01", "2024-12", Month)
		var got []string
		for i := range 24 {
			p := mon("2023-01").Add(i).String()
			if tr := r["revenue "+p].Trend; tr != nil && tr.Outlier {
				got = append(got, p)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: outliers %v, want %v", c.name, got, c.want)
		}
	}
}

func TestSpikesMateriality(t *testing.T) {
	flat := func(level float64) []float64 { return gen(24, func(int) float64 { return level }) }
	with := func(v []float64, at int, x float64) []float64 { v = slices.Clone(v); v[at] = x; return v }
	cases := []struct {
		name  string
		vals  []float64
		floor float64
		want  []int
	}{
		// NRR at 100 % for months, one month at 98.8 %: the series is
		// otherwise constant (MAD 0 makes any move look extreme), but a
		// 1.2-point dip is under 5 % of the level (5 points): not flagged…
		{"nrr dip 1.2 pp", with(flat(1), 12, 0.988), 0.01, nil},
		// …a 6-point one is.
		{"nrr dip 6 pp", with(flat(1), 12, 0.94), 0.01, []int{12}},
		// Win rate at 14 %: 5 % of the level is 0.7 points, under the
		// 1-point floor of a percentage: 14.8 % is not an outlier, 17 % is.
		{"win rate +0.8 pp", with(flat(0.14), 12, 0.148), 0.01, nil},
		{"win rate +3 pp", with(flat(0.14), 12, 0.17), 0.01, []int{12}},
		// Level 100: a spike to 104 is under 5 % of the level; 110 is not.
		{"count +4 %", with(flat(100), 9, 104), 1e-9, nil},
		{"count +10 %", with(flat(100), 9, 110), 1e-9, []int{9}},
	}
	for _, c := range cases {
		var got []int
		for i, s := range spikes(seriesOf(c.vals), c.floor) {
			if s.outlier {
				got = append(got, i)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: outliers at %v, want %v", c.name, got, c.want)
		}
	}
}

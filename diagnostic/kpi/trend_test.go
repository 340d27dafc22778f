package kpi

import (
	"math"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic"
)

func xs(n int) []float64 {
	x := make([]float64, n)
	for i := range x {
		x[i] = float64(i)
	}
	return x
}

func TestLeastSquaresByHand(t *testing.T) {
	// y = 1, 3, 2, 5 at x = 0..3: x̄ = 1.5, ȳ = 2.75, Sxx = 5,
	// Sxy = (−1.5)(−1.75) + (−0.5)(0.25) + (0.5)(−0.75) + (1.5)(2.25) = 5.5 → slope 1.1,
	// intercept 2.75 − 1.65 = 1.1. Residuals −0.1, 0.8, −1.3, 0.6 → SSE 2.7;
	// se = √(2.7 ÷ 2 ÷ 5) = 0.519615 → t = 2.116951.
	f, ok := LeastSquares(xs(4), []float64{1, 3, 2, 5})
	if !ok || math.Abs(f.Slope-1.1) > 1e-12 || math.Abs(f.Intercept-1.1) > 1e-12 || math.Abs(f.T-2.116951) > 1e-6 {
		t.Errorf("fit = %+v", f)
	}
	if _, ok := LeastSquares([]float64{1, 1}, []float64{1, 2}); ok {
		t.Error("a fit over one x value succeeded")
	}
}

func TestClassifySyntheticSeries(t *testing.T) {
	cases := []struct {
		name string
		y    []float64
		dir  diagnostic.Direction
		want string
	}{
		{"rising, higher better", []float64{100, 104, 108, 112, 116, 120}, diagnostic.HigherIsBetter, Improving},
		{"rising, lower better (churn up)", []float64{0.02, 0.022, 0.024, 0.026, 0.028, 0.030}, diagnostic.LowerIsBetter, Worsening},
		{"falling, higher better", []float64{50, 46, 43, 39, 36, 32}, diagnostic.HigherIsBetter, Worsening},
		{"falling, lower better", []float64{60, 55, 51, 47, 42, 38}, diagnostic.LowerIsBetter, Improving},
		// Flat: slope 0.
		{"flat", []float64{20, 20, 20, 20, 20, 20}, diagnostic.HigherIsBetter, Stable},
		// Creeping: slope 0.1 a period over a level of 100: the line moves 0.5 %
		// over the window, under the 5 % threshold, though perfectly linear.
		{"creeping below threshold", []float64{100, 100.1, 100.2, 100.3, 100.4, 100.5}, diagnostic.HigherIsBetter, Stable},
		// Noisy, no trend: slope 0.457 but t ≈ 0.3, far from 2.776.
		{"noisy", []float64{100, 112, 95, 108, 91, 110}, diagnostic.HigherIsBetter, Stable},
		// Rising with one outlier: the outlier breaks significance of the fit.
		{"rising with one outlier", []float64{100, 104, 160, 112, 116, 120}, diagnostic.HigherIsBetter, Stable},
		{"two points", []float64{1, 2}, diagnostic.HigherIsBetter, InsufficientData},
	}
	for _, c := range cases {
		got, _ := Classify(xs(len(c.y)), c.y, c.dir, 1e-9)
		if got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}

func TestRobustZ(t *testing.T) {
	// Sample 10, 11, 12, 13, 50: median 12; deviations 2, 1, 0, 1, 38 → MAD 1.
	// z(50) = 0.6745 × 38 = 25.631 → outlier; z(13) = 0.6745.
	s := []float64{10, 11, 12, 13, 50}
	if z := RobustZ(50, s); math.Abs(z-25.631) > 1e-3 || math.Abs(z) <= OutlierZ {
		t.Errorf("z(50) = %g", z)
	}
	if z := RobustZ(13, s); math.Abs(z-0.6745) > 1e-9 {
		t.Errorf("z(13) = %g", z)
	}
	// MAD zero (5, 5, 5, 5, 9): deviations 0, 0, 0, 0, 4 → MAD 0; mean absolute
	// deviation 0.8 → z(9) = 4 ÷ (1.253314 × 0.8) = 4 ÷ 1.002651 = 3.98942.
	if z := RobustZ(9, []float64{5, 5, 5, 5, 9}); math.Abs(z-3.98942) > 1e-4 {
		t.Errorf("z(9) with MAD 0 = %g", z)
	}
	if z := RobustZ(5, []float64{5, 5, 5}); z != 0 {
		t.Errorf("constant sample z = %g", z)
	}
}

func TestTrendInRowsAndOutlier(t *testing.T) {
	// Revenue 100…170 rising by 10 a month from August 2023 (December 140,
	// January 150), with March 2024 an outlier at 400 instead of 170.
	var o []diagnostic.Observation
	vals := []float64{100, 110, 120, 130, 140, 150, 160, 170}
	for i, v := range vals {
		if i == 7 {
			v = 400
		}
		o = append(o, obs("revenue", mon("2023-08").Add(i).String(), v))
	}
	o = append(o, obs("revenue", "2023-01", 50))
	r := compute(t, Inputs{Observations: o}, "2023-08", "2024-03", Month)
	jan := r["revenue 2024-01"].Trend
	if jan == nil || jan.Direction != Improving || math.Abs(*jan.Slope-10) > 1e-9 || *jan.ChangePrev != 10 || math.Abs(*jan.PctPrev-10.0/140) > 1e-12 {
		t.Errorf("January trend = %+v", jan)
	}
	mar := r["revenue 2024-03"].Trend
	if mar == nil || !mar.Outlier {
		t.Errorf("March 400 not flagged as outlier: %+v", mar)
	}
	if jan.Outlier {
		t.Error("January flagged as outlier")
	}
}

func TestTargetReachedProjection(t *testing.T) {
	// Win rate typed directly: 0.10, 0.12, … 0.22 (slope 0.02 a month over
	// seven months; Mann-Kendall S = 21, p < 0.01). Target 0.31 by 2024-12:
	// from 0.22 in July, ⌈0.09 ÷ 0.02⌉ = 5 months → 2024-12; every pairwise
	// slope is 0.02, so the range is that month too.
	var o []diagnostic.Observation
	for i := range 7 {
		o = append(o, obs("win_rate", mon("2024-01").Add(i).String(), 0.10+0.02*float64(i)))
	}
	plan := []diagnostic.PlanItem{{KPI: "win_rate", Targets: []diagnostic.Target{{Value: 0.31, By: mon("2024-12")}}}}
	r := compute(t, Inputs{Observations: o, Plan: plan}, "2024-01", "2024-07", Month)
	jul := r["win_rate 2024-07"]
	if jul.Trend == nil || jul.Trend.TargetReached != "2024-12" || jul.Trend.ReachEarliest != "2024-12" ||
		jul.Trend.ReachLatest != "2024-12" || jul.Trend.Test != TestMannKendall {
		t.Fatalf("July trend = %+v", jul.Trend)
	}
	// Baseline 0.10 in January; by July 6 of 11 months have passed: the path
	// expects 0.10 + 0.21 × 6/11 = 0.2145; 0.22 meets it → on track.
	if jul.Status != OnTrack {
		t.Errorf("July status = %q", jul.Status)
	}
	// With only four months there is no trend test, hence no projection.
	r = compute(t, Inputs{Observations: o[:4], Plan: plan}, "2024-01", "2024-04", Month)
	if apr := r["win_rate 2024-04"]; apr.Trend.Direction != InsufficientData || apr.Trend.TargetReached != "" {
		t.Errorf("four months: %+v", apr.Trend)
	}
	// Falling instead: not at current pace, off track.
	o = o[:0]
	for i := range 7 {
		o = append(o, obs("win_rate", mon("2024-01").Add(i).String(), 0.22-0.02*float64(i)))
	}
	r = compute(t, Inputs{Observations: o, Plan: plan}, "2024-01", "2024-07", Month)
	jul = r["win_rate 2024-07"]
	if jul.Trend.TargetReached != NotAtCurrentPace || jul.Status != OffTrack {
		t.Errorf("falling: reach %q status %q", jul.Trend.TargetReached, jul.Status)
	}
}

package kpi

import (
	"math"
	"slices"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// Direction of a trend, given the KPI's direction.
const (
	Improving        = "improving"
	Stable           = "stable"
	Worsening        = "worsening"
	InsufficientData = "insufficient_data"
)

// Trend parameters, documented in docs/KPIS.md.
const (
	// TrendWindow is how many periods (at most) the trend is tested over;
	// at least TrendMinPeriods of them need a value.
	TrendWindow = 12
	// StableShare: a fitted line that moves less than this share of the
	// window's mean level over the window is stable.
	StableShare = 0.05
	// OutlierZ is the robust z-score beyond which a value is an outlier.
	OutlierZ = 3.5
)

// tCrit95 is the two-sided 95 % Student t critical value by degrees of
// freedom (n − 2 for a slope over n points), for n = 3…6.
var tCrit95 = map[int]float64{1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776}

// Fit is a least-squares line over (x, y) points.
type Fit struct {
	Slope, Intercept float64
	T                float64 // slope ÷ its standard error; +Inf for an exact line
	N                int
}

// LeastSquares fits y = a + b·x; it needs at least two distinct x values.
func LeastSquares(x, y []float64) (Fit, bool) {
	n := len(x)
	if n < 2 || len(y) != n {
		return Fit{}, false
	}
	var mx, my float64
	for i := range n {
		mx += x[i]
		my += y[i]
	}
	mx /= float64(n)
	my /= float64(n)
	var sxx, sxy float64
	for i := range n {
		sxx += (x[i] - mx) * (x[i] - mx)
		sxy += (x[i] - mx) * (y[i] - my)
	}
	if sxx == 0 {
		return Fit{}, false
	}
	f := Fit{Slope: sxy / sxx, N: n}
	f.Intercept = my - f.Slope*mx
	if n <= 2 {
		f.T = math.Inf(1)
		return f, true
	}
	var sse float64
	for i := range n {
		r := y[i] - f.Intercept - f.Slope*x[i]
		sse += r * r
	}
	se := math.Sqrt(sse / float64(n-2) / sxx)
	switch {
	case se > 1e-12*math.Max(1, math.Abs(f.Slope)):
		f.T = f.Slope / se
	case f.Slope == 0:
		f.T = 0
	default:
		f.T = math.Inf(1)
	}
	return f, true
}

// Classify turns a series (x = period number, y = value) into improving,
// stable or worsening: stable when the fitted line moves less than
// StableShare of the mean level across the window, or when the slope is not
// significant at 95 % (|t| below the Student critical value for n − 2
// degrees of freedom); otherwise improving or worsening by the sign of the
// slope and the KPI's direction. Fewer than 3 points: insufficient data.
// floor is the smallest level used as the scale (so that a series around
// zero, such as NPS, is not called a trend for a change of a hair).
func Classify(x, y []float64, dir diagnostic.Direction, floor float64) (string, Fit) {
	f, ok := LeastSquares(x, y)
	if !ok || len(x) < 3 {
		return InsufficientData, f
	}
	mean := 0.0
	for _, v := range y {
		mean += v
	}
	mean /= float64(len(y))
	scale := math.Max(math.Abs(mean), floor)
	span := x[len(x)-1] - x[0]
	moved := math.Abs(f.Slope) * span
	crit := tCrit95[min(len(x)-2, 4)]
	if len(x)-2 > 4 {
		crit = 2.776 // windows are at most 6 points; keep the 4-df value beyond
	}
	if moved < StableShare*scale || math.Abs(f.T) < crit {
		return Stable, f
	}
	if (f.Slope > 0) == (dir != diagnostic.LowerIsBetter) {
		return Improving, f
	}
	return Worsening, f
}

// RobustZ is the modified z-score of v against a sample: 0.6745·(v −
// median) ÷ MAD (Iglewicz and Hoaglin). When the MAD is zero it falls back
// to the mean absolute deviation × 1.253314; when that is zero too, 0.
func RobustZ(v float64, sample []float64) float64 {
	if len(sample) == 0 {
		return 0
	}
	s := slices.Clone(sample)
	med := median(s)
	dev := make([]float64, len(s))
	for i, x := range s {
		dev[i] = math.Abs(x - med)
	}
	if mad := median(slices.Clone(dev)); mad > 0 {
		return 0.6745 * (v - med) / mad
	}
	mean := 0.0
	for _, d := range dev {
		mean += d
	}
	mean /= float64(len(dev))
	if mean == 0 {
		return 0
	}
	return (v - med) / (1.253314 * mean)
}

// scaleFloor is the smallest level used to judge whether a trend is stable.
func scaleFloor(u diagnostic.Unit) float64 {
	switch u {
	case diagnostic.UnitPercent:
		return 0.01 // one percentage point
	case diagnostic.UnitScore:
		return 1
	}
	return 1e-9
}

package kpi

import (
	"math"
)

// Statistical helpers of the evidence rules (docs/METHOD.md): the Wilson
// interval for proportions, the Student t distribution for slope tests and
// the Mann-Kendall trend test. Written from the textbook formulas.

// Z90 is the standard normal quantile for a two-sided 90 % interval.
const Z90 = 1.6448536269514722

// Wilson returns the Wilson score interval of a proportion p observed over n
// trials at the two-sided level of the normal quantile z (Wilson 1927;
// Brown, Cai and DasGupta 2001). It stays inside [0, 1] and behaves at p = 0
// or 1, where the textbook ±z·√(p(1−p)/n) interval collapses to a point.
func Wilson(p, n, z float64) (lo, hi float64) {
	if n <= 0 {
		return 0, 1
	}
	p = math.Min(math.Max(p, 0), 1)
	z2 := z * z
	den := 1 + z2/n
	mid := (p + z2/(2*n)) / den
	half := z / den * math.Sqrt(p*(1-p)/n+z2/(4*n*n))
	lo, hi = math.Max(0, mid-half), math.Min(1, mid+half)
	if p == 0 { // exactly: mid and half are equal but rounding may differ
		lo = 0
	}
	if p == 1 {
		hi = 1
	}
	return lo, hi
}

// StudentTwoSided is the two-sided p-value of a t statistic with df degrees
// of freedom: P(|T| ≥ |t|).
func StudentTwoSided(t, df float64) float64 {
	if math.IsInf(t, 0) {
		return 0
	}
	if df <= 0 || math.IsNaN(t) {
		return 1
	}
	x := df / (df + t*t)
	return regIncBeta(df/2, 0.5, x)
}

// StudentQuantile is the t value with two-sided tail probability alpha for
// df degrees of freedom (found by bisection on StudentTwoSided).
func StudentQuantile(alpha, df float64) float64 {
	lo, hi := 0.0, 1000.0
	for range 200 {
		mid := (lo + hi) / 2
		if StudentTwoSided(mid, df) > alpha {
			lo = mid
		} else {
			hi = mid
		}
	}
	return (lo + hi) / 2
}

// NormalTwoSided is the two-sided p-value of a standard normal statistic.
func NormalTwoSided(z float64) float64 { return math.Erfc(math.Abs(z) / math.Sqrt2) }

// regIncBeta is the regularised incomplete beta function I_x(a, b), by its
// continued fraction (Lentz's method).
func regIncBeta(a, b, x float64) float64 {
	switch {
	case x <= 0:
		return 0
	case x >= 1:
		return 1
	}
	lbeta := lgamma(a+b) - lgamma(a) - lgamma(b)
	front := math.Exp(lbeta + a*math.Log(x) + b*math.Log1p(-x))
	if x > (a+1)/(a+b+2) {
		return 1 - front*betaCF(b, a, 1-x)/b
	}
	return front * betaCF(a, b, x) / a
}

func lgamma(x float64) float64 {
	v, _ := math.Lgamma(x)
	return v
}

// betaCF evaluates the continued fraction of the incomplete beta function.
func betaCF(a, b, x float64) float64 {
	const tiny = 1e-300
	c, d := 1.0, 1-(a+b)*x/(a+1)
	if math.Abs(d) < tiny {
		d = tiny
	}
	d = 1 / d
	h := d
	for m := 1; m <= 300; m++ {
		fm := float64(m)
		num := fm * (b - fm) * x / ((a + 2*fm - 1) * (a + 2*fm))
		d, c = 1+num*d, 1+num/c
		d = 1 / nonzero(d, tiny)
		c = nonzero(c, tiny)
		h *= d * c
		num = -(a + fm) * (a + b + fm) * x / ((a + 2*fm) * (a + 2*fm + 1))
		d, c = 1+num*d, 1+num/c
		d = 1 / nonzero(d, tiny)
		c = nonzero(c, tiny)
		del := d * c
		h *= del
		if math.Abs(del-1) < 1e-14 {
			break
		}
	}
	return h
}

func nonzero(v, tiny float64) float64 {
	if math.Abs(v) < tiny {
		return tiny
	}
	return v
}

// MannKendall is the Mann-Kendall test for a monotonic trend in y (in time
// order): S = Σ sign(y_j − y_i) over i < j, its variance corrected for ties,
// and the two-sided p-value of the continuity-corrected normal statistic.
// It assumes nothing about the distribution of the values, which suits sums
// and scores whose month-to-month noise is not binomial.
func MannKendall(y []float64) (s float64, p float64) {
	n := len(y)
	if n < 3 {
		return 0, 1
	}
	for i := range n {
		for j := i + 1; j < n; j++ {
			switch {
			case y[j] > y[i]:
				s++
			case y[j] < y[i]:
				s--
			}
		}
	}
	ties := map[float64]int{}
	for _, v := range y {
		ties[v]++
	}
	fn := float64(n)
	v := fn * (fn - 1) * (2*fn + 5)
	for _, t := range ties {
		ft := float64(t)
		v -= ft * (ft - 1) * (2*ft + 5)
	}
	v /= 18
	if v <= 0 {
		return s, 1
	}
	z := 0.0
	switch {
	case s > 0:
		z = (s - 1) / math.Sqrt(v)
	case s < 0:
		z = (s + 1) / math.Sqrt(v)
	}
	return s, NormalTwoSided(z)
}

// SlopeTest is a fitted trend: slope per period, its standard error, the
// two-sided p-value and the degrees of freedom of the test.
type SlopeTest struct {
	Slope, SE, P, DF float64
}

// ProportionTrend tests a linear trend in proportions k_i/n_i observed at
// periods x_i (the Cochran-Armitage idea as a weighted least-squares slope):
// each period is weighted by its denominator, so a month of 2 deals counts
// for less than a month of 40. The variance is binomial at the pooled rate,
// inflated by the Pearson dispersion when the data vary more than binomial
// (quasi-binomial); the slope is then tested with Student t on k − 2
// degrees of freedom. Periods with n = 0 are left out.
func ProportionTrend(x, k, n []float64) (SlopeTest, bool) {
	var sw, sx, cnt float64
	var kk, nn float64
	for i := range x {
		if n[i] <= 0 {
			continue
		}
		sw += n[i]
		sx += n[i] * x[i]
		kk += k[i]
		nn += n[i]
		cnt++
	}
	if cnt < 3 || sw == 0 {
		return SlopeTest{}, false
	}
	mx, pbar := sx/sw, kk/nn
	var sxx, sxy float64
	for i := range x {
		if n[i] <= 0 {
			continue
		}
		p := k[i] / n[i]
		sxx += n[i] * (x[i] - mx) * (x[i] - mx)
		sxy += n[i] * (x[i] - mx) * (p - pbar)
	}
	if sxx == 0 {
		return SlopeTest{}, false
	}
	slope := sxy / sxx
	icpt := pbar - slope*mx
	df := cnt - 2
	if pbar <= 0 || pbar >= 1 {
		// Every outcome the same: no variation to test.
		return SlopeTest{Slope: slope, P: 1, DF: df}, true
	}
	var chi float64
	for i := range x {
		if n[i] <= 0 {
			continue
		}
		fit := math.Min(math.Max(icpt+slope*x[i], 1e-6), 1-1e-6)
		r := k[i]/n[i] - fit
		chi += n[i] * r * r / (fit * (1 - fit))
	}
	phi := math.Max(1, chi/df)
	se := math.Sqrt(phi * pbar * (1 - pbar) / sxx)
	t := slope / se
	var pv float64
	if phi > 1 {
		pv = StudentTwoSided(t, df)
	} else {
		pv = NormalTwoSided(t)
	}
	return SlopeTest{Slope: slope, SE: se, P: pv, DF: df}, true
}

package kpi

import (
	"math"
	"slices"
)

// Trend test parameters, justified in docs/METHOD.md ("Trends").
const (
	// TrendAlpha is the two-sided significance level of a trend.
	TrendAlpha = 0.10
	// TrendMinPeriods is the fewest periods with a value a trend test needs.
	TrendMinPeriods = 6
)

// The trend tests, as named in the JSON.
const (
	TestProportion  = "proportion_slope"
	TestMannKendall = "mann_kendall"
)

// proportionKPIs are the KPIs tested as proportions weighted by their
// counts (the others by Mann-Kendall).
var proportionKPIs = []string{"win_rate", "mql_to_sql", "lead_to_customer", "csat", "renewal_rate", "logo_churn"}

// trendFit is the outcome of the trend test on a series: the test used,
// the periods tested, the p-value, the slope per period with its 90 %
// range, and whether the trend is supported (p < TrendAlpha).
type trendFit struct {
	test           string
	periods        int
	p              float64
	slope, lo, hi  float64
	supported, ran bool
}

// testTrend tests the per-period series of KPI id over the TrendWindow
// periods ending at index i (each period once: overlapping windows would
// count the same deals several times and fake a trend). Proportions are
// tested by the weighted slope of ProportionTrend when every period
// carries its count; everything else (and rates typed directly) by
// Mann-Kendall with Sen's slope.
func testTrend(id string, series []res, i int) trendFit {
	lo := max(0, i-TrendWindow+1)
	var x, y, k, n []float64
	counted := true
	for j := lo; j <= i; j++ {
		r := series[j]
		if r.bad() {
			continue
		}
		x = append(x, float64(j))
		y = append(y, r.v)
		if r.n <= 0 {
			counted = false
		}
		p := r.v
		if id == "logo_churn" && r.months > 1 {
			p = 1 - math.Pow(1-r.v, float64(r.months)) // the cohort's churn over its months
		}
		k = append(k, p*r.n)
		n = append(n, r.n)
	}
	if len(x) < TrendMinPeriods {
		return trendFit{periods: len(x)}
	}
	if counted && slices.Contains(proportionKPIs, id) {
		st, ok := ProportionTrend(x, k, n)
		if !ok {
			return trendFit{periods: len(x)}
		}
		q := StudentQuantile(TrendAlpha, st.DF)
		f := trendFit{test: TestProportion, periods: len(x), p: st.P, slope: st.Slope,
			lo: st.Slope - q*st.SE, hi: st.Slope + q*st.SE, ran: true}
		if id == "logo_churn" && series[i].months > 1 { // slope of the monthly rate, roughly
			m := float64(series[i].months)
			f.slope, f.lo, f.hi = f.slope/m, f.lo/m, f.hi/m
		}
		f.supported = f.p < TrendAlpha
		return f
	}
	_, p := MannKendall(y)
	s, slo, shi := SenSlope(x, y)
	return trendFit{test: TestMannKendall, periods: len(x), p: p, slope: s, lo: slo, hi: shi,
		supported: p < TrendAlpha, ran: true}
}

// SenSlope is the median of the pairwise slopes (Sen 1968) with its 90 %
// range from the ranks given by the Mann-Kendall variance (no tie
// correction): a slope that one unusual period cannot swing.
func SenSlope(x, y []float64) (slope, lo, hi float64) {
	var s []float64
	for i := range x {
		for j := i + 1; j < len(x); j++ {
			if x[j] != x[i] {
				s = append(s, (y[j]-y[i])/(x[j]-x[i]))
			}
		}
	}
	if len(s) == 0 {
		return 0, 0, 0
	}
	slices.Sort(s)
	med := median(slices.Clone(s))
	n := float64(len(x))
	c := Z90 * math.Sqrt(n*(n-1)*(2*n+5)/18)
	m := float64(len(s))
	l := int(math.Floor((m - c) / 2))
	u := int(math.Ceil((m+c)/2)) - 1
	l = min(max(l, 0), len(s)-1)
	u = min(max(u, 0), len(s)-1)
	return med, s[l], s[u]
}

package kpi

import (
	"math"
	"slices"
)

// res is a KPI or input value for one period, or the inputs it lacks.
type res struct {
	v    float64
	miss []string
	// n is the count behind the value (closed deals, MQLs, customers at
	// the start, responses, won deals of a mean…); 0 for sums and when the
	// count is unknown (a rate typed directly). months is the number
	// of months a churn cohort was followed (for the monthly conversion of
	// its interval); aux is the share of promoters plus detractors of an NPS.
	n, aux float64
	months int
}

// withN returns r carrying the count n behind it (r unchanged when bad).
func withN(r res, n float64) res {
	if !r.bad() {
		r.n = n
	}
	return r
}

func okv(v float64) res           { return res{v: v} }
func missing(names ...string) res { return res{miss: names} }
func (r res) bad() bool           { return len(r.miss) > 0 }
func zero(name string) res        { return missing(name + "=0") }
func joinMiss(rs ...res) []string {
	var out []string
	for _, r := range rs {
		for _, m := range r.miss {
			if !slices.Contains(out, m) {
				out = append(out, m)
			}
		}
	}
	return out
}

// div divides two values, naming what is missing or a zero denominator.
func div(num, den res, denName string) res {
	if m := joinMiss(num, den); len(m) > 0 {
		return res{miss: m}
	}
	if den.v == 0 {
		return zero(denName)
	}
	return okv(num.v / den.v)
}

// obs aggregates the monthly observations of a metric over the data months
// of p: sum needs every month; first, last and mean use the months present.
func (c *calc) obs(id string, agg Aggregation, p Period) res {
	s := c.l.obs[id]
	lo, hi, ok := c.l.months(p)
	if s == nil || !ok {
		return missing(id)
	}
	switch agg {
	case AggSum:
		t := 0.0
		for i := lo; i <= hi; i++ {
			if math.IsNaN(s[i]) {
				return missing(id)
			}
			t += s[i]
		}
		return okv(t)
	case AggFirst:
		for i := lo; i <= hi; i++ {
			if !math.IsNaN(s[i]) {
				return okv(s[i])
			}
		}
	case AggLast:
		for i := hi; i >= lo; i-- {
			if !math.IsNaN(s[i]) {
				return okv(s[i])
			}
		}
	default:
		t, n := 0.0, 0
		for i := lo; i <= hi; i++ {
			if !math.IsNaN(s[i]) {
				t += s[i]
				n++
			}
		}
		if n > 0 {
			return okv(t / float64(n))
		}
	}
	return missing(id)
}

// input is a monthly input aggregated by its own rule.
func (c *calc) input(id string, p Period) res {
	agg := AggSum
	if in, ok := c.cat.Input(id); ok {
		agg = in.Aggregation
	}
	return c.obs(id, agg, p)
}

// direct is a KPI typed directly as monthly values, aggregated by the KPI's rule.
func (c *calc) direct(id string, p Period) res {
	d, _ := c.cat.Def(id)
	return c.obs(id, d.Aggregation, p)
}

// pick tries each way of computing KPI id in order and then the KPI's own
// monthly values typed directly; when none works it names the inputs the
// formulas lack (the union over the ways tried, without the direct value).
func (c *calc) pick(id string, p Period, ways ...func() res) res {
	var fails []res
	for _, f := range ways {
		r := f()
		if !r.bad() {
			return r
		}
		fails = append(fails, r)
	}
	d := c.direct(id, p)
	if !d.bad() || len(fails) == 0 {
		return d
	}
	return res{miss: joinMiss(fails...)}
}

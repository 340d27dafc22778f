package kpi

import (
	"math"
	"slices"
	"time"
)

// calc computes KPI values per period from a ledger, memoising each
// (KPI, period) because derived KPIs reuse others (LTV uses churn…).
type calc struct {
	l    *ledger
	cat  *Catalogue
	memo map[memoKey]res
}

type memoKey struct {
	id string
	p  Period
}

func newCalc(l *ledger, cat *Catalogue) *calc {
	return &calc{l: l, cat: cat, memo: map[memoKey]res{}}
}

// value is KPI id in period p.
func (c *calc) value(id string, p Period) res {
	k := memoKey{id, p}
	if r, ok := c.memo[k]; ok {
		return r
	}
	r := c.compute(id, p)
	if !r.bad() && (math.IsNaN(r.v) || math.IsInf(r.v, 0)) {
		r = missing(id)
	}
	c.memo[k] = r
	return r
}

// Record-based ways; each returns missing("deals") etc. when the records
// do not cover the period.
func (c *calc) deals(p Period, f func(lo, hi int) res) func() res {
	return c.records(p, "deals", c.l.hasDeals, c.l.dealFirst, c.l.dealLast, f)
}

func (c *calc) txs(p Period, f func(lo, hi int) res) func() res {
	return c.records(p, "transactions", c.l.hasTx, c.l.txFirst, c.l.txLast, f)
}

func (c *calc) leadRecs(p Period, f func(lo, hi int) res) func() res {
	return c.records(p, "leads", c.l.hasLeads, c.l.leadFirst, c.l.leadLast, f)
}

// records is the way through one kind of raw record: f over the period's
// months when the records cover them, else missing(name).
func (c *calc) records(p Period, name string, has bool, first, last int, f func(lo, hi int) res) func() res {
	return func() res {
		lo, hi, ok := c.l.months(p)
		if !ok || !covers(has, first, last, lo, hi) {
			return missing(name)
		}
		return f(lo, hi)
	}
}

// custs runs f with the last instant before p and the last instant of p's
// data months, when the customer records reach back to the start of p.
func (c *calc) custs(p Period, f func(t0, t1 time.Time, months int) res) func() res {
	return func() res {
		lo, hi, ok := c.l.months(p)
		t0 := endOf(p.First.Add(-1))
		if !ok || !c.l.hasCust || !c.l.cust.coversEnd(t0) {
			return missing("customers")
		}
		return f(t0, endOf(c.l.base.Add(hi)), hi-lo+1)
	}
}

func (c *calc) in(id string, p Period) func() res { return func() res { return c.input(id, p) } }

// sizeOf is the number of data months of p.
func (c *calc) sizeOf(p Period) float64 {
	lo, hi, ok := c.l.months(p)
	if !ok {
		return 0
	}
	return float64(hi - lo + 1)
}

// monthly converts a churn rate over n months to its monthly equivalent.
func monthly(rate, n float64) float64 {
	if n <= 1 {
		return rate
	}
	return 1 - math.Pow(1-rate, 1/n)
}

func (c *calc) compute(id string, p Period) res {
	l := c.l
	switch id {
	case "revenue":
		return c.pick(id, p, c.txs(p, func(lo, hi int) res { return okv(sumRange(l.txAmount, lo, hi)) }))
	case "revenue_growth":
		return c.pick(id, p, func() res {
			now, before := c.value("revenue", p), c.value("revenue", p.YearAgo())
			if before.bad() {
				return missing("revenue (" + p.YearAgo().String() + ")")
			}
			if now.bad() {
				return now
			}
			if before.v == 0 {
				return zero("revenue (" + p.YearAgo().String() + ")")
			}
			return okv((now.v - before.v) / before.v)
		})
	case "gross_margin":
		return c.pick(id, p,
			c.txs(p, func(lo, hi int) res {
				if sumRange(l.txNoProfit, lo, hi) > 0 {
					return missing("transaction profit")
				}
				return div(okv(sumRange(l.txProfit, lo, hi)), okv(sumRange(l.txAmount, lo, hi)), "revenue")
			}),
			func() res { return div(c.input("gross_profit", p), c.value("revenue", p), "revenue") })
	case "net_margin":
		return c.pick(id, p, func() res { return div(c.input("net_profit", p), c.value("revenue", p), "revenue") })
	case "mrr":
		return c.pick(id, p, c.custs(p, func(_, t1 time.Time, _ int) res {
			_, m := l.cust.snapshot(t1)
			return okv(m)
		}))
	case "arr":
		return c.pick(id, p, func() res {
			m := c.value("mrr", p)
			return res{v: m.v * 12, miss: m.miss}
		})
	case "revenue_per_employee":
		return c.pick(id, p, func() res {
			r := c.value("revenue", p)
			annual := res{v: r.v * 12 / c.sizeOf(p), miss: r.miss}
			return div(annual, c.input("employees", p), "employees")
		})
	case "avg_order_value":
		return c.pick(id, p, c.txs(p, func(lo, hi int) res {
			return div(okv(sumRange(l.txAmount, lo, hi)), okv(sumRange(l.txOrders, lo, hi)), "orders")
		}))
	case "deals_won":
		return c.pick(id, p, c.deals(p, func(lo, hi int) res { return okv(sumRange(l.won, lo, hi)) }))
	case "avg_deal_size":
		return c.pick(id, p, c.deals(p, func(lo, hi int) res {
			n := sumRange(l.won, lo, hi)
			return withN(div(okv(sumRange(l.wonAmount, lo, hi)), okv(n), "won deals"), n)
		}))
	case "win_rate":
		return c.pick(id, p, c.deals(p, func(lo, hi int) res {
			w := sumRange(l.won, lo, hi)
			n := w + sumRange(l.lost, lo, hi)
			return withN(div(okv(w), okv(n), "closed deals"), n)
		}))
	case "sales_cycle_days":
		return c.pick(id, p, c.deals(p, func(lo, hi int) res {
			n := sumRange(l.cycleN, lo, hi)
			return withN(div(okv(sumRange(l.cycleSum, lo, hi)), okv(n), "won deals with created date"), n)
		}))
	case "sales_cycle_median_days":
		return c.pick(id, p, c.deals(p, func(lo, hi int) res {
			var all []float64
			for i := lo; i <= hi; i++ {
				all = append(all, l.cycles[i]...)
			}
			if len(all) == 0 {
				return zero("won deals with created date")
			}
			return res{v: median(all), n: float64(len(all))}
		}))
	case "pipeline_value":
		return c.pick(id, p, func() res {
			_, hi, ok := l.months(p)
			if !ok || !l.hasDeals || hi < l.dealFirst {
				return missing("deals")
			}
			return okv(l.pipelineOpen[hi])
		})
	case "pipeline_coverage":
		return c.pick(id, p, func() res {
			open := c.value("pipeline_value", Period{Month, p.First.Add(-1)})
			if open.bad() {
				open.miss = []string{"pipeline_value (" + p.First.Add(-1).String() + ")"}
			}
			return div(open, c.input("quota", p), "quota")
		})
	case "pipeline_velocity":
		return c.pick(id, p, func() res {
			opps := first(c.deals(p, func(lo, hi int) res { return okv(sumRange(l.created, lo, hi)) }), c.in("opportunities", p))
			wr, size, cycle := c.value("win_rate", p), c.value("avg_deal_size", p), c.value("sales_cycle_days", p)
			num := res{v: opps.v * wr.v * size.v, miss: joinMiss(opps, wr, size)}
			return div(num, cycle, "sales_cycle_days")
		})
	case "quota_attainment":
		return c.pick(id, p,
			c.deals(p, func(lo, hi int) res { return div(okv(sumRange(l.wonAmount, lo, hi)), c.input("quota", p), "quota") }),
			func() res { return div(c.value("revenue", p), c.input("quota", p), "quota") })
	case "leads":
		return c.pick(id, p, c.leadRecs(p, func(lo, hi int) res { return okv(sumRange(l.leadN, lo, hi)) }))
	case "mql_to_sql":
		return c.pick(id, p,
			c.leadRecs(p, func(lo, hi int) res {
				n := sumRange(l.leadMQL, lo, hi)
				return withN(div(okv(sumRange(l.leadSQL, lo, hi)), okv(n), "mqls"), n)
			}),
			func() res { m := c.input("mqls", p); return withN(div(c.input("sqls", p), m, "mqls"), m.v) })
	case "lead_to_customer":
		return c.pick(id, p,
			c.leadRecs(p, func(lo, hi int) res {
				n := sumRange(l.leadN, lo, hi)
				return withN(div(okv(sumRange(l.leadCustomer, lo, hi)), okv(n), "leads"), n)
			}),
			func() res { n := c.value("leads", p); return withN(div(c.newCustomers(p), n, "leads"), n.v) })
	case "cac":
		return c.pick(id, p, func() res { return div(c.input("sales_marketing_spend", p), c.newCustomers(p), "new_customers") })
	case "cac_payback_months":
		return c.pick(id, p, func() res {
			arpa, gm := c.arpa(p), c.value("gross_margin", p)
			margin := res{v: arpa.v * gm.v, miss: joinMiss(arpa, gm)}
			return div(c.value("cac", p), margin, "monthly gross margin per customer")
		})
	case "romi":
		return c.pick(id, p, func() res {
			rev, spend := c.input("marketing_attributed_revenue", p), c.input("marketing_spend", p)
			return div(res{v: rev.v - spend.v, miss: joinMiss(rev, spend)}, spend, "marketing_spend")
		})
	case "marketing_spend_share":
		return c.pick(id, p, func() res { return div(c.input("marketing_spend", p), c.value("revenue", p), "revenue") })
	case "logo_churn":
		return c.pick(id, p,
			c.custs(p, func(t0, t1 time.Time, n int) res {
				r := l.cust.cohort(t0, t1)
				if r.n == 0 {
					return zero("customers at start")
				}
				return res{v: monthly(r.lost/r.n, float64(n)), n: r.n, months: n}
			}),
			func() res {
				start := c.input("customers_start", p)
				r := div(c.input("churned_customers", p), start, "customers_start")
				if !r.bad() {
					r.v = monthly(r.v, c.sizeOf(p))
					r.n, r.months = start.v, int(c.sizeOf(p))
				}
				return r
			})
	case "nrr", "grr":
		return c.pick(id, p, c.retentionRecords(id, p), c.retentionInputs(id, p))
	case "nps":
		return c.pick(id, p, func() res {
			pr, pa, de := c.input("nps_promoters", p), c.input("nps_passives", p), c.input("nps_detractors", p)
			total := res{v: pr.v + pa.v + de.v, miss: joinMiss(pr, pa, de)}
			r := withN(div(res{v: 100 * (pr.v - de.v), miss: total.miss}, total, "nps responses"), total.v)
			if !r.bad() {
				r.aux = (pr.v + de.v) / total.v
			}
			return r
		})
	case "csat":
		return c.pick(id, p, func() res {
			n := c.input("csat_responses", p)
			return withN(div(c.input("csat_positive", p), n, "csat_responses"), n.v)
		})
	case "renewal_rate":
		return c.pick(id, p, func() res {
			n := c.input("renewals_due", p)
			return withN(div(c.input("renewals_renewed", p), n, "renewals_due"), n.v)
		})
	case "ltv":
		return c.pick(id, p, func() res {
			arpa, gm := c.arpa(p), c.value("gross_margin", p)
			return div(res{v: arpa.v * gm.v, miss: joinMiss(arpa, gm)}, c.value("logo_churn", p), "logo_churn")
		})
	case "ltv_to_cac":
		return c.pick(id, p, func() res { return div(c.value("ltv", p), c.value("cac", p), "cac") })
	}
	return c.direct(id, p) // custom KPIs, typed as monthly values
}

// newCustomers counts first-ever customer starts in p from the records, or
// the monthly input.
func (c *calc) newCustomers(p Period) res {
	return first(
		c.custs(p, func(t0, t1 time.Time, _ int) res { return okv(c.l.cust.newIn(t0.Add(time.Nanosecond), t1)) }),
		c.in("new_customers", p))
}

// arpa is the average monthly revenue per customer: MRR ÷ active customers
// at period end from the records, else monthly revenue ÷ customers at start.
func (c *calc) arpa(p Period) res {
	return first(
		c.custs(p, func(_, t1 time.Time, _ int) res {
			n, m := c.l.cust.snapshot(t1)
			return div(okv(m), okv(n), "active customers")
		}),
		func() res {
			r := c.value("revenue", p)
			return div(res{v: r.v / c.sizeOf(p), miss: r.miss}, c.input("customers_start", p), "customers_start")
		})
}

// retentionRecords is annual NRR or GRR from customer records: the cohort
// active 12 months before the end of p's data, followed to that end.
func (c *calc) retentionRecords(id string, p Period) func() res {
	return func() res {
		_, hi, ok := c.l.months(p)
		if !ok || !c.l.hasCust {
			return missing("customers")
		}
		end := c.l.base.Add(hi)
		t0, t1 := endOf(end.Add(-12)), endOf(end)
		if !c.l.cust.coversEnd(t0) {
			return missing("customers (" + end.Add(-12).String() + ")")
		}
		r := c.l.cust.cohort(t0, t1)
		if id == "nrr" {
			return withN(div(okv(r.mrr1), okv(r.mrr0), "MRR 12 months earlier"), r.n)
		}
		return withN(div(okv(r.kept), okv(r.mrr0), "MRR 12 months earlier"), r.n)
	}
}

// retentionInputs chains the 12 monthly retention ratios ending at p's last
// data month: Π (mrr_start + expansion − contraction − churned) ÷ mrr_start,
// expansion left out for GRR (each month capped at 1).
func (c *calc) retentionInputs(id string, p Period) func() res {
	return func() res {
		_, hi, ok := c.l.months(p)
		if !ok {
			return missing("mrr_start")
		}
		end := c.l.base.Add(hi)
		prod := 1.0
		var fails []res
		for k := 11; k >= 0; k-- {
			m := Period{Month, end.Add(-k)}
			start, exp, con, churn := c.input("mrr_start", m), c.input("mrr_expansion", m), c.input("mrr_contraction", m), c.input("mrr_churned", m)
			if id == "grr" {
				exp = okv(0)
			}
			r := div(res{v: start.v + exp.v - con.v - churn.v, miss: joinMiss(start, exp, con, churn)}, start, "mrr_start")
			if r.bad() {
				fails = append(fails, r)
				continue
			}
			if id == "grr" {
				r.v = min(r.v, 1)
			}
			prod *= r.v
		}
		if len(fails) > 0 {
			m := joinMiss(fails...)
			for i := range m {
				m[i] += " (12 months)"
			}
			return res{miss: m}
		}
		return okv(prod)
	}
}

// first returns the first result that is available, or everything the
// ways tried lack.
func first(ways ...func() res) res {
	var fails []res
	for _, f := range ways {
		r := f()
		if !r.bad() {
			return r
		}
		fails = append(fails, r)
	}
	return res{miss: joinMiss(fails...)}
}

// median of a non-empty slice (sorted in place).
func median(v []float64) float64 {
	slices.Sort(v)
	n := len(v)
	if n%2 == 1 {
		return v[n/2]
	}
	return (v[n/2-1] + v[n/2]) / 2
}

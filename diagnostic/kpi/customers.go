package kpi

import (
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// customerBook groups customer/subscription records by customer id, so that
// a customer with several records (a plan change, or a churn and a return)
// counts once. A record with the churn flag but no end date cannot be placed
// in time and is left out (see docs/KPIS.md).
type customerBook struct {
	byID       map[string][]span
	first      *time.Time // earliest start of any record
	firstStart map[string]time.Time

	// Results computed in one pass by precompute, by instant(s).
	snaps   map[time.Time][2]float64
	cohorts map[[2]time.Time]cohortResult
}

type span struct {
	start, end time.Time // end zero = still active
	mrr        float64
}

func newCustomerBook(cs []diagnostic.Customer) *customerBook {
	b := &customerBook{byID: map[string][]span{}, firstStart: map[string]time.Time{}}
	for _, c := range cs {
		if c.Churned && c.End.IsZero() {
			continue
		}
		b.byID[c.ExternalID] = append(b.byID[c.ExternalID], span{c.Start, c.End, c.MRR})
		if b.first == nil || c.Start.Before(*b.first) {
			s := c.Start
			b.first = &s
		}
		if f, ok := b.firstStart[c.ExternalID]; !ok || c.Start.Before(f) {
			b.firstStart[c.ExternalID] = c.Start
		}
	}
	return b
}

// at returns whether a customer is active at instant t and its MRR then.
func at(spans []span, t time.Time) (active bool, mrr float64) {
	for _, s := range spans {
		if !s.start.After(t) && (s.end.IsZero() || s.end.After(t)) {
			active = true
			mrr += s.mrr
		}
	}
	return active, mrr
}

// endOf is the last instant of month m; startOf(p) = endOf(month before p):
// a customer counts "at the start" of a period when it was active at the end
// of the previous one, so one starting on the 1st is new in the period.
func endOf(m diagnostic.Month) time.Time { return m.End().Add(-time.Nanosecond) }

// snapshot counts the customers active at t and their MRR.
func (b *customerBook) snapshot(t time.Time) (n, mrr float64) {
	if s, ok := b.snaps[t]; ok {
		return s[0], s[1]
	}
	for _, spans := range b.byID {
		if ok, m := at(spans, t); ok {
			n++
			mrr += m
		}
	}
	return n, mrr
}

// cohort follows the customers active at t0 to t1: how many there were, how
// many are no longer active at t1 (a customer who left and came back by t1
// is retained), their MRR at t0 and t1, and the MRR kept without expansion.
type cohortResult struct {
	n, lost, mrr0, mrr1, kept float64
}

func (b *customerBook) cohort(t0, t1 time.Time) cohortResult {
	if r, ok := b.cohorts[[2]time.Time{t0, t1}]; ok {
		return r
	}
	var r cohortResult
	for _, spans := range b.byID {
		ok0, m0 := at(spans, t0)
		if !ok0 {
			continue
		}
		ok1, m1 := at(spans, t1)
		r.n++
		r.mrr0 += m0
		if !ok1 {
			r.lost++
			continue
		}
		r.mrr1 += m1
		r.kept += min(m0, m1)
	}
	return r
}

// newIn counts customers whose first ever start falls in [from, to].
func (b *customerBook) newIn(from, to time.Time) float64 {
	n := 0.0
	for _, s := range b.firstStart {
		if !s.Before(from) && !s.After(to) {
			n++
		}
	}
	return n
}

// coversEnd reports whether the records reach back to instant t (the
// earliest record starts on or before it).
func (b *customerBook) coversEnd(t time.Time) bool {
	return b.first != nil && !b.first.After(t)
}

// precompute fills the snapshots at every instant and the cohorts of the
// given (from, to) instant index pairs in a single pass over the customers,
// so that Compute does not scan them once per period and KPI. Queries for
// other instants still work, by a scan.
func (b *customerBook) precompute(instants []time.Time, pairs [][2]int) {
	n := len(instants)
	active := make([]bool, n)
	mrr := make([]float64, n)
	snaps := make([][2]float64, n)
	cohorts := make([]cohortResult, len(pairs))
	for _, spans := range b.byID {
		for i, t := range instants {
			active[i], mrr[i] = at(spans, t)
			if active[i] {
				snaps[i][0]++
				snaps[i][1] += mrr[i]
			}
		}
		for k, p := range pairs {
			i, j := p[0], p[1]
			if !active[i] {
				continue
			}
			c := &cohorts[k]
			c.n++
			c.mrr0 += mrr[i]
			if !active[j] {
				c.lost++
				continue
			}
			c.mrr1 += mrr[j]
			c.kept += min(mrr[i], mrr[j])
		}
	}
	b.snaps = make(map[time.Time][2]float64, n)
	for i, t := range instants {
		b.snaps[t] = snaps[i]
	}
	b.cohorts = make(map[[2]time.Time]cohortResult, len(pairs))
	for k, p := range pairs {
		b.cohorts[[2]time.Time{instants[p[0]], instants[p[1]]}] = cohorts[k]
	}
}

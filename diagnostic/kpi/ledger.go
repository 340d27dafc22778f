package kpi

import (
	"math"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// ledger holds the raw material of Compute bucketed by month, indexed by
// month offset from base: one pass over every record, so that each period's
// formula only adds up a few monthly cells.
type ledger struct {
	base, last diagnostic.Month // first and last month held
	n          int
	to         diagnostic.Month // latest month of the report: later months are not yet data

	obs map[string][]float64 // monthly observations by metric, NaN = absent

	// deals
	hasDeals                 bool
	dealFirst, dealLast      int // month offsets covered by deal records
	won, lost, created       []float64
	wonAmount                []float64
	cycleSum, cycleN         []float64
	cycles                   [][]float64
	pipelineOpen             []float64 // open amount at the end of each month
	hasTx, hasLeads, hasCust bool
	txFirst, txLast          int
	txAmount, txProfit       []float64
	txNoProfit, txOrders     []float64
	leadFirst, leadLast      int
	leadN, leadMQL, leadSQL  []float64
	leadCustomer             []float64
	cust                     *customerBook
}

func newLedger(in Inputs, base, last, to diagnostic.Month) *ledger {
	n := last.Index() - base.Index() + 1
	l := &ledger{base: base, last: last, n: n, to: to, obs: map[string][]float64{}}
	for _, o := range in.Observations {
		i := l.idx(o.Month)
		if i < 0 || i >= n || math.IsNaN(o.Value) || math.IsInf(o.Value, 0) {
			continue
		}
		s, ok := l.obs[o.Metric]
		if !ok {
			s = nanSlice(n)
			l.obs[o.Metric] = s
		}
		s[i] = o.Value // a later observation of the same month replaces an earlier one
	}
	l.addDeals(in.dealTable())
	l.addTransactions(in.Transactions)
	l.addLeads(in.Leads)
	if len(in.Customers) > 0 {
		l.cust = newCustomerBook(in.Customers)
		l.hasCust = l.cust.first != nil
	}
	return l
}

func nanSlice(n int) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = math.NaN()
	}
	return s
}

func (l *ledger) idx(m diagnostic.Month) int { return m.Index() - l.base.Index() }

// monthIndex is the offset of the calendar month of t (in t's own location:
// a date is bucketed by the calendar day the export shows).
func (l *ledger) monthIndex(t time.Time) int {
	y, m, _ := t.Date()
	return y*12 + int(m) - 1 - l.base.Index()
}

// civilDays is the number of calendar days from a to b, ignoring time of day.
func civilDays(a, b time.Time) float64 {
	ya, ma, da := a.Date()
	yb, mb, db := b.Date()
	ua := time.Date(ya, ma, da, 0, 0, 0, 0, time.UTC).Unix()
	ub := time.Date(yb, mb, db, 0, 0, 0, 0, time.UTC).Unix()
	return float64((ub - ua) / 86400)
}

func (l *ledger) span(first, last *int, i int, has *bool) {
	if !*has || i < *first {
		*first = i
	}
	if !*has || i > *last {
		*last = i
	}
	*has = true
}

func (l *ledger) addDeals(t *DealTable) {
	if t.Len() == 0 {
		return
	}
	n := l.n
	l.won, l.lost, l.created = make([]float64, n), make([]float64, n), make([]float64, n)
	l.wonAmount, l.cycleSum, l.cycleN = make([]float64, n), make([]float64, n), make([]float64, n)
	l.cycles = make([][]float64, n)
	diff := make([]float64, n+1)
	base := l.base.Index()
	for i := range t.Len() {
		created, closed := t.Created(i), t.Closed(i)
		c := math.MinInt
		if !created.IsZero() {
			c = created.monthIndex() - base
			l.span(&l.dealFirst, &l.dealLast, c, &l.hasDeals)
			if c >= 0 && c < n {
				l.created[c]++
			}
		}
		k := math.MaxInt // open deals stay open
		if !t.Open(i) {
			if closed.IsZero() {
				continue // a closed deal without a close date cannot be placed
			}
			k = closed.monthIndex() - base
			l.span(&l.dealFirst, &l.dealLast, k, &l.hasDeals)
			if k >= 0 && k < n {
				if t.Won(i) {
					l.won[k]++
					l.wonAmount[k] += t.Amount(i)
					if !created.IsZero() && !closed.Before(created) {
						days := float64(closed.Day() - created.Day())
						l.cycleSum[k] += days
						l.cycleN[k]++
						l.cycles[k] = append(l.cycles[k], days)
					}
				} else if t.Lost(i) {
					l.lost[k]++
				}
			}
		}
		// Open at the end of month m for c <= m < k.
		lo := max(c, 0)
		hi := min(k, n)
		if lo < hi {
			diff[lo] += t.Amount(i)
			diff[hi] -= t.Amount(i)
		}
	}
	l.pipelineOpen = make([]float64, n)
	run := 0.0
	for i := range n {
		run += diff[i]
		l.pipelineOpen[i] = run
	}
}

func (l *ledger) addTransactions(txs []diagnostic.Transaction) {
	if len(txs) == 0 {
		return
	}
	n := l.n
	l.txAmount, l.txProfit, l.txNoProfit, l.txOrders = make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	orders := make([]map[string]struct{}, n)
	for _, t := range txs {
		if t.Date.IsZero() {
			continue
		}
		i := l.monthIndex(t.Date)
		l.span(&l.txFirst, &l.txLast, i, &l.hasTx)
		if i < 0 || i >= n {
			continue
		}
		l.txAmount[i] += t.Amount
		if t.Profit == nil {
			l.txNoProfit[i]++
		} else {
			l.txProfit[i] += *t.Profit
		}
		if t.OrderID == "" {
			l.txOrders[i]++ // without an order number each line is an order
			continue
		}
		if orders[i] == nil {
			orders[i] = map[string]struct{}{}
		}
		if _, seen := orders[i][t.OrderID]; !seen {
			orders[i][t.OrderID] = struct{}{}
			l.txOrders[i]++
		}
	}
}

func (l *ledger) addLeads(leads []diagnostic.Lead) {
	if len(leads) == 0 {
		return
	}
	n := l.n
	l.leadN, l.leadMQL, l.leadSQL, l.leadCustomer = make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	for _, ld := range leads {
		if ld.Created.IsZero() {
			continue
		}
		i := l.monthIndex(ld.Created)
		l.span(&l.leadFirst, &l.leadLast, i, &l.hasLeads)
		if i < 0 || i >= n {
			continue
		}
		l.leadN[i]++
		switch ld.Stage {
		case diagnostic.StageCustomer:
			l.leadCustomer[i]++
			fallthrough
		case diagnostic.StageSQL:
			l.leadSQL[i]++
			fallthrough
		case diagnostic.StageMQL:
			l.leadMQL[i]++
		}
	}
}

// months returns the offsets of the months of p that are data: inside the
// ledger and not after the report's last month. ok is false when p lies
// outside the ledger.
func (l *ledger) months(p Period) (lo, hi int, ok bool) {
	lo = l.idx(p.First)
	hi = l.idx(p.Last())
	if t := l.idx(l.to); hi > t {
		hi = t
	}
	if lo < 0 || hi >= l.n || hi < lo {
		return 0, 0, false
	}
	return lo, hi, true
}

func sumRange(s []float64, lo, hi int) float64 {
	t := 0.0
	for i := lo; i <= hi; i++ {
		t += s[i]
	}
	return t
}

// covers reports whether the records spanning months first..last overlap p.
func covers(has bool, first, last, lo, hi int) bool {
	return has && lo <= last && hi >= first
}

// precomputeCustomers prepares the customer snapshots at every month end of
// the ledger (and the one before it) and the cohorts each period asks for:
// churn over the period and retention over the 12 months to its end.
func (l *ledger) precomputeCustomers(periods []Period) {
	instants := make([]time.Time, l.n+1) // index i = end of month base+i−1
	for i := range instants {
		instants[i] = endOf(l.base.Add(i - 1))
	}
	var pairs [][2]int
	for _, p := range periods {
		lo, hi, ok := l.months(p)
		if !ok {
			continue
		}
		pairs = append(pairs, [2]int{lo, hi + 1})
		if hi-11 >= 0 {
			pairs = append(pairs, [2]int{hi - 11, hi + 1})
		}
	}
	l.cust.precompute(instants, pairs)
}

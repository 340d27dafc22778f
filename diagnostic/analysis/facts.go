package analysis

import (
	"slices"
	"sort"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/recommend"
)

// Preliminary thresholds (docs/METHOD.md, "Diagnosis"): with fewer months
// of KPI data, or with deal records but fewer deals closed in the last 12
// months, the diagnosis is preliminary and makes no performance claim.
const (
	MinMonths      = 6
	MinClosedDeals = 30
)

// facts computes the yearly figures behind the money estimates and the
// named facts of the rules, over the 12 months ending with To.
func (a *Analysis) facts() recommend.Facts {
	var f recommend.Facts
	if !a.HasKPIData {
		return f
	}
	f.Months = a.dataMonths()
	from := a.To.Add(-11)
	start, end := from.Start(), a.To.End()
	if v, ok := a.latestValue("arr"); ok {
		f.ARR = v
	} else if v, ok := a.latestValue("mrr"); ok {
		f.ARR = 12 * v
	}
	for _, r := range a.Series("revenue") {
		if r.Value != nil && !r.Of.First.Before(from) {
			f.Revenue12 += *r.Value
		}
	}
	for _, o := range a.Snapshot.Observations {
		if o.Month.Before(from) || a.To.Before(o.Month) {
			continue
		}
		switch o.Metric {
		case "quota":
			f.Quota12 += o.Value
		case "mqls":
			f.MQLs12 += o.Value
		case "sqls":
			f.SQLs12 += o.Value
		case "new_customers":
			f.NewCustomers12 += o.Value
		}
	}
	var cycles []float64
	dt := a.Snapshot.DealTable
	for i := range dt.Len() {
		closed := dt.Closed(i)
		if dt.Open(i) || closed.BeforeTime(start) || !closed.BeforeTime(end) {
			continue
		}
		f.ClosedDeals12++
		f.ClosedPipeline12 += dt.Amount(i)
		if dt.Won(i) {
			f.Bookings12 += dt.Amount(i)
			if created := dt.Created(i); !created.IsZero() {
				cycles = append(cycles, closed.Sub(created).Hours()/24)
			}
		}
	}
	a.customerFacts(&f, start, end)
	f.StalePipelineShare = a.staleShare(cycles, end)
	a.pipelineFacts(&f, end)
	return f
}

// dataMonths counts the months up to To, at most 24 back, that have
// monthly figures, deals created or closed, transactions or leads: the
// depth of the data the KPIs rest on. A customer list's start dates are
// history, not months of measurement, and do not count.
func (a *Analysis) dataMonths() int {
	seen := map[diagnostic.Month]bool{}
	from := a.To.Add(-23)
	mark := func(m diagnostic.Month) {
		if !m.IsZero() && !m.Before(from) && !a.To.Before(m) {
			seen[m] = true
		}
	}
	s := &a.Snapshot
	for _, o := range s.Observations {
		mark(o.Month)
	}
	for i := range s.DealTable.Len() {
		mark(s.DealTable.Created(i).Month())
		if c := s.DealTable.Closed(i); !c.IsZero() {
			mark(c.Month())
		}
	}
	for _, t := range s.Transactions {
		mark(diagnostic.MonthOf(t.Date))
	}
	for _, l := range s.Leads {
		mark(diagnostic.MonthOf(l.Created))
	}
	return len(seen)
}

// customerFacts counts the customers active at end and new in [start,
// end), and the share of MRR of the five largest.
func (a *Analysis) customerFacts(f *recommend.Facts, start, end time.Time) {
	first := map[string]time.Time{}
	active := map[string]float64{}
	for _, c := range a.Snapshot.Customers {
		if t, ok := first[c.ExternalID]; !ok || c.Start.Before(t) {
			first[c.ExternalID] = c.Start
		}
		if !c.Start.After(end) && (c.End.IsZero() && !c.Churned || c.End.After(end)) {
			active[c.ExternalID] += c.MRR
		}
	}
	if len(first) > 0 {
		n := 0.0
		for _, t := range first {
			if !t.Before(start) && t.Before(end) {
				n++
			}
		}
		f.NewCustomers12 = n
	}
	f.Customers = len(active)
	if len(active) < 10 {
		return
	}
	mrr := make([]float64, 0, len(active))
	total := 0.0
	for _, v := range active {
		mrr = append(mrr, v)
		total += v
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(mrr)))
	top := 0.0
	for _, v := range mrr[:5] {
		top += v
	}
	if total > 0 {
		f.Top5Share = top / total
	}
}

// staleShare is the share of the open pipeline's amount created more than
// twice the median sales cycle before end (with at least five won deals to
// know the cycle).
func (a *Analysis) staleShare(cycles []float64, end time.Time) float64 {
	if len(cycles) < 5 {
		return 0
	}
	slices.Sort(cycles)
	median := cycles[len(cycles)/2]
	cut := end.Add(-time.Duration(2*median*24) * time.Hour)
	open, stale := 0.0, 0.0
	dt := a.Snapshot.DealTable
	for i := range dt.Len() {
		created := dt.Created(i)
		if !dt.Open(i) || created.IsZero() || !created.BeforeTime(end) {
			continue
		}
		open += dt.Amount(i)
		if created.BeforeTime(cut) {
			stale += dt.Amount(i)
		}
	}
	if open == 0 {
		return 0
	}
	return stale / open
}

// latestValue is a KPI's latest value.
func (a *Analysis) latestValue(id string) (float64, bool) {
	if r, ok := a.Latest(id); ok && r.Value != nil {
		return *r.Value, true
	}
	return 0, false
}

// preliminary says whether the data are too few for performance claims:
// no KPI data, fewer than MinMonths months, or deal records with fewer
// than MinClosedDeals closed in the last 12 months.
func (a *Analysis) preliminary(f recommend.Facts) bool {
	return !a.HasKPIData || f.Months < MinMonths || a.Snapshot.DealCount() > 0 && f.ClosedDeals12 < MinClosedDeals
}

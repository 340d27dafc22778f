package kpi

import (
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// Data quality (docs/METHOD.md, "Data quality"): what the records lack or
// get wrong, per record kind, and the KPIs each problem touches. Compute
// lowers the confidence of those KPIs (QualityDowngrade).

// FieldCompleteness is the share of the records of a kind that have a
// field the KPIs listed need.
type FieldCompleteness struct {
	Record string   `json:"record"`
	Field  string   `json:"field"`
	Filled int      `json:"filled"`
	Total  int      `json:"total"`
	Share  float64  `json:"share"`
	KPIs   []string `json:"kpis"`
}

// QualityIssue is one kind of problem: how many records of how many have
// it, the KPIs it touches and up to three examples (record ids or months).
type QualityIssue struct {
	Code     string   `json:"code"`
	Record   string   `json:"record"`
	Count    int      `json:"count"`
	Total    int      `json:"total"`
	Share    float64  `json:"share"`
	KPIs     []string `json:"kpis"`
	Examples []string `json:"examples"`
}

// QualityReport is the data-quality summary of a set of records.
type QualityReport struct {
	Records map[string]int      `json:"records"`
	Fields  []FieldCompleteness `json:"fields"`
	Issues  []QualityIssue      `json:"issues"`
}

// Issue codes (the texts are i18n keys "quality.issue."+code).
const (
	QDealNoAmount        = "deals_without_amount"
	QDealNoCreated       = "deals_without_created"
	QDealOpenPastClose   = "open_deals_past_close"
	QDealOpenStale       = "open_deals_stale"
	QDealDuplicate       = "duplicate_deals"
	QDealZeroCycle       = "zero_day_cycle"
	QDealHugeAmount      = "amount_100x_median"
	QCustNoMRR           = "customers_without_mrr"
	QCustChurnNoEnd      = "churn_flag_without_end"
	QCustEndBeforeStart  = "end_before_start"
	QCustDuplicate       = "duplicate_customers"
	QTxDuplicate         = "duplicate_transactions"
	QTxHugeAmount        = "transaction_100x_median"
	QLeadDuplicate       = "duplicate_leads"
	QMonthsWithoutData   = "months_without_data"
	qualityExamples      = 3
	qualityOutlierFactor = 100
	// An open deal older than StaleOpenFactor × the median won cycle (and
	// at least StaleOpenMinDays) is stale: the importer keeps no expected
	// close date for open deals, so age stands in for it.
	StaleOpenFactor  = 3
	StaleOpenMinDays = 180
)

// Quality thresholds: a problem touching at least QualityMinor of a record
// kind lowers the confidence of its KPIs by one level, at least
// QualityMajor by two (to low).
const (
	QualityMinor = 0.05
	QualityMajor = 0.20
)

var (
	dealKPIs     = []string{"deals_won", "win_rate", "avg_deal_size", "sales_cycle_days", "sales_cycle_median_days", "pipeline_value", "pipeline_coverage", "pipeline_velocity", "quota_attainment"}
	amountKPIs   = []string{"avg_deal_size", "pipeline_value", "pipeline_coverage", "pipeline_velocity", "quota_attainment"}
	cycleKPIs    = []string{"sales_cycle_days", "sales_cycle_median_days", "pipeline_velocity"}
	custKPIs     = []string{"mrr", "arr", "logo_churn", "nrr", "grr", "ltv", "ltv_to_cac", "cac", "cac_payback_months"}
	mrrKPIs      = []string{"mrr", "arr", "nrr", "grr", "ltv", "ltv_to_cac", "cac_payback_months"}
	churnKPIs    = []string{"logo_churn", "nrr", "grr", "ltv", "ltv_to_cac"}
	txKPIs       = []string{"revenue", "revenue_growth", "gross_margin", "avg_order_value", "revenue_per_employee"}
	leadKPIs     = []string{"leads", "mql_to_sql", "lead_to_customer"}
	pipelineKPIs = []string{"pipeline_value", "pipeline_coverage"}
)

// AssessQuality checks the records of in as of asOf (open deals whose close
// date is before asOf are stale).
func AssessQuality(in Inputs, asOf time.Time) QualityReport {
	dt := in.dealTable()
	q := QualityReport{Records: map[string]int{"deals": dt.Len(), "customers": len(in.Customers),
		"transactions": len(in.Transactions), "leads": len(in.Leads), "observations": len(in.Observations)}, Fields: []FieldCompleteness{}, Issues: []QualityIssue{}}
	q.deals(dt, asOf)
	q.customers(in.Customers)
	q.transactions(in.Transactions)
	q.leads(in.Leads)
	q.gaps(in, dt)
	return q
}

// found counts the records with a problem and keeps the positions of the
// first few, named only when the issue is written.
type found struct {
	n  int
	at []int
}

// add counts record i.
func (f *found) add(i int) {
	f.n++
	if len(f.at) < qualityExamples {
		f.at = append(f.at, i)
	}
}

// issue adds a problem found in f.n of total records (when any), its
// examples named by name.
func (q *QualityReport) issue(code, record string, total int, kpis []string, f found, name func(i int) string) {
	if f.n == 0 || total == 0 {
		return
	}
	ex := make([]string, len(f.at))
	for k, i := range f.at {
		ex[k] = name(i)
	}
	q.Issues = append(q.Issues, QualityIssue{Code: code, Record: record, Count: f.n, Total: total,
		Share: float64(f.n) / float64(total), KPIs: kpis, Examples: ex})
}

func (q *QualityReport) field(record, field string, filled, total int, kpis []string) {
	if total == 0 {
		return
	}
	q.Fields = append(q.Fields, FieldCompleteness{Record: record, Field: field, Filled: filled, Total: total,
		Share: float64(filled) / float64(total), KPIs: kpis})
}

// name is a record's id for an example, or its position.
func recName(id string, i int) string {
	if id != "" {
		return id
	}
	return fmt.Sprintf("#%d", i+1)
}

func (q *QualityReport) deals(t *DealTable, asOf time.Time) {
	var noAmount, noCreated, stale, old, dup, zero, huge found
	closedN, closedDated := 0, 0
	n := t.Len()
	// The medians read evenly spaced values (sampler): counting them first
	// spares holding a million amounts and cycles.
	nAmounts, nCycles := 0, 0
	for i := range n {
		if t.Amount(i) > 0 {
			nAmounts++
		}
		if c, ok := t.wonCycle(i); ok && c > 0 {
			nCycles++
		}
	}
	amounts, cycles := newSampler(nAmounts), newSampler(nCycles)
	for i := range n {
		created, closed := t.Created(i), t.Closed(i)
		if t.Amount(i) <= 0 {
			noAmount.add(i)
		} else {
			amounts.add(t.Amount(i))
		}
		if created.IsZero() {
			noCreated.add(i)
		}
		switch {
		case t.Open(i):
			if !closed.IsZero() && closed.BeforeTime(asOf) {
				stale.add(i)
			}
		default:
			closedN++
			if !closed.IsZero() {
				closedDated++
			}
			if c, ok := t.wonCycle(i); ok {
				if c <= 0 {
					zero.add(i)
				} else {
					cycles.add(c)
				}
			}
		}
	}
	if nAmounts > 0 {
		med := amounts.median()
		for i := range n {
			if med > 0 && t.Amount(i) >= qualityOutlierFactor*med {
				huge.add(i)
			}
		}
	}
	for _, i := range duplicates(n, t.dupHash, t.same) {
		dup.add(i)
	}
	limit := float64(StaleOpenMinDays)
	if nCycles > 0 {
		limit = math.Max(limit, StaleOpenFactor*cycles.median())
	}
	asOfDay := instantOf(asOf).Day()
	for i := range n {
		created := t.Created(i)
		if t.Open(i) && t.Closed(i).IsZero() && !created.IsZero() && float64(asOfDay-created.Day()) > limit {
			old.add(i)
		}
	}
	dealName := func(i int) string { return recName(t.ID(i), i) }
	q.field("deals", "amount", n-noAmount.n, n, amountKPIs)
	q.field("deals", "created", n-noCreated.n, n, cycleKPIs)
	q.field("deals", "closed", closedDated, closedN, []string{"deals_won", "win_rate", "avg_deal_size"})
	q.issue(QDealNoAmount, "deals", n, amountKPIs, noAmount, dealName)
	q.issue(QDealNoCreated, "deals", n, cycleKPIs, noCreated, dealName)
	q.issue(QDealOpenPastClose, "deals", n, pipelineKPIs, stale, dealName)
	q.issue(QDealOpenStale, "deals", n, pipelineKPIs, old, dealName)
	q.issue(QDealDuplicate, "deals", n, dealKPIs, dup, dealName)
	q.issue(QDealZeroCycle, "deals", n, cycleKPIs, zero, dealName)
	q.issue(QDealHugeAmount, "deals", n, amountKPIs, huge, dealName)
}

func (q *QualityReport) customers(custs []diagnostic.Customer) {
	var noMRR, noEnd, backwards, dup found
	noStart := 0
	for i, c := range custs {
		if c.MRR <= 0 {
			noMRR.add(i)
		}
		if c.Start.IsZero() {
			noStart++
		}
		if c.Churned && c.End.IsZero() {
			noEnd.add(i)
		}
		if !c.End.IsZero() && !c.Start.IsZero() && c.End.Before(c.Start) {
			backwards.add(i)
		}
	}
	for _, i := range duplicates(len(custs), func(i int) uint64 {
		c := custs[i]
		return hashOf(c.ExternalID, c.Plan, c.MRR, c.Start.UnixNano(), c.End.UnixNano())
	}, func(i, j int) bool {
		a, b := custs[i], custs[j]
		return a.ExternalID == b.ExternalID && a.Plan == b.Plan && a.MRR == b.MRR && a.Start.Equal(b.Start) && a.End.Equal(b.End)
	}) {
		dup.add(i)
	}
	n := len(custs)
	custName := func(i int) string { return recName(custs[i].ExternalID, i) }
	q.field("customers", "start", n-noStart, n, custKPIs)
	q.field("customers", "mrr", n-noMRR.n, n, mrrKPIs)
	q.issue(QCustNoMRR, "customers", n, mrrKPIs, noMRR, custName)
	q.issue(QCustChurnNoEnd, "customers", n, churnKPIs, noEnd, custName)
	q.issue(QCustEndBeforeStart, "customers", n, custKPIs, backwards, custName)
	q.issue(QCustDuplicate, "customers", n, custKPIs, dup, custName)
}

func (q *QualityReport) transactions(txs []diagnostic.Transaction) {
	var dup, huge found
	var amounts []float64
	withProfit, withOrder := 0, 0
	for _, t := range txs {
		if t.Profit != nil {
			withProfit++
		}
		if t.OrderID != "" {
			withOrder++
		}
		if t.Amount > 0 {
			amounts = append(amounts, t.Amount)
		}
	}
	for _, i := range duplicates(len(txs), func(i int) uint64 {
		t := txs[i]
		return hashOf(t.OrderID, t.Customer, t.Amount, t.Date.UnixNano())
	}, func(i, j int) bool { // a line repeated within an order
		a, b := txs[i], txs[j]
		return a.OrderID != "" && a.OrderID == b.OrderID && a.Customer == b.Customer && a.Amount == b.Amount && a.Date.Equal(b.Date)
	}) {
		dup.add(i)
	}
	if len(amounts) > 0 {
		med := sampleMedian(amounts)
		for i, t := range txs {
			if med > 0 && t.Amount >= qualityOutlierFactor*med {
				huge.add(i)
			}
		}
	}
	n := len(txs)
	txName := func(i int) string { return recName(txs[i].OrderID, i) }
	q.field("transactions", "profit", withProfit, n, []string{"gross_margin"})
	q.field("transactions", "order_id", withOrder, n, []string{"avg_order_value"})
	q.issue(QTxDuplicate, "transactions", n, txKPIs, dup, txName)
	q.issue(QTxHugeAmount, "transactions", n, txKPIs, huge, txName)
}

func (q *QualityReport) leads(leads []diagnostic.Lead) {
	var dup found
	dated := 0
	for _, l := range leads {
		if !l.Created.IsZero() {
			dated++
		}
	}
	for _, i := range duplicates(len(leads), func(i int) uint64 { return hashOf(leads[i].ExternalID) },
		func(i, j int) bool { return leads[i].ExternalID != "" && leads[i].ExternalID == leads[j].ExternalID }) {
		dup.add(i)
	}
	n := len(leads)
	leadName := func(i int) string { return recName(leads[i].ExternalID, i) }
	q.field("leads", "created", dated, n, leadKPIs)
	q.issue(QLeadDuplicate, "leads", n, leadKPIs, dup, leadName)
}

// gaps finds, per kind of dated event (deals created or closed,
// transactions, leads), the months between the first and last event that
// hold none (an export that skipped a month, or a quiet month: either way
// a sum for that month is not comparable). Customer records are a stock
// (a month without a new customer is normal) and are not checked.
func (q *QualityReport) gaps(in Inputs, dt *DealTable) {
	var deals, txs, leads monthSpan
	for i := range dt.Len() {
		for _, x := range [2]Instant{dt.Created(i), dt.Closed(i)} {
			if !x.IsZero() {
				deals.addIndex(x.monthIndex())
			}
		}
	}
	for _, t := range in.Transactions {
		txs.add(t.Date)
	}
	for _, l := range in.Leads {
		leads.add(l.Created)
	}
	for _, k := range []struct {
		record string
		kpis   []string
		span   *monthSpan
	}{{"deals", dealKPIs, &deals}, {"transactions", txKPIs, &txs}, {"leads", leadKPIs, &leads}} {
		if empty, months, ok := k.span.empty(); ok {
			first := k.span.first()
			q.issue(QMonthsWithoutData, k.record, months, k.kpis, empty, func(j int) string { return first.Add(j).String() })
		}
	}
}

// monthSpan collects the months of dated events.
type monthSpan struct {
	seen   map[int]struct{} // month indices with an event
	lo, hi int
}

func (m *monthSpan) add(t time.Time) {
	if !t.IsZero() {
		m.addIndex(monthIndexOf(t))
	}
}

// addIndex adds an event in the month of index i (year × 12 + month − 1).
func (m *monthSpan) addIndex(i int) {
	if m.seen == nil {
		m.seen = map[int]struct{}{}
		m.lo, m.hi = i, i
	}
	m.lo, m.hi = min(m.lo, i), max(m.hi, i)
	m.seen[i] = struct{}{}
}

func (m *monthSpan) first() diagnostic.Month {
	return diagnostic.Month{Year: m.lo / 12, Month: time.Month(m.lo%12 + 1)}
}

// empty lists the months from the first to the last with no event (as
// offsets from the first), the number of months spanned, and false when
// fewer than two months hold events.
func (m *monthSpan) empty() (found, int, bool) {
	if m.hi <= m.lo {
		return found{}, 0, false
	}
	var f found
	for j := range m.hi - m.lo + 1 {
		if _, ok := m.seen[m.lo+j]; !ok {
			f.add(j)
		}
	}
	return f, m.hi - m.lo + 1, true
}

// monthIndexOf is year × 12 + month − 1 of t's calendar date.
func monthIndexOf(t time.Time) int {
	y, m, _ := t.Date()
	return y*12 + int(m) - 1
}

// duplicates returns, in record order, the indices of the records equal
// (by same) to the first earlier record with the same hash. The hashes
// are sorted to find the few that repeat, so that only those records go
// through a map (a map of a million keys is slow).
func duplicates(n int, hash func(i int) uint64, same func(i, j int) bool) []int {
	hs := make([]uint64, n)
	for i := range n {
		hs[i] = hash(i)
	}
	sorted := slices.Clone(hs)
	slices.Sort(sorted)
	repeated := map[uint64]int{} // hash → first index, -1 until seen
	for k := 1; k < len(sorted); k++ {
		if sorted[k] == sorted[k-1] {
			repeated[sorted[k]] = -1
		}
	}
	var out []int
	if len(repeated) == 0 {
		return out
	}
	for i, h := range hs {
		j, ok := repeated[h]
		switch {
		case !ok:
		case j < 0:
			repeated[h] = i
		case same(j, i):
			out = append(out, i)
		}
	}
	return out
}

// sampleMedian is the median of v, or of evenly spaced values of it when
// it is long (the implausible-value checks need its order of magnitude,
// not its exact value, and sorting a million amounts is slow).
func sampleMedian(v []float64) float64 {
	p := newSampler(len(v))
	for _, x := range v {
		p.add(x)
	}
	return p.median()
}

// sampleMost is how many values sampleMedian sorts at most (one more when
// the count is not a multiple of the step).
const sampleMost = 10001

// sampler keeps what sampleMedian reads of a sequence whose length n is
// known before its values arrive: all of them up to sampleMost, else every
// (n / sampleMost)-th from the first.
type sampler struct {
	step, seen int
	kept       []float64
}

func newSampler(n int) *sampler {
	step := 1
	if n > sampleMost {
		step = n / sampleMost
	}
	return &sampler{step: step, kept: make([]float64, 0, min(n, sampleMost+1))}
}

// add offers the next value of the sequence.
func (p *sampler) add(v float64) {
	if p.seen%p.step == 0 {
		p.kept = append(p.kept, v)
	}
	p.seen++
}

// median is the median of the values kept.
func (p *sampler) median() float64 { return median(p.kept) }

// hashOf is an FNV-1a hash of strings, floats and integers.
func hashOf(parts ...any) uint64 {
	h := uint64(14695981039346656037)
	mix := func(b byte) {
		h ^= uint64(b)
		h *= 1099511628211
	}
	for _, p := range parts {
		switch v := p.(type) {
		case string:
			for k := 0; k < len(v); k++ {
				mix(v[k])
			}
		case float64:
			u := math.Float64bits(v)
			for k := range 8 {
				mix(byte(u >> (8 * k)))
			}
		case int64:
			for k := range 8 {
				mix(byte(uint64(v) >> (8 * k)))
			}
		}
		mix(0xff) // separator
	}
	return h
}

// Downgrade is how many confidence levels the problems lower KPI id by
// (0, 1 or 2) and the codes of the problems that touch it.
func (q QualityReport) Downgrade(id string) (levels int, codes []string) {
	for _, is := range q.Issues {
		if !slices.Contains(is.KPIs, id) || is.Share < QualityMinor {
			continue
		}
		codes = append(codes, is.Code)
		if is.Share >= QualityMajor {
			levels = max(levels, 2)
		} else {
			levels = max(levels, 1)
		}
	}
	return levels, codes
}

// lower lowers a confidence by n levels.
func lower(c Confidence, n int) Confidence {
	order := []Confidence{High, Medium, Low}
	i := slices.Index(order, c)
	if i < 0 {
		return c
	}
	return order[int(math.Min(float64(i+n), 2))]
}

// wonCycle is a won deal's cycle in whole days (its close day minus its
// creation day); ok is false for other deals and for won deals without
// both dates.
func (t *DealTable) wonCycle(i int) (days float64, ok bool) {
	if !t.Won(i) {
		return 0, false
	}
	created, closed := t.Created(i), t.Closed(i)
	if created.IsZero() || closed.IsZero() {
		return 0, false
	}
	return float64(closed.Day() - created.Day()), true
}

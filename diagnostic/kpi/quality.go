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
	q := QualityReport{Records: map[string]int{"deals": len(in.Deals), "customers": len(in.Customers),
		"transactions": len(in.Transactions), "leads": len(in.Leads), "observations": len(in.Observations)}, Fields: []FieldCompleteness{}, Issues: []QualityIssue{}}
	q.deals(in.Deals, asOf)
	q.customers(in.Customers)
	q.transactions(in.Transactions)
	q.leads(in.Leads)
	q.gaps(in)
	return q
}

// issue adds a problem found in the records named by examples (when any).
func (q *QualityReport) issue(code, record string, total int, kpis []string, examples []string) {
	if len(examples) == 0 || total == 0 {
		return
	}
	n := len(examples)
	q.Issues = append(q.Issues, QualityIssue{Code: code, Record: record, Count: n, Total: total,
		Share: float64(n) / float64(total), KPIs: kpis, Examples: examples[:min(n, qualityExamples)]})
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

func (q *QualityReport) deals(deals []diagnostic.Deal, asOf time.Time) {
	var noAmount, noCreated, stale, old, dup, zero, huge []string
	var amounts, cycles []float64
	closedN, closedDated := 0, 0
	seen := map[string]bool{}
	for i, d := range deals {
		id := recName(d.ExternalID, i)
		if d.Amount <= 0 {
			noAmount = append(noAmount, id)
		} else {
			amounts = append(amounts, d.Amount)
		}
		if d.Created.IsZero() {
			noCreated = append(noCreated, id)
		}
		switch d.Status {
		case diagnostic.DealOpen:
			if !d.Closed.IsZero() && d.Closed.Before(asOf) {
				stale = append(stale, id)
			}
		default:
			closedN++
			if !d.Closed.IsZero() {
				closedDated++
			}
			if d.Status == diagnostic.DealWon && !d.Created.IsZero() && !d.Closed.IsZero() {
				if c := civilDays(d.Created, d.Closed); c <= 0 {
					zero = append(zero, id)
				} else {
					cycles = append(cycles, c)
				}
			}
		}
		key := d.ExternalID
		if key == "" {
			key = fmt.Sprint(d.Name, d.Status, d.Amount, d.Created, d.Closed)
		}
		if seen[key] {
			dup = append(dup, id)
		}
		seen[key] = true
	}
	if len(amounts) > 0 {
		med := median(slices.Clone(amounts))
		for i, d := range deals {
			if med > 0 && d.Amount >= qualityOutlierFactor*med {
				huge = append(huge, recName(d.ExternalID, i))
			}
		}
	}
	limit := float64(StaleOpenMinDays)
	if len(cycles) > 0 {
		limit = math.Max(limit, StaleOpenFactor*median(cycles))
	}
	for i, d := range deals {
		if d.Status == diagnostic.DealOpen && d.Closed.IsZero() && !d.Created.IsZero() && civilDays(d.Created, asOf) > limit {
			old = append(old, recName(d.ExternalID, i))
		}
	}
	n := len(deals)
	q.field("deals", "amount", n-len(noAmount), n, amountKPIs)
	q.field("deals", "created", n-len(noCreated), n, cycleKPIs)
	q.field("deals", "closed", closedDated, closedN, []string{"deals_won", "win_rate", "avg_deal_size"})
	q.issue(QDealNoAmount, "deals", n, amountKPIs, noAmount)
	q.issue(QDealNoCreated, "deals", n, cycleKPIs, noCreated)
	q.issue(QDealOpenPastClose, "deals", n, pipelineKPIs, stale)
	q.issue(QDealOpenStale, "deals", n, pipelineKPIs, old)
	q.issue(QDealDuplicate, "deals", n, dealKPIs, dup)
	q.issue(QDealZeroCycle, "deals", n, cycleKPIs, zero)
	q.issue(QDealHugeAmount, "deals", n, amountKPIs, huge)
}

func (q *QualityReport) customers(custs []diagnostic.Customer) {
	var noMRR, noEnd, backwards, dup []string
	noStart := 0
	seen := map[string]bool{}
	for i, c := range custs {
		id := recName(c.ExternalID, i)
		if c.MRR <= 0 {
			noMRR = append(noMRR, id)
		}
		if c.Start.IsZero() {
			noStart++
		}
		if c.Churned && c.End.IsZero() {
			noEnd = append(noEnd, id)
		}
		if !c.End.IsZero() && !c.Start.IsZero() && c.End.Before(c.Start) {
			backwards = append(backwards, id)
		}
		key := fmt.Sprint(c.ExternalID, c.Start, c.End, c.MRR, c.Plan)
		if seen[key] {
			dup = append(dup, id)
		}
		seen[key] = true
	}
	n := len(custs)
	q.field("customers", "start", n-noStart, n, custKPIs)
	q.field("customers", "mrr", n-len(noMRR), n, mrrKPIs)
	q.issue(QCustNoMRR, "customers", n, mrrKPIs, noMRR)
	q.issue(QCustChurnNoEnd, "customers", n, churnKPIs, noEnd)
	q.issue(QCustEndBeforeStart, "customers", n, custKPIs, backwards)
	q.issue(QCustDuplicate, "customers", n, custKPIs, dup)
}

func (q *QualityReport) transactions(txs []diagnostic.Transaction) {
	var dup, huge []string
	var amounts []float64
	withProfit, withOrder := 0, 0
	seen := map[string]bool{}
	for i, t := range txs {
		if t.Profit != nil {
			withProfit++
		}
		if t.OrderID != "" {
			withOrder++
		}
		if t.Amount > 0 {
			amounts = append(amounts, t.Amount)
		}
		key := fmt.Sprint(t.OrderID, t.Date, t.Amount, t.Customer)
		if t.OrderID != "" && seen[key] {
			dup = append(dup, recName(t.OrderID, i))
		}
		seen[key] = true
	}
	if len(amounts) > 0 {
		med := median(slices.Clone(amounts))
		for i, t := range txs {
			if med > 0 && t.Amount >= qualityOutlierFactor*med {
				huge = append(huge, recName(t.OrderID, i))
			}
		}
	}
	n := len(txs)
	q.field("transactions", "profit", withProfit, n, []string{"gross_margin"})
	q.field("transactions", "order_id", withOrder, n, []string{"avg_order_value"})
	q.issue(QTxDuplicate, "transactions", n, txKPIs, dup)
	q.issue(QTxHugeAmount, "transactions", n, txKPIs, huge)
}

func (q *QualityReport) leads(leads []diagnostic.Lead) {
	var dup []string
	dated := 0
	seen := map[string]bool{}
	for i, l := range leads {
		if !l.Created.IsZero() {
			dated++
		}
		if l.ExternalID != "" && seen[l.ExternalID] {
			dup = append(dup, recName(l.ExternalID, i))
		}
		seen[l.ExternalID] = true
	}
	n := len(leads)
	q.field("leads", "created", dated, n, leadKPIs)
	q.issue(QLeadDuplicate, "leads", n, leadKPIs, dup)
}

// gaps finds, per kind of dated event (deals created or closed,
// transactions, leads), the months between the first and last event that
// hold none (an export that skipped a month, or a quiet month: either way
// a sum for that month is not comparable). Customer records are a stock
// (a month without a new customer is normal) and are not checked.
func (q *QualityReport) gaps(in Inputs) {
	kinds := []struct {
		record string
		kpis   []string
		dates  []time.Time
	}{
		{"deals", dealKPIs, dealDates(in.Deals)},
		{"transactions", txKPIs, txDates(in.Transactions)},
		{"leads", leadKPIs, leadDates(in.Leads)},
	}
	for _, k := range kinds {
		months := map[diagnostic.Month]bool{}
		for _, t := range k.dates {
			if !t.IsZero() {
				months[diagnostic.MonthOf(t)] = true
			}
		}
		if len(months) < 2 {
			continue
		}
		keys := make([]diagnostic.Month, 0, len(months))
		for m := range months {
			keys = append(keys, m)
		}
		slices.SortFunc(keys, func(a, b diagnostic.Month) int { return a.Index() - b.Index() })
		first, last := keys[0], keys[len(keys)-1]
		var empty []string
		for m := first; !last.Before(m); m = m.Add(1) {
			if !months[m] {
				empty = append(empty, m.String())
			}
		}
		span := last.Index() - first.Index() + 1
		q.issue(QMonthsWithoutData, k.record, span, k.kpis, empty)
	}
}

func dealDates(ds []diagnostic.Deal) []time.Time {
	out := make([]time.Time, 0, 2*len(ds))
	for _, d := range ds {
		out = append(out, d.Created, d.Closed)
	}
	return out
}

func txDates(ts []diagnostic.Transaction) []time.Time {
	out := make([]time.Time, 0, len(ts))
	for _, t := range ts {
		out = append(out, t.Date)
	}
	return out
}

func leadDates(ls []diagnostic.Lead) []time.Time {
	out := make([]time.Time, 0, len(ls))
	for _, l := range ls {
		out = append(out, l.Created)
	}
	return out
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

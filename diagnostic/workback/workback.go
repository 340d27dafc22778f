// Package workback works back from a revenue target to the won deals,
// opportunities, pipeline and leads it takes, with the organisation's own
// windowed rates from the KPI engine, and compares them with today's run
// rate. Pure Go; usecase.WorkBack loads the data.
package workback

import (
	"fmt"
	"math"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
)

// Input is what a work-back needs: the target, the months it covers, the
// KPI engine's monthly rows up to the last month of data, and the deals
// (for the run rate).
type Input struct {
	Revenue  float64
	Currency string
	// From is the first month of the target (the current month), By the
	// last (inclusive).
	From, By diagnostic.Month
	// AsOf is today; the opportunities must be open a cycle before the end
	// of By.
	AsOf time.Time
	// Rows are kpi.Compute's monthly rows up to To, the last month of data.
	Rows []kpi.Row
	To   diagnostic.Month
	// Deals are the organisation's deals (each once), for the run rate;
	// DealTable, when set, holds them instead (the compact form large
	// organisations are loaded in, usecase.LoadForAnalysis).
	Deals     []diagnostic.Deal
	DealTable *kpi.DealTable
}

// Figures are the four volumes of the funnel; nil where a rate behind it
// has not enough data.
type Figures struct {
	WonDeals      *float64 `json:"won_deals"`
	Opportunities *float64 `json:"opportunities"`
	Pipeline      *float64 `json:"pipeline"`
	Leads         *float64 `json:"leads"`
}

// Rates are the rates the figures rest on (fractions, money, days); nil
// where there is not enough data.
type Rates struct {
	WinRate        *float64 `json:"win_rate"`
	AvgDealSize    *float64 `json:"avg_deal_size"`
	CycleDays      *float64 `json:"cycle_days"`
	LeadToCustomer *float64 `json:"lead_to_customer"`
}

// Evidence is how one rate was measured (docs/METHOD.md): its window, the
// count behind it, its 90 % interval for a proportion, its confidence, and
// why there is not enough data: the KPI engine's shortfall, or Missing
// (MissingNoData, MissingNoWonDeals, MissingZeroRate).
type Evidence struct {
	Window       kpi.Window     `json:"window"`
	Sample       float64        `json:"sample"`
	Interval     *kpi.Interval  `json:"interval,omitempty"`
	Confidence   kpi.Confidence `json:"confidence"`
	Insufficient *kpi.Shortfall `json:"insufficient,omitempty"`
	Missing      string         `json:"missing,omitempty"`
}

// Why a rate has not enough data, besides the engine's shortfall.
const (
	MissingNoData     = "no_data"      // the KPI has no value (no records of its kind)
	MissingNoWonDeals = "no_won_deals" // no won deal in 12 months
	MissingZeroRate   = "zero_rate"    // a rate of zero: nothing can be worked back through it
)

// Enough says whether the rate is usable.
func (e Evidence) Enough() bool { return e.Insufficient == nil && e.Missing == "" }

// RunRate is today's pace over the last RunRateMonths months of data.
type RunRate struct {
	From, To              diagnostic.Month `json:"-"`
	Months                int              `json:"months"`
	WonRevenuePerMonth    float64          `json:"won_revenue_per_month"`
	WonDealsPerMonth      float64          `json:"won_deals_per_month"`
	OpportunitiesPerMonth float64          `json:"opportunities_per_month"` // deals created
	OpenPipeline          float64          `json:"open_pipeline"`
	OpenDeals             int              `json:"open_deals"`
	RevenueAtRunRate      float64          `json:"revenue_at_run_rate"` // won revenue per month × the target's months
}

// Gap is what the target needs beyond the run rate (negative: the run rate
// is ahead); nil where the requirement is unknown.
type Gap struct {
	Revenue               float64  `json:"revenue"`
	RevenuePerMonth       float64  `json:"revenue_per_month"`
	WonDealsPerMonth      *float64 `json:"won_deals_per_month"`
	OpportunitiesPerMonth *float64 `json:"opportunities_per_month"`
	Pipeline              *float64 `json:"pipeline"`
}

// Plan is the work-back.
type Plan struct {
	Revenue  float64             `json:"revenue"`
	Currency string              `json:"currency"`
	From     diagnostic.Month    `json:"from"`
	By       diagnostic.Month    `json:"by"`
	Months   int                 `json:"months"`
	Required Figures             `json:"required"`
	PerMonth Figures             `json:"per_month"`
	Rates    Rates               `json:"rates"`
	Evidence map[string]Evidence `json:"evidence"`
	RunRate  RunRate             `json:"run_rate"`
	Gap      Gap                 `json:"gap"`
	// OpportunitiesBy is the last day an opportunity can be opened and
	// still close by the end of By at the average cycle; Late is set when
	// it is already past.
	OpportunitiesBy *time.Time `json:"opportunities_by,omitempty"`
	Late            bool       `json:"late"`
	// NotEnough lists the rates without enough data ("win_rate"…).
	NotEnough []string `json:"not_enough_data"`
	// Velocity is today's sales velocity (nil when a rate has not enough
	// data or nothing is open); WhatIf its levers moved, when asked.
	Velocity *Velocity `json:"velocity"`
	WhatIf   *WhatIf   `json:"what_if,omitempty"`
}

// RunRateMonths is the window of the run rate: a quarter, long enough to
// smooth a lumpy month, short enough to be "today".
const RunRateMonths = 3

// MinWonDeals is the count of won deals from which an average deal size or
// cycle is judged with confidence (docs/METHOD.md: it sets confidence only).
const MinWonDeals = 30

// Compute works back from in's target.
func Compute(in Input) (Plan, error) {
	if !(in.Revenue > 0) || math.IsInf(in.Revenue, 0) {
		return Plan{}, fmt.Errorf("the revenue target must be a positive amount, got %v: %w", in.Revenue, diagnostic.ErrInvalid)
	}
	if in.By.Before(in.From) {
		return Plan{}, fmt.Errorf("the target month %s is before the current month %s: %w", in.By, in.From, diagnostic.ErrInvalid)
	}
	p := Plan{Revenue: in.Revenue, Currency: in.Currency, From: in.From, By: in.By, Months: in.By.Index() - in.From.Index() + 1,
		Evidence: map[string]Evidence{}, NotEnough: []string{}}
	byKPI := map[string][]kpi.Row{}
	for _, r := range in.Rows {
		if !in.To.Before(r.Of.Last()) {
			byKPI[r.KPI] = append(byKPI[r.KPI], r)
		}
	}
	p.Rates.WinRate = p.rate("win_rate", latest(byKPI["win_rate"], in.To))
	p.Rates.LeadToCustomer = p.rate("lead_to_customer", latest(byKPI["lead_to_customer"], in.To))
	p.Rates.AvgDealSize = p.mean("avg_deal_size", byKPI["avg_deal_size"], in.To)
	p.Rates.CycleDays = p.mean("cycle_days", byKPI["sales_cycle_days"], in.To)

	// The funnel, worked back.
	won := div(&in.Revenue, p.Rates.AvgDealSize)
	p.Required.WonDeals = won
	p.Required.Opportunities = div(won, p.Rates.WinRate)
	p.Required.Pipeline = mul(p.Required.Opportunities, p.Rates.AvgDealSize)
	p.Required.Leads = div(won, p.Rates.LeadToCustomer)
	m := float64(p.Months)
	p.PerMonth = Figures{perMonth(p.Required.WonDeals, m), perMonth(p.Required.Opportunities, m), perMonth(p.Required.Pipeline, m), perMonth(p.Required.Leads, m)}

	if c := p.Rates.CycleDays; c != nil {
		last := in.By.End().AddDate(0, 0, -1)
		by := last.AddDate(0, 0, -int(math.Round(*c)))
		p.OpportunitiesBy = &by
		p.Late = by.Before(truncDay(in.AsOf))
	}

	deals := in.DealTable
	if deals == nil {
		deals = kpi.DealTableOf(in.Deals)
	}
	p.RunRate = runRate(deals, in.To, m)
	p.Gap.Revenue = in.Revenue - p.RunRate.RevenueAtRunRate
	p.Gap.RevenuePerMonth = in.Revenue/m - p.RunRate.WonRevenuePerMonth
	p.Gap.WonDealsPerMonth = minus(p.PerMonth.WonDeals, p.RunRate.WonDealsPerMonth)
	p.Gap.OpportunitiesPerMonth = minus(p.PerMonth.Opportunities, p.RunRate.OpportunitiesPerMonth)
	p.Gap.Pipeline = minus(p.Required.Pipeline, p.RunRate.OpenPipeline)
	p.Velocity = velocityOf(p)
	return p, nil
}

// rate takes a windowed rate from its KPI row: nil, and noted, when the
// engine found too few observations even over 12 months, or no value.
func (p *Plan) rate(name string, r *kpi.Row) *float64 {
	if r == nil || r.Value == nil {
		p.NotEnough = append(p.NotEnough, name)
		p.Evidence[name] = Evidence{Confidence: kpi.Low, Missing: MissingNoData}
		return nil
	}
	e := Evidence{Window: r.Window, Interval: r.Interval, Confidence: r.Confidence}
	if r.Sample != nil {
		e.Sample = *r.Sample
	}
	if r.Insufficient != nil {
		e.Insufficient = r.Insufficient
		p.Evidence[name] = e
		p.NotEnough = append(p.NotEnough, name)
		return nil
	}
	p.Evidence[name] = e
	v := *r.Value
	if !(v > 0) {
		p.NotEnough = append(p.NotEnough, name)
		e.Missing = MissingZeroRate
		p.Evidence[name] = e
		return nil
	}
	return &v
}

// mean is a per-won-deal mean (deal size, cycle) over the shortest trailing
// window of 1, 3, 6 or 12 months holding MinWonDeals won deals, from the
// engine's monthly values weighted by their won deals; over 12 months with
// fewer, the value is kept with low confidence (a mean of few deals is
// swung by one deal, but it is still the best estimate).
func (p *Plan) mean(name string, rows []kpi.Row, to diagnostic.Month) *float64 {
	var sum, n float64
	var e Evidence
	for _, k := range []int{1, 3, 6, 12} {
		sum, n = 0, 0
		from := to.Add(1 - k)
		for _, r := range rows {
			mo := r.Of.Last()
			if mo.Before(from) || to.Before(mo) || r.PeriodValue == nil || r.PeriodSample == nil {
				continue
			}
			sum += *r.PeriodValue * *r.PeriodSample
			n += *r.PeriodSample
		}
		e = Evidence{Window: kpi.Window{From: from, To: to}, Sample: n}
		if n >= MinWonDeals {
			break
		}
	}
	switch {
	case n >= 2*MinWonDeals:
		e.Confidence = kpi.High
	case n >= MinWonDeals:
		e.Confidence = kpi.Medium
	default:
		e.Confidence = kpi.Low
	}
	if n == 0 {
		e.Missing = MissingNoWonDeals
		p.Evidence[name] = e
		p.NotEnough = append(p.NotEnough, name)
		return nil
	}
	p.Evidence[name] = e
	v := sum / n
	if !(v > 0) {
		return nil
	}
	return &v
}

// runRate is the pace of the last RunRateMonths months of data: won
// revenue and deals, deals created, and the open pipeline now.
func runRate(deals *kpi.DealTable, to diagnostic.Month, months float64) RunRate {
	from := to.Add(1 - RunRateMonths)
	rr := RunRate{From: from, To: to, Months: RunRateMonths}
	lo, hi := from.Start(), to.End()
	in := func(t kpi.Instant) bool { return !t.IsZero() && !t.BeforeTime(lo) && t.BeforeTime(hi) }
	for i := range deals.Len() {
		if deals.Won(i) && in(deals.Closed(i)) {
			rr.WonRevenuePerMonth += deals.Amount(i)
			rr.WonDealsPerMonth++
		}
		if in(deals.Created(i)) {
			rr.OpportunitiesPerMonth++
		}
		if deals.Open(i) {
			rr.OpenPipeline += deals.Amount(i)
			rr.OpenDeals++
		}
	}
	rr.WonRevenuePerMonth /= RunRateMonths
	rr.WonDealsPerMonth /= RunRateMonths
	rr.OpportunitiesPerMonth /= RunRateMonths
	rr.RevenueAtRunRate = rr.WonRevenuePerMonth * months
	return rr
}

// latest is the row of the last month up to to with a value, else nil.
func latest(rows []kpi.Row, to diagnostic.Month) *kpi.Row {
	for i := len(rows) - 1; i >= 0; i-- {
		if rows[i].Value != nil && !to.Before(rows[i].Of.Last()) {
			return &rows[i]
		}
	}
	return nil
}

func div(a, b *float64) *float64 {
	if a == nil || b == nil || *b == 0 {
		return nil
	}
	v := *a / *b
	return &v
}

func mul(a, b *float64) *float64 {
	if a == nil || b == nil {
		return nil
	}
	v := *a * *b
	return &v
}

func perMonth(a *float64, months float64) *float64 {
	if a == nil {
		return nil
	}
	v := *a / months
	return &v
}

func minus(a *float64, b float64) *float64 {
	if a == nil {
		return nil
	}
	v := *a - b
	return &v
}

func truncDay(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

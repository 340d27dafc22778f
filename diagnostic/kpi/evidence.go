package kpi

import (
	"fmt"
	"math"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// The evidence behind a verdict (docs/METHOD.md): a rate is judged over a
// trailing window long enough to hold a minimum count, with a Wilson 90 %
// interval; a value whose window cannot reach the minimum gets no verdict.

// Window is the months a value covers, first to last.
type Window struct {
	From diagnostic.Month `json:"from"`
	To   diagnostic.Month `json:"to"`
}

// Interval is a 90 % interval around a value.
type Interval struct {
	Low  float64 `json:"low"`
	High float64 `json:"high"`
}

// Confidence is how far a verdict on the value can be trusted.
type Confidence string

// The confidence levels.
const (
	High   Confidence = "high"
	Medium Confidence = "medium"
	Low    Confidence = "low"
)

// Shortfall says a rate has too few observations for a verdict even over
// the longest window: What was counted (in English; the i18n key is
// "kpis.sample."+Key), how many there were over Months months, and how many
// are needed.
type Shortfall struct {
	Key    string  `json:"key"`
	What   string  `json:"what"`
	Have   float64 `json:"have"`
	Need   float64 `json:"need"`
	Months int     `json:"months"`
}

// String is "closed deals: 14 in 12 months, 30 needed".
func (s Shortfall) String() string {
	return fmt.Sprintf("%s: %g in %d months, %g needed", s.What, s.Have, s.Months, s.Need)
}

// SampleRule is the minimum count a KPI needs before it is judged: Key and
// What name the count, Min the minimum, Rate says the KPI is a proportion
// whose window grows until Min is reached (else its count only sets the
// confidence).
type SampleRule struct {
	Key  string
	What string
	Min  float64
	Rate bool
}

// SampleRules are the minimum counts, justified in docs/METHOD.md
// ("Evidence: windows and sample sizes").
var SampleRules = map[string]SampleRule{
	"win_rate":                {"closed_deals", "closed deals", 30, true},
	"mql_to_sql":              {"mqls", "MQLs", 30, true},
	"lead_to_customer":        {"leads", "leads", 100, true},
	"logo_churn":              {"customer_months", "customer-months", 100, true},
	"csat":                    {"csat_responses", "survey responses", 30, true},
	"nps":                     {"nps_responses", "NPS responses", 30, true},
	"renewal_rate":            {"renewals_due", "renewals due", 30, true},
	"nrr":                     {"cohort_customers", "customers in the cohort", 30, false},
	"grr":                     {"cohort_customers", "customers in the cohort", 30, false},
	"avg_deal_size":           {"won_deals", "won deals", 30, false},
	"sales_cycle_days":        {"won_deals", "won deals", 30, false},
	"sales_cycle_median_days": {"won_deals", "won deals", 30, false},
}

// windowMonths are the trailing windows tried, shortest first, for a grain.
func windowMonths(g Grain) []int {
	switch g {
	case Quarter:
		return []int{3, 6, 12}
	case Year:
		return []int{12}
	}
	return []int{1, 3, 6, 12}
}

// trailing is a run of k months ending with month last, as a Period of
// its own grain (so that the formulas apply unchanged).
func trailing(k int, last diagnostic.Month) Period {
	return Period{Grain: Grain(fmt.Sprintf("%dm", k)), First: last.Add(1 - k)}
}

// sample is the count a verdict rests on: customer-months for churn
// (customers at the start × months followed), else the count itself.
func sample(id string, r res) float64 {
	if id == "logo_churn" && r.months > 0 {
		return r.n * float64(r.months)
	}
	return r.n
}

// evidence is a value as judged: the result over the chosen window, the
// window, the interval, the shortfall when the minimum was not reached and
// the confidence.
type evidence struct {
	r          res
	win        Window
	interval   *Interval
	short      *Shortfall
	confidence Confidence
}

// judge picks the window for KPI d at period p whose own result is own:
// for a rate the shortest trailing window (of windowMonths) whose count
// reaches the rule's minimum, else the longest that has a value, with a
// shortfall. A rate typed directly (no count) and every other KPI keep the
// period. The window never reaches past the last month of data.
func (c *calc) judge(d Def, p Period, own res) evidence {
	last := p.Last()
	if c.l.to.Before(last) {
		last = c.l.to
	}
	ev := evidence{r: own, win: Window{p.First, last}, confidence: High}
	rule, ok := SampleRules[d.ID]
	if !ok || own.bad() && !zeroOnly(own) {
		return ev
	}
	if !rule.Rate {
		if !own.bad() && own.n > 0 {
			ev.confidence = countConfidence(own.n, rule.Min)
		}
		return ev
	}
	if !own.bad() && own.n == 0 {
		ev.confidence = Medium // a rate typed directly: its count is unknown
		return ev
	}
	var best *evidence
	for _, k := range windowMonths(p.Grain) {
		if k < p.Grain.Months() {
			continue
		}
		r := own
		w := Window{p.First, last}
		if k > p.Grain.Months() {
			tp := trailing(k, p.Last())
			r = c.value(d.ID, tp)
			w = Window{tp.First, last}
		}
		if r.bad() || r.n == 0 {
			continue
		}
		e := evidence{r: r, win: w, interval: intervalOf(d.ID, r), confidence: Medium}
		best = &e
		if n := sample(d.ID, r); n >= rule.Min {
			if n >= 2*rule.Min {
				e.confidence = High
			}
			return e
		}
	}
	if best == nil {
		return ev
	}
	best.confidence = Low
	best.short = &Shortfall{Key: rule.Key, What: rule.What, Have: sample(d.ID, best.r), Need: rule.Min,
		Months: best.win.To.Index() - best.win.From.Index() + 1}
	return *best
}

// zeroOnly reports whether r lacks only a zero denominator ("closed
// deals=0"): a month without closed deals, which a longer window may fill.
func zeroOnly(r res) bool {
	for _, m := range r.miss {
		if len(m) < 2 || m[len(m)-2:] != "=0" {
			return false
		}
	}
	return len(r.miss) > 0
}

// countConfidence grades a count against its minimum: high at the
// minimum, medium from a third of it, low below.
func countConfidence(n, minimum float64) Confidence {
	switch {
	case n >= minimum:
		return High
	case n >= minimum/3:
		return Medium
	}
	return Low
}

// intervalOf is the 90 % interval of a proportion KPI (Wilson), of churn
// (Wilson on the cohort's churn over its months, turned monthly) and of NPS
// (normal, from the variance of the difference of two shares); nil for
// anything else.
func intervalOf(id string, r res) *Interval {
	if r.bad() || r.n <= 0 {
		return nil
	}
	switch id {
	case "win_rate", "mql_to_sql", "lead_to_customer", "csat", "renewal_rate":
		lo, hi := Wilson(r.v, r.n, Z90)
		return &Interval{lo, hi}
	case "logo_churn":
		m := float64(max(r.months, 1))
		cohort := 1 - math.Pow(1-r.v, m)
		lo, hi := Wilson(cohort, r.n, Z90)
		return &Interval{monthly(lo, m), monthly(hi, m)}
	case "nps":
		d := r.v / 100
		variance := math.Max(r.aux-d*d, 0) / r.n
		half := 100 * Z90 * math.Sqrt(variance)
		return &Interval{math.Max(-100, r.v-half), math.Min(100, r.v+half)}
	}
	return nil
}

// betterEnd is the end of the interval that is better for the direction.
func (iv Interval) betterEnd(dir diagnostic.Direction) float64 {
	if dir == diagnostic.LowerIsBetter {
		return iv.Low
	}
	return iv.High
}

// worseEnd is the end of the interval that is worse for the direction.
func (iv Interval) worseEnd(dir diagnostic.Direction) float64 {
	if dir == diagnostic.LowerIsBetter {
		return iv.High
	}
	return iv.Low
}

package recommend

import (
	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
)

// Gap is the disagreement between departments on one pillar: how many of
// its questions differ by two levels or more between departments, and the
// largest difference (in answer levels, 0–4).
type Gap struct {
	Count   int     `json:"count"`
	Largest float64 `json:"largest"`
}

// DontKnow counts the "don't know" answers to one pillar's questions and
// all its replies (1–5, N/A and don't know).
type DontKnow struct {
	Count   int `json:"count"`
	Replies int `json:"replies"`
}

// PlanFacts summarises the organisation's KPI plan. A nil *PlanFacts means
// no plan was looked at: the plan rules stay silent.
type PlanFacts struct {
	Objectives            []diagnostic.Objective `json:"objectives"`
	KPIs                  int                    `json:"kpis"` // active KPIs in the plan
	WithoutOwner          []string               `json:"without_owner"`
	WithoutCadence        []string               `json:"without_cadence"`
	WithoutTarget         []string               `json:"without_target"`
	ObjectivesWithoutKPIs []diagnostic.Objective `json:"objectives_without_kpis"`
}

// Input is everything the rules look at. Absent data never fires a rule: a
// pillar with a nil score, a topic not in Topics, an empty checklist, a nil
// plan, a KPI without rows.
type Input struct {
	// Pillars are the 0–100 scores by pillar id; nil = insufficient data.
	Pillars map[string]*float64
	// Topics are the mean answer levels (1–5) by question topic.
	Topics map[string]float64
	// Gaps are the alignment gaps by pillar id.
	Gaps map[string]Gap
	// DontKnow counts the "don't know" answers by pillar id: many of them
	// are a finding about visibility.
	DontKnow map[string]DontKnow
	// Context holds the symptom, the 12-month objective and the KPI checklist.
	Context diagnostic.Context
	// Plan summarises the KPI plan; see PlanFactsOf.
	Plan *PlanFacts
	// KPIs are rows from kpi.Compute; for each KPI the last row with a
	// value (in slice order, i.e. the latest period) is used.
	KPIs []kpi.Row
	// Currency formats money in the texts (ISO code, e.g. "EUR").
	Currency string
	// Checklist is the KPI checklist as answered (Context.Coverage may add
	// KPIs the data measure); "measured without an owner" only counts what
	// the client said it measures. Nil: Context.Coverage is used.
	Checklist map[string]diagnostic.KPICoverage
	// Departments are the departments that answered the assessment: owners
	// are named from them.
	Departments []diagnostic.Department
	// Facts are the figures the money estimates and the fact conditions
	// use, computed from the records.
	Facts Facts
	// Preliminary is true with less data than the method requires (see
	// docs/METHOD.md): no performance finding is made and at most
	// MaxPreliminary findings are listed, the rest in the appendix.
	Preliminary bool
}

// Facts are yearly figures from the records for the money estimates, and
// named facts for the fact_above conditions. Zero means unknown.
type Facts struct {
	Months           int     `json:"months"`             // months of KPI data
	ARR              float64 `json:"arr"`                // annual recurring revenue today
	Revenue12        float64 `json:"revenue_12"`         // revenue, last 12 months
	ClosedPipeline12 float64 `json:"closed_pipeline_12"` // amount of deals won or lost, last 12 months
	ClosedDeals12    int     `json:"closed_deals_12"`
	Bookings12       float64 `json:"bookings_12"` // amount won, last 12 months
	Quota12          float64 `json:"quota_12"`
	NewCustomers12   float64 `json:"new_customers_12"`
	MQLs12           float64 `json:"mqls_12"`
	SQLs12           float64 `json:"sqls_12"`
	Customers        int     `json:"customers"` // active customers today
	// Top5Share is the share of MRR of the five largest customers (with at
	// least ten active customers), StalePipelineShare the share of the
	// open pipeline's amount older than twice the median sales cycle.
	Top5Share          float64 `json:"top5_share"`
	StalePipelineShare float64 `json:"stale_pipeline_share"`
	// From the dated deals snapshots and expected close dates (issue 18;
	// zero when unknown or below the evidence minimum): PushedShare is the
	// share of deals open at the last two snapshots whose close date moved
	// later (30 deals compared at least), PastDueShare the share of the open
	// pipeline's amount whose expected close date has passed (30 open deals
	// with a date at least), CoverageShortfall how far the open pipeline
	// falls short of what the next quarter needs at today's bookings and
	// win rate (1 − open ÷ need).
	PushedShare       float64 `json:"pushed_share"`
	PastDueShare      float64 `json:"past_due_share"`
	CoverageShortfall float64 `json:"coverage_shortfall"`
}

// FactNames are the facts a fact_above condition may name.
var FactNames = []string{"top5_share", "stale_pipeline_share", "pushed_share", "past_due_share", "coverage_shortfall"}

// fact returns a named fact; ok is false when it is unknown (zero).
func (f Facts) fact(name string) (float64, bool) {
	v := map[string]float64{"top5_share": f.Top5Share, "stale_pipeline_share": f.StalePipelineShare,
		"pushed_share": f.PushedShare, "past_due_share": f.PastDueShare, "coverage_shortfall": f.CoverageShortfall}[name]
	return v, v > 0
}

// PlanFactsOf summarises a plan: the KPIs of retired items are ignored, and
// an objective has KPIs when any active plan KPI serves it in the catalogue.
func PlanFactsOf(objectives []diagnostic.Objective, items []diagnostic.PlanItem, cat *kpi.Catalogue) *PlanFacts {
	f := &PlanFacts{Objectives: objectives}
	served := map[diagnostic.Objective]bool{}
	for _, it := range items {
		if it.Retired {
			continue
		}
		f.KPIs++
		if it.Owner == "" {
			f.WithoutOwner = append(f.WithoutOwner, it.KPI)
		}
		if it.Cadence == "" {
			f.WithoutCadence = append(f.WithoutCadence, it.KPI)
		}
		if len(it.Targets) == 0 {
			f.WithoutTarget = append(f.WithoutTarget, it.KPI)
		}
		if d, ok := cat.Def(it.KPI); ok {
			for _, o := range d.Objectives {
				served[o] = true
			}
		}
	}
	for _, o := range objectives {
		if !served[o] {
			f.ObjectivesWithoutKPIs = append(f.ObjectivesWithoutKPIs, o)
		}
	}
	return f
}

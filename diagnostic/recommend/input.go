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
	// Context holds the symptom, the 12-month objective and the KPI checklist.
	Context diagnostic.Context
	// Plan summarises the KPI plan; see PlanFactsOf.
	Plan *PlanFacts
	// KPIs are rows from kpi.Compute; for each KPI the last row with a
	// value (in slice order, i.e. the latest period) is used.
	KPIs []kpi.Row
	// Currency formats money in the texts (ISO code, e.g. "EUR").
	Currency string
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

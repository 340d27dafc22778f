package analysis

import (
	"maps"
	"slices"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/recommend"
)

// recommend builds the recommendation input from the scores, the plan and
// the KPI rows, and runs the rules.
func (a *Analysis) recommend() {
	a.PlanFacts = recommend.PlanFactsOf(a.objectives(), a.Snapshot.Plan, a.Catalogue)
	a.PlanFacts.ObjectivesWithoutKPIs = a.unmeasured(a.PlanFacts.ObjectivesWithoutKPIs)
	in := recommend.Input{
		Context:   a.Context(),
		Plan:      a.PlanFacts,
		KPIs:      a.KPIRows,
		Currency:  a.Snapshot.Profile.Currency,
		Checklist: a.Context().Coverage,
		Facts:     a.facts(),
	}
	in.Preliminary = a.preliminary(in.Facts)
	in.Context.Coverage = a.measuredCoverage(in.Context.Coverage)
	if r := a.Result; r != nil {
		in.Pillars = make(map[string]*float64, len(r.Pillars))
		in.DontKnow = map[string]recommend.DontKnow{}
		for _, p := range r.Pillars {
			in.Pillars[p.ID] = p.Score
			if p.DontKnow > 0 {
				in.DontKnow[p.ID] = recommend.DontKnow{Count: p.DontKnow, Replies: dontKnowReplies(r, p.ID)}
			}
		}
		in.Topics = r.Topics
		in.Gaps = GapsByPillar(r)
		in.Departments = r.Departments
	}
	a.RecommendInput = in
	a.Recommendations = a.Rules.Generate(in, a.Lang, a.Catalogue)
}

// objectives are the plan's business objectives with the 12-month
// objective the answers state: the plan is never said to lack an objective
// the client named.
func (a *Analysis) objectives() []diagnostic.Objective {
	out := slices.Clone(a.Snapshot.Objectives)
	if o := a.Context().Objective; o != "" && !slices.Contains(out, o) {
		out = append(out, o)
	}
	return out
}

// unmeasured keeps the objectives that no KPI measures: neither the plan
// nor the checklist as answered (a KPI the client says it measures serves
// its objectives too, so the plan is never said to leave them unmeasured).
func (a *Analysis) unmeasured(objs []diagnostic.Objective) []diagnostic.Objective {
	served := map[diagnostic.Objective]bool{}
	for id, k := range a.Context().Coverage {
		if d, ok := a.Catalogue.Def(id); ok && k.Measured {
			for _, o := range d.Objectives {
				served[o] = true
			}
		}
	}
	return slices.DeleteFunc(slices.Clone(objs), func(o diagnostic.Objective) bool { return served[o] })
}

// measuredCoverage returns the KPI checklist the rules see: the answered
// checklist, plus the KPIs the analysis computed a value for among those
// the checklist, the plan or a coverage rule names: they are measured now
// that their data is here, with owner and cadence from the plan when the
// checklist lacks them. Other computed KPIs are left out, so that KPIs
// nobody asked about are not counted as "measured without an owner". An
// unanswered checklist (nil or empty) stays unanswered and the checklist
// rules stay silent. The scores use the checklist as answered.
func (a *Analysis) measuredCoverage(cov map[string]diagnostic.KPICoverage) map[string]diagnostic.KPICoverage {
	if len(cov) == 0 {
		return cov
	}
	named := map[string]bool{}
	for _, id := range a.PlanKPIs() {
		named[id] = true
	}
	for _, r := range a.Rules.Rules {
		for _, c := range r.When {
			if c.Kind == "coverage_missing" {
				for _, id := range c.KPIs {
					named[id] = true
				}
			}
		}
	}
	out := maps.Clone(cov)
	for _, r := range a.Scorecard {
		if _, onChecklist := cov[r.KPI]; r.Value == nil || !onChecklist && !named[r.KPI] {
			continue
		}
		k := out[r.KPI]
		k.Measured = true
		if it, ok := a.PlanItem(r.KPI); ok && !it.Retired {
			if k.Owner == "" {
				k.Owner = it.Owner
			}
			if k.Cadence == "" {
				k.Cadence = it.Cadence
			}
		}
		out[r.KPI] = k
	}
	return out
}

// dontKnowReplies counts every reply (1–5, N/A, don't know) to a pillar's
// asked questions.
func dontKnowReplies(r *diagnostic.Result, pillar string) int {
	n := 0
	for _, q := range r.Questions {
		if q.Pillar == pillar && !q.Skipped {
			n += q.Answers + q.NA + q.DontKnow
		}
	}
	return n
}

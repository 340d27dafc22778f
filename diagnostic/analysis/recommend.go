package analysis

import (
	"github.com/revopsdx/revopsdx/diagnostic/recommend"
)

// recommend builds the recommendation input from the scores, the plan and
// the KPI rows, and runs the rules.
func (a *Analysis) recommend() {
	a.PlanFacts = recommend.PlanFactsOf(a.Snapshot.Objectives, a.Snapshot.Plan, a.Catalogue)
	in := recommend.Input{
		Context:  a.Context(),
		Plan:     a.PlanFacts,
		KPIs:     a.KPIRows,
		Currency: a.Snapshot.Profile.Currency,
	}
	if r := a.Result; r != nil {
		in.Pillars = make(map[string]*float64, len(r.Pillars))
		for _, p := range r.Pillars {
			in.Pillars[p.ID] = p.Score
		}
		in.Topics = r.Topics
		in.Gaps = GapsByPillar(r)
	}
	a.RecommendInput = in
	a.Recommendations = a.Rules.Generate(in, a.Lang, a.Catalogue)
}

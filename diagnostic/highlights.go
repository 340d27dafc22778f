package diagnostic

import "sort"

// Strengths and weaknesses list at most this many pillars, each with at
// most maxDrivers questions.
const (
	maxHighlights = 3
	maxDrivers    = 2
)

// highlights picks the strongest and weakest scored pillars. With fewer
// than six scored pillars the two lists split them (strengths get the odd
// one) so no pillar is both.
func highlights(q *Questionnaire, r *Result) (strengths, weaknesses []Highlight) {
	var scored []PillarResult
	for _, p := range r.Pillars {
		if p.Score != nil {
			scored = append(scored, p)
		}
	}
	sort.SliceStable(scored, func(i, j int) bool { return *scored[i].Score > *scored[j].Score })
	nTop := min(maxHighlights, (len(scored)+1)/2)
	nBottom := min(maxHighlights, len(scored)-nTop)
	for _, p := range scored[:nTop] {
		strengths = append(strengths, highlight(p, r, true))
	}
	for i := len(scored) - 1; i >= len(scored)-nBottom; i-- {
		weaknesses = append(weaknesses, highlight(scored[i], r, false))
	}
	return strengths, weaknesses
}

// highlight builds one entry with its drivers. A question pulls the pillar
// by weight × (question score − pillar score): up for a strength (largest
// positive pull first), down for a weakness (largest negative pull first).
// When no question pulls that way (all answers alike), the drivers are the
// items that earn the pillar the most weighted points (weight × score) for a
// strength, or cost it the most (weight × (100 − score)) for a weakness.
func highlight(p PillarResult, r *Result, up bool) Highlight {
	h := Highlight{Pillar: p.ID, Score: *p.Score, Level: *p.Level}
	type cand struct {
		id           string
		pull, points float64
		score        float64
	}
	var pulling, all []cand
	for _, qr := range r.Questions {
		if qr.Pillar != p.ID || qr.Score == nil {
			continue
		}
		c := cand{id: qr.ID, score: *qr.Score, pull: qr.Weight * (*qr.Score - *p.Score), points: qr.Weight * *qr.Score}
		if !up {
			c.pull, c.points = -c.pull, qr.Weight*(100-*qr.Score)
		}
		if c.pull > 1e-9 {
			pulling = append(pulling, c)
		}
		if c.points > 0 {
			all = append(all, c)
		}
	}
	sort.SliceStable(pulling, func(i, j int) bool { return pulling[i].pull > pulling[j].pull })
	sort.SliceStable(all, func(i, j int) bool { return all[i].points > all[j].points })
	cs := pulling
	if len(cs) == 0 {
		cs = all
	}
	for _, c := range cs[:min(maxDrivers, len(cs))] {
		h.Questions = append(h.Questions, Driver{Question: c.id, Score: c.score})
	}
	return h
}

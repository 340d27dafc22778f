package diagnostic

import (
	"math"
	"sort"
)

// findGaps returns the questions on which two departments' mean answers
// differ by GapSteps or more, largest difference first (ties in
// questionnaire order).
func findGaps(questions []QuestionResult) []Gap {
	var gaps []Gap
	for _, qr := range questions {
		if len(qr.Departments) < 2 || qr.Spread < GapSteps-1e-9 {
			continue
		}
		gaps = append(gaps, Gap{Question: qr.ID, Pillar: qr.Pillar, Departments: qr.Departments, Difference: qr.Spread})
	}
	sort.SliceStable(gaps, func(i, j int) bool { return gaps[i].Difference > gaps[j].Difference })
	return gaps
}

// AlignmentIndex is the formula behind PillarResult.Alignment: 100 × (1 −
// Σ wᵢ·spreadᵢ ÷ (4 × Σ wᵢ)) over the questions answered by at least two
// departments, where spreadᵢ is the largest difference between two
// departments' mean answers in option steps (at most 4). It returns false
// when no question qualifies. Exported for charts and the report's method
// page.
func AlignmentIndex(weights, spreads []float64) (float64, bool) {
	var w, s float64
	for i := range weights {
		w += weights[i]
		s += weights[i] * math.Min(spreads[i], 4)
	}
	if w == 0 {
		return 0, false
	}
	return 100 * (1 - s/(4*w)), true
}

package analysis

import (
	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/recommend"
)

// GapsByPillar summarises a result's alignment gaps per pillar: how many of
// its questions differ by diagnostic.GapSteps or more between departments,
// and the largest difference. Pillars without a gap are absent.
func GapsByPillar(r *diagnostic.Result) map[string]recommend.Gap {
	out := map[string]recommend.Gap{}
	for _, g := range r.Gaps {
		cur := out[g.Pillar]
		cur.Count++
		cur.Largest = max(cur.Largest, g.Difference)
		out[g.Pillar] = cur
	}
	return out
}

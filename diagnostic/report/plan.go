package report

import (
	"github.com/johnfercher/maroto/v2/pkg/consts/align"
)

// plan draws the recommendations as a 30/60/90-day plan: one table per
// time frame, in priority order, with the owning team and the evidence.
func (d *doc) plan() {
	d.section(SectionRecommendations)
	t, f := d.t, d.f
	d.para(t.T("plan.intro"))
	d.add(spacer(1))
	cols := []column{{t.T("col.rank"), 6, align.Center}, {t.T("col.action"), 44, align.Left}, {t.T("col.owner"), 14, align.Left}, {t.T("col.evidence"), 36, align.Left}}
	for _, h := range []Horizon{Horizon30, Horizon60, Horizon90} {
		var rows [][]cell
		for i, r := range d.d.Recommendations {
			if bucket(r.Horizon) != h {
				continue
			}
			rank := r.Priority
			if rank <= 0 {
				rank = i + 1
			}
			rows = append(rows, []cell{
				tcell(itoa(rank)),
				twoLines(stCellB, r.Title, r.Detail),
				tcell(f.team(r.Owner)),
				tcell(r.Evidence),
			})
		}
		if len(rows) == 0 {
			continue
		}
		d.sub(d.horizonLabel(h), 20)
		d.table(cols, bodyRows(rows))
	}
}

// bucket places any horizon in the plan's three time frames: up to 30 days,
// up to 60 days, and beyond (90).
func bucket(h Horizon) Horizon {
	switch {
	case h <= Horizon30:
		return Horizon30
	case h <= Horizon60:
		return Horizon60
	}
	return Horizon90
}

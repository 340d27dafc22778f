package report

import (
	"github.com/johnfercher/maroto/v2/pkg/consts/align"
)

// plan draws the recommendations as a 30/60/90-day plan: one table per
// time frame, in priority order, with the owning team and the evidence.
func (d *doc) plan() {
	d.section(SectionRecommendations)
	t := d.t
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
				twoLines(stCellB, r.Title, d.detail(r)),
				twoLines(stCell, d.owner(r), d.due(r)),
				tcell(r.Evidence),
			})
		}
		if len(rows) == 0 {
			continue
		}
		d.sub(d.horizonLabel(h), 20)
		d.table(cols, bodyRows(rows))
	}
	if len(d.d.Done) > 0 {
		d.sub(t.T("plan.done"), 35)
		var rows [][]cell
		for _, r := range d.d.Done {
			rows = append(rows, []cell{twoLines(stCellB, r.Title, d.detail(r)), tcell(d.owner(r))})
		}
		d.table([]column{{t.T("col.action"), 80, align.Left}, {t.T("col.owner"), 20, align.Left}}, bodyRows(rows))
	}
}

// detail is an action's detail with the consultant's note under it.
func (d *doc) detail(r Recommendation) string {
	switch {
	case r.Note == "":
		return r.Detail
	case r.Detail == "":
		return d.t.T("plan.note", "note", r.Note)
	}
	return r.Detail + " · " + d.t.T("plan.note", "note", r.Note)
}

// owner is the person the consultant assigned, with the team, or the team.
func (d *doc) owner(r Recommendation) string {
	team := d.f.team(r.Owner)
	if r.Assignee == "" {
		return team
	}
	if team == "" {
		return r.Assignee
	}
	return r.Assignee + " (" + team + ")"
}

// due is "due 15/01/2027" when the action has a due date.
func (d *doc) due(r Recommendation) string {
	if r.Due.IsZero() {
		return ""
	}
	return d.t.T("plan.due", "date", d.f.lang.Date(r.Due))
}

// setAside lists, in the appendix, the actions the consultant dismissed.
func (d *doc) setAside() {
	if len(d.d.SetAside) == 0 {
		return
	}
	t := d.t
	d.sub(t.T("appendix.set_aside"), 35)
	var rows [][]cell
	for _, r := range d.d.SetAside {
		rows = append(rows, []cell{twoLines(stCell, r.Title, d.detail(r)), tcell(d.f.team(r.Owner))})
	}
	d.table([]column{{t.T("col.action"), 80, align.Left}, {t.T("col.owner"), 20, align.Left}}, bodyRows(rows))
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

package report

import (
	"strings"

	"github.com/johnfercher/maroto/v2/pkg/consts/align"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/recommend"
)

// plan draws the recommendations as a 30/60/90-day plan: one table per
// time frame, each in the engine's order (money at stake first), with the
// owner (the client's department, a person, or "to assign"), the yearly
// money at stake and the evidence; then what was done since the last
// assessment and what to keep (celebrations, never counted as work).
func (d *doc) plan() {
	d.section(SectionRecommendations)
	t := d.t
	d.para(t.T("plan.intro", "max", itoa(recommend.PerWindow), "per_team", itoa(recommend.PerTeam)))
	d.add(spacer(1))
	cols := []column{{t.T("col.rank"), 6, align.Center}, {t.T("col.action"), 42, align.Left}, {t.T("col.owner"), 14, align.Left}, {t.T("col.impact"), 12, align.Right}, {t.T("col.evidence"), 26, align.Left}}
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
				tbold(itoa(rank)),
				twoLines(stCell, r.Title, d.detail(r)),
				twoLines(stCell, d.owner(r), d.due(r)),
				cell{stCell.aligned(align.Right).t(d.impact(r))},
				tcell(r.Evidence),
			})
		}
		if len(rows) == 0 {
			continue
		}
		d.sub(d.horizonLabel(h), 20)
		d.table(cols, bodyRows(rows))
	}
	d.planList(t.T("plan.done"), d.d.Done)
	d.planList(t.T("plan.keep"), d.d.Keep)
}

// planList is a table of actions outside the time frames: action (with
// detail and note), owner and evidence.
func (d *doc) planList(title string, recs []Recommendation) {
	if len(recs) == 0 {
		return
	}
	t := d.t
	d.sub(title, 35)
	var rows [][]cell
	for _, r := range recs {
		rows = append(rows, []cell{twoLines(stCell, r.Title, d.detail(r)), tcell(d.owner(r)), tcell(r.Evidence)})
	}
	d.table([]column{{t.T("col.action"), 54, align.Left}, {t.T("col.owner"), 16, align.Left}, {t.T("col.evidence"), 30, align.Left}}, bodyRows(rows))
}

// impact is the yearly money at stake, "–" without an estimate.
func (d *doc) impact(r Recommendation) string {
	if r.Impact == nil {
		return d.t.T("none")
	}
	return d.f.value(*r.Impact, diagnostic.UnitMoney, r.Currency)
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
	if team == "" || strings.EqualFold(team, r.Assignee) {
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

// setAside lists, in the appendix, the actions the consultant dismissed
// and the findings preliminary data leave out of the plan.
func (d *doc) setAside() {
	t := d.t
	for _, l := range []struct {
		title string
		recs  []Recommendation
	}{{t.T("appendix.set_aside"), d.d.SetAside}, {t.T("appendix.later"), d.d.Later}} {
		if len(l.recs) == 0 {
			continue
		}
		d.sub(l.title, 35)
		var rows [][]cell
		for _, r := range l.recs {
			rows = append(rows, []cell{twoLines(stCell, r.Title, d.detail(r)), tcell(d.owner(r))})
		}
		d.table([]column{{t.T("col.action"), 80, align.Left}, {t.T("col.owner"), 20, align.Left}}, bodyRows(rows))
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

// PhaseLabel names a plan phase (recommend.Phase) in language l, as the
// report prints it: "Primeros 30 días", "Lo que conviene mantener"…
// export-plan writes it in the spreadsheet's time-frame column.
func PhaseLabel(l locale.Lang, phase int) (string, error) {
	cat, err := content()
	if err != nil {
		return "", err
	}
	t := cat[l]
	switch phase {
	case recommend.PhaseKeep:
		return t.T("plan.keep"), nil
	case recommend.PhaseLater:
		return t.T("appendix.later"), nil
	}
	return t.T("horizon." + itoa(int(bucket(Horizon(phase))))), nil
}

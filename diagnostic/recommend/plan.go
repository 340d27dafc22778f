package recommend

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// Capacity of the plan: at most PerWindow items (actions and measures)
// start in each of the first two windows (30 and 60 days), at most PerTeam
// of them owned by one team; the rest start at 90 days. With preliminary
// data at most MaxPreliminary findings are listed, the rest go to the
// appendix.
const (
	PerWindow      = 5
	PerTeam        = 2
	MaxPreliminary = 12
)

// tier orders findings before their priority: money estimates first, then
// measures and actions that bear on the client's symptom or objective,
// then the others; celebrations always last.
func tier(r Recommendation) int {
	switch {
	case r.Kind == KindCelebration:
		return 3
	case r.Impact != nil:
		return 0
	case r.Focus:
		return 1
	}
	return 2
}

// rank sorts findings by tier, priority (money × confidence × boost for
// money findings, weight × gap ÷ effort × boost for the others), then
// lower effort, then id; and names their owners.
func (e *evaluator) rank(fs []finding) {
	for i := range fs {
		fs[i].rec.Owner = e.owner(fs[i])
	}
	leakyBucket(fs)
	slices.SortStableFunc(fs, func(x, y finding) int {
		a, b := x.rec, y.rec
		return cmp.Or(cmp.Compare(tier(a), tier(b)), cmp.Compare(b.Priority, a.Priority), cmp.Compare(a.Effort, b.Effort), cmp.Compare(a.ID, b.ID))
	})
}

// Retention, conversion and acquisition efficiency: the problems of the
// upstream rules.
const (
	ProblemRetention   = "retention"
	ProblemConversion  = "conversion"
	ProblemAcquisition = "acquisition_efficiency"
)

// upstream lists, for a problem, the problems that cause part of it: fixing
// them moves it too, so its own money estimate overlaps theirs.
//   - retention before acquisition: "fix the bucket before pouring more
//     in" (customers bought at a cheaper CAC would still leave);
//   - conversion before acquisition: CAC is the sales and marketing spend
//     per customer won, so a win rate below the median inflates CAC and its
//     payback by itself; closing more of the same pipeline is the cheaper
//     way to a lower CAC.
var upstream = map[string][]string{
	ProblemAcquisition: {ProblemRetention, ProblemConversion},
}

// isUpstream reports whether problem up causes part of problem p.
func isUpstream(up, p string) bool { return slices.Contains(upstream[p], up) }

// leakyBucket applies the upstream rules: when a problem upstream of
// another has a money finding, the downstream one ranks just below it,
// whatever its own estimate, and schedule starts it after.
func leakyBucket(fs []finding) {
	for i := range fs {
		r := &fs[i].rec
		if r.Impact == nil || len(upstream[r.Problem]) == 0 {
			continue
		}
		for j := range fs {
			u := fs[j].rec
			if j != i && u.Impact != nil && isUpstream(u.Problem, r.Problem) && r.Priority >= u.Priority {
				r.Priority = math.Max(u.Priority-1, 0)
			}
		}
	}
}

// departmentOfTeam is the client department that carries a team's
// findings; RevOps governance goes to operations, else leadership.
var departmentOfTeam = map[string][]diagnostic.Department{
	"sales": {diagnostic.DeptSales}, "marketing": {diagnostic.DeptMarketing}, "customer_success": {diagnostic.DeptCustomerSuccess},
	"finance": {diagnostic.DeptFinance}, "revops": {diagnostic.DeptOperations, diagnostic.DeptLeadership},
}

// owner names who carries a finding: the person the checklist or plan
// names for its KPI (or for a KPI folded into it), else the client department of its team (when the
// client has it, or when no department is known and the team is not
// RevOps), else OwnerToAssign.
func (e *evaluator) owner(f finding) string {
	if k, ok := e.in.Context.Coverage[f.subject]; ok && k.Owner != "" {
		return k.Owner
	}
	for _, ev := range f.rec.Evidence { // a KPI folded in (NRR into GRR) may have one
		if k, ok := e.in.Context.Coverage[ev.Subject]; ok && k.Owner != "" && strings.HasPrefix(ev.Kind, "kpi_") {
			return k.Owner
		}
	}
	depts := departmentOfTeam[f.rec.Team]
	for _, d := range depts {
		if slices.Contains(e.in.Departments, d) {
			return string(d)
		}
	}
	if len(e.in.Departments) == 0 && f.rec.Team != "revops" && len(depts) > 0 {
		return string(depts[0])
	}
	return OwnerToAssign
}

// schedule sets each finding's start window: in rank order, except that
// what an item depends on (measure before improve, owner before target,
// retention before acquisition) is placed first; each item goes to the
// first window with room that starts after its prerequisites'. Celebrations
// and the appendix take no room.
func (e *evaluator) schedule(fs []finding) {
	if e.in.Preliminary {
		for i := MaxPreliminary; i < len(fs); i++ {
			fs[i].rec.Appendix = true
		}
	}
	work := func(i int) bool { return fs[i].rec.Kind != KindCelebration && !fs[i].rec.Appendix }
	var order []int
	seen := make([]bool, len(fs))
	var visit func(i int)
	visit = func(i int) {
		seen[i] = true
		for j := range fs {
			if !seen[j] && j != i && work(j) && dependsOn(fs[i], fs[j]) {
				visit(j)
			}
		}
		order = append(order, i)
	}
	for i := range fs {
		if !seen[i] {
			visit(i)
		}
	}
	used := map[int]int{}
	perTeam := map[int]map[string]int{30: {}, 60: {}}
	start := map[int]int{}
	for _, i := range order {
		r := &fs[i].rec
		if !work(i) {
			r.HorizonDays = 30
			continue
		}
		earliest := 30
		for j, w := range start {
			if dependsOn(fs[i], fs[j]) {
				earliest = max(earliest, w+30)
			}
		}
		w := 90
		for _, c := range []int{30, 60} {
			if c >= earliest && used[c] < PerWindow && perTeam[c][r.Team] < PerTeam {
				w = c
				break
			}
		}
		if w < 90 {
			used[w]++
			perTeam[w][r.Team]++
		}
		start[i], r.HorizonDays = w, w
	}
}

// dependsOn says whether finding a must wait for b: a target waits for its
// owner; work on a KPI waits for measuring it and for naming its owner.
func dependsOn(a, b finding) bool {
	if a.rule.Group == "targets" && b.rule.Group == "ownership" ||
		isUpstream(b.rec.Problem, a.rec.Problem) && b.rec.Impact != nil {
		return true
	}
	if b.rec.Kind != KindMeasure && b.rule.Group != "ownership" || a.rec.Kind == KindMeasure {
		return false
	}
	for _, ev := range b.rec.Evidence {
		if slices.Contains(ev.Items, a.subject) {
			return true
		}
	}
	return false
}

// Where a finding goes in the plan shown to a client, besides the windows
// of 30, 60 and 90 days: a celebration is something to keep (never work),
// and with preliminary data a finding beyond MaxPreliminary waits for more
// data (the appendix).
const (
	PhaseKeep  = 0
	PhaseLater = -1
)

// Phase is the window a finding starts in (30, 60 or 90 days), PhaseKeep
// for a celebration or PhaseLater for an appendix finding. The report,
// the recommendations screen and export-plan group the plan by it.
func Phase(r Recommendation) int {
	switch {
	case r.Kind == KindCelebration:
		return PhaseKeep
	case r.Appendix:
		return PhaseLater
	case r.HorizonDays <= 30:
		return 30
	case r.HorizonDays <= 60:
		return 60
	}
	return 90
}

// phaseOrder sorts the phases as the plan prints them: 30, 60, 90 days,
// then what to keep, then what waits for more data.
func phaseOrder(p int) int {
	switch p {
	case PhaseKeep:
		return 1000
	case PhaseLater:
		return 2000
	}
	return p
}

// InPlanOrder returns the findings in the order the plan prints them: by
// phase (30, 60, 90 days, keep, later) and, within a phase, in rank order
// (money at stake first). recs is not changed.
func InPlanOrder(recs []Recommendation) []Recommendation {
	out := slices.Clone(recs)
	slices.SortStableFunc(out, func(a, b Recommendation) int { return cmp.Compare(phaseOrder(Phase(a)), phaseOrder(Phase(b))) })
	return out
}

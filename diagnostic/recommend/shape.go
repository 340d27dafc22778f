package recommend

import (
	"slices"
	"strings"
)

// performanceKinds are the conditions that claim something about how the
// company performs; with preliminary data they stay silent.
var performanceKinds = []string{"kpi_status", "kpi_benchmark", "kpi_trend", "kpi_outlier", "kpi_value_below", "kpi_value_at_least", "fact_above"}

func (r *Rule) claimsPerformance() bool {
	return slices.ContainsFunc(r.When, func(c Condition) bool { return slices.Contains(performanceKinds, c.Kind) })
}

// shape turns the firings into one finding per problem: with preliminary
// data no performance finding; a specific rule on a KPI absorbs the
// generic ones (off track, at risk, worsening) on it; findings of one
// problem merge into the best of them; a KPI, problem or pillar that is
// flagged is never celebrated.
func (e *evaluator) shape(fs []finding) []finding {
	if e.in.Preliminary {
		fs = slices.DeleteFunc(fs, func(f finding) bool { return f.rule.claimsPerformance() })
	}
	flagged := map[string]bool{} // subjects and problems of non-celebrations, before merging
	for _, f := range fs {
		if f.rec.Kind != KindCelebration {
			flagged[f.subject] = true
			flagged["problem:"+f.rec.Problem] = true
			for _, ev := range f.rec.Evidence {
				if ev.Kind == "alignment_gaps" || strings.HasPrefix(ev.Kind, "pillar_below") {
					for _, p := range append(slices.Clone(ev.Items), ev.Subject) {
						flagged[p] = true
					}
				}
			}
		}
	}
	fs = e.absorbGeneric(fs)
	fs = mergeProblems(fs)
	return slices.DeleteFunc(fs, func(f finding) bool {
		return f.rec.Kind == KindCelebration && (flagged[f.subject] || f.rec.Problem != "" && flagged["problem:"+f.rec.Problem])
	})
}

// absorbGeneric folds a generic KPI finding into the specific finding on
// the same KPI, keeping its evidence.
func (e *evaluator) absorbGeneric(fs []finding) []finding {
	specific := map[string]int{}
	for i, f := range fs {
		if !f.wildcard && f.rec.Kind != KindCelebration && f.rule.When[0].KPI != "" {
			if _, ok := specific[f.subject]; !ok {
				specific[f.subject] = i
			}
		}
	}
	drop := map[int]bool{}
	for i, f := range fs {
		if j, ok := specific[f.subject]; ok && f.wildcard && f.rec.Kind != KindCelebration && f.rule.When[0].KPI == Any {
			fold(&fs[j], f)
			drop[i] = true
		}
	}
	return dropIndexes(fs, drop)
}

// mergeProblems keeps one finding per problem, the best (money first,
// then priority), with the others folded in.
func mergeProblems(fs []finding) []finding {
	best := map[string]int{}
	for i, f := range fs {
		if f.rec.Problem == "" || f.rec.Kind == KindCelebration {
			continue
		}
		if j, ok := best[f.rec.Problem]; !ok || f.better(fs[j]) {
			best[f.rec.Problem] = i
		}
	}
	drop := map[int]bool{}
	for i, f := range fs {
		if j, ok := best[f.rec.Problem]; ok && j != i && f.rec.Kind != KindCelebration {
			fold(&fs[j], f)
			drop[i] = true
		}
	}
	return dropIndexes(fs, drop)
}

// fold merges finding f into into: its evidence (money estimates aside),
// id and focus, and, between findings without money, the higher priority.
func fold(into *finding, f finding) {
	for _, ev := range f.rec.Evidence {
		if ev.Kind == "impact" || slices.ContainsFunc(into.rec.Evidence, func(x Evidence) bool { return x.Kind == ev.Kind && x.Subject == ev.Subject }) {
			continue
		}
		into.rec.Evidence = append(into.rec.Evidence, ev)
	}
	if into.rec.Impact == nil && f.rec.Impact == nil {
		into.rec.Priority = max(into.rec.Priority, f.rec.Priority) // the strongest signal's weight
	}
	into.rec.Merged = append(into.rec.Merged, f.rec.ID)
	into.rec.Merged = append(into.rec.Merged, f.rec.Merged...)
	into.rec.Focus = into.rec.Focus || f.rec.Focus
}

func dropIndexes(fs []finding, drop map[int]bool) []finding {
	out := fs[:0]
	for i, f := range fs {
		if !drop[i] {
			out = append(out, f)
		}
	}
	return out
}

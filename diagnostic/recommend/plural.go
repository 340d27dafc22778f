package recommend

import (
	"fmt"
	"slices"
	"strings"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// countKinds are the condition kinds that fill {count} (and the list it
// counts: {kpis}, {objectives} or the questions of an alignment gap).
var countKinds = []string{"alignment_gap", "alignment_gaps", "coverage_missing", "coverage_without_owner",
	"plan_objectives_without_kpis", "plan_without_owner", "plan_without_cadence",
	"plan_without_target", "kpi_unavailable"}

// countCondition is the condition whose count fills {count} (the first
// condition's values win), or nil when no condition counts anything.
func countCondition(r Rule) *Condition {
	for i := range r.When {
		if slices.Contains(countKinds, r.When[i].Kind) {
			return &r.When[i]
		}
	}
	return nil
}

// countCanBeOne says whether the rule can fire with a count of one: a
// checklist condition with min 2 or more cannot.
func countCanBeOne(c *Condition) bool {
	if strings.HasPrefix(c.Kind, "coverage_") && c.Min != nil && *c.Min >= 2 {
		return false
	}
	return true
}

// validatePlural checks the singular texts: both or neither, only on a rule
// that counts, and present when a text quotes {count} and the count can be
// one.
func validatePlural(r Rule) error {
	one := strings.TrimSpace(r.TextESOne) != ""
	if one != (strings.TrimSpace(r.TextENOne) != "") {
		return fmt.Errorf("text_es_one and text_en_one go together")
	}
	c := countCondition(r)
	switch {
	case one && c == nil:
		return fmt.Errorf("singular texts on a rule with no counting condition")
	case !one && c != nil && countCanBeOne(c) && (strings.Contains(r.TextES, "{count}") || strings.Contains(r.TextEN, "{count}")):
		return fmt.Errorf("{count} can be 1: add text_es_one and text_en_one")
	}
	return nil
}

// text is the rule's text in lang for the filled values: the singular one
// when the count is one and the rule has it.
func (r Rule) text(lang locale.Lang, vars map[string]string) string {
	if vars["count"] == "1" && r.TextESOne != "" {
		return lang.Pick(r.TextESOne, r.TextENOne)
	}
	return lang.Pick(r.TextES, r.TextEN)
}

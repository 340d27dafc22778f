package importer

// Rule is how values of one metric for several days or weeks of a month
// combine into the month's value.
type Rule string

// Aggregation rules: sum for flows (revenue, leads), last for stocks
// (employees, MRR), first for opening stocks (customers at start), mean for
// scores and ratios (NPS, win rate).
const (
	RuleSum   Rule = "sum"
	RuleMean  Rule = "mean"
	RuleLast  Rule = "last"
	RuleFirst Rule = "first"
)

func (r Rule) valid() bool {
	return r == RuleSum || r == RuleMean || r == RuleLast || r == RuleFirst
}

// DefaultRule is the rule used when the caller gives none: the
// default_rules of columns.json; a metric not listed there is averaged.
// The KPI catalogue, which knows every metric, should be preferred.
func DefaultRule(metric string) Rule {
	v, err := loadVocabulary()
	if err == nil {
		if r, ok := v.rules[metric]; ok {
			return r
		}
	}
	return RuleMean
}

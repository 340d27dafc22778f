package recommend

import (
	"strings"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// knownPlaceholders are the names a rule text may use; each is filled from
// the evidence of the conditions that fired.
var knownPlaceholders = []string{
	"kpi", "value", "target", "by", "benchmark", "source", "period", "change", "reach",
	"topic", "level", "pillar", "score", "count", "replies", "largest", "kpis", "objectives", "pillars", "widest", "threshold",
}

// list joins names: "a, b y c" / "a, b and c".
func list(lang locale.Lang, names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + lang.Pick(" y ", " and ") + names[len(names)-1]
}

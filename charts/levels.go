package charts

import (
	"fmt"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// levelNames returns the names of maturity levels 1–5 in lang, from the
// questionnaire content (the one source the report and the screens use
// too). A level the content does not name is "" (the caller then numbers
// the levels instead).
func levelNames(lang locale.Lang) [5]string {
	var out [5]string
	q, err := diagnostic.LoadQuestionnaire()
	if err != nil {
		return out // a content defect, caught by the content tests
	}
	for i := range out {
		if l, ok := q.LevelInfo(i + 1); ok {
			out[i] = l.Name.In(lang)
		}
	}
	return out
}

// shortLevelNames numbers the levels: "N1" … "N5" in Spanish, "L1" … "L5"
// in English.
func shortLevelNames(lang locale.Lang) [5]string {
	var out [5]string
	for i := range out {
		out[i] = fmt.Sprintf("%s%d", tr(lang, "level.short"), i+1)
	}
	return out
}

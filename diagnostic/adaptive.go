package diagnostic

import (
	"strconv"
	"strings"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// Shown reports whether question qu is asked of a respondent with the given
// answers: a question without ShowIf always is; a gated one is when its gate
// question is itself shown and the gate's answer is within the range. A gate
// left unanswered, or answered N/A or "don't know", shows the question: only
// an answer that rules it out hides it.
func (q *Questionnaire) Shown(qu *Question, answers map[string]Answer) bool {
	for depth := 0; qu.ShowIf != nil && depth < len(q.Questions); depth++ {
		gate, ok := q.Question(qu.ShowIf.Question)
		if !ok {
			return true
		}
		if a, ok := answers[gate.ID]; ok && a.Value >= 1 && a.Value <= 5 && !qu.ShowIf.Allows(a.Value) {
			return false
		}
		qu = gate
	}
	return true
}

// IsRetired reports whether id is a question an earlier version asked and
// this one no longer does.
func (q *Questionnaire) IsRetired(id string) bool {
	for _, r := range q.Retired {
		if r.ID == id {
			return true
		}
	}
	return false
}

// NewSince lists, in questionnaire order, the questions added after
// questionnaire version prev (their Since is later than prev): an assessment
// answered with version prev could not answer them. Versions compare as
// strings of the form YYYY.N; an empty prev is the first version.
func (q *Questionnaire) NewSince(prev string) []string {
	var out []string
	for _, qu := range q.Questions {
		if qu.Since != "" && versionLess(prev, qu.Since) {
			out = append(out, qu.ID)
		}
	}
	return out
}

// versionLess compares two questionnaire versions "YYYY.N" (N may have more
// digits than the other's): by year, then by number.
func versionLess(a, b string) bool {
	ya, na := splitVersion(a)
	yb, nb := splitVersion(b)
	if ya != yb {
		return ya < yb
	}
	return na < nb
}

func splitVersion(v string) (int, int) {
	var y, n int
	part := &y
	for _, r := range v {
		switch {
		case r == '.':
			part = &n
		case r >= '0' && r <= '9':
			*part = *part*10 + int(r-'0')
		}
	}
	return y, n
}

// SkipReason says in language l why a question was skipped: its gate, the
// gate's answer and the range that would have shown it.
func (q *Questionnaire) SkipReason(s Skip, l locale.Lang) string {
	name := func(id string) string {
		if qu, ok := q.Question(id); ok {
			return qu.Text.In(l)
		}
		return id
	}
	rng := q.SkipTexts.Both
	switch {
	case s.Max == 0:
		rng = q.SkipTexts.Min
	case s.Min == 0:
		rng = q.SkipTexts.Max
	}
	r := strings.NewReplacer("{min}", strconv.Itoa(s.Min), "{max}", strconv.Itoa(s.Max)).Replace(rng.In(l))
	return strings.NewReplacer("{question}", name(s.Question), "{gate}", name(s.Gate), "{value}", l.Auto(s.GateValue, 2),
		"{range}", r).Replace(q.SkipTexts.Reason.In(l))
}

package diagnostic

import (
	"fmt"
	"sort"
	"strings"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// The short mode is the questionnaire for a first call with a prospect:
// the questions marked short, one for each practice area they cover (every
// required area among them, and every pillar at least once), within
// Timing.ShortMaxMinutes on the median path. Everything else is not asked.

// HasShortMode reports whether the content defines a short mode: a time
// limit for it and at least one question marked short.
func (q *Questionnaire) HasShortMode() bool {
	if q.Timing.ShortMaxMinutes <= 0 {
		return false
	}
	for i := range q.Questions {
		if q.Questions[i].Short {
			return true
		}
	}
	return false
}

// Short returns the short mode of the questionnaire: the questions marked
// short, with the context questions and the profile but without the KPI
// checklist (its item weighs nothing, so an unanswered checklist lowers no
// basis). Scoring with it treats every other question as not asked: it is
// in no pillar's weight, so it lowers neither a score nor a basis. The copy
// shares texts with q; treat both as read-only.
func (q *Questionnaire) Short() *Questionnaire {
	s := *q
	s.Questions = nil
	for _, qu := range q.Questions {
		if qu.Short {
			s.Questions = append(s.Questions, qu)
		}
	}
	s.Checklist.Families = nil // not asked: it weighs nothing
	s.Checklist.Text, s.Checklist.Help, s.Checklist.Weight = Text{}, Text{}, 0
	s.index()
	return &s
}

// CheckShortAnswers refuses respondents who answered a question the short
// mode does not ask (retired questions are ignored, as everywhere): a file
// scored as the short mode must not silently drop answers.
func (q *Questionnaire) CheckShortAnswers(respondents []Respondent) error {
	for i, rs := range respondents {
		var extra []string
		for id := range rs.Answers {
			if qu, ok := q.Question(id); ok && !qu.Short {
				extra = append(extra, id)
			}
		}
		if len(extra) == 0 {
			continue
		}
		sort.Strings(extra)
		where := fmt.Sprintf("respondents[%d]", i)
		if rs.Name != "" {
			where += fmt.Sprintf(" (%q)", rs.Name)
		}
		return fmt.Errorf("%s: answers %s: not in the short mode (score the file without --short to count them): %w",
			where, strings.Join(extra, ", "), ErrInvalid)
	}
	return nil
}

// checkShort applies the short mode's product rules: a time limit, every
// pillar and every required area with a short question, no area covered by
// two short questions, a gated short question's gate short too, and the
// median path within Timing.ShortMaxMinutes in each language.
func (q *Questionnaire) checkShort(errs *contentErrors) {
	if q.Timing.ShortMaxMinutes <= 0 {
		errs.addf("short mode: timing.short_max_minutes must be > 0")
		return
	}
	s := q.Short()
	for _, p := range q.Pillars {
		if len(s.QuestionsOf(p.ID)) == 0 {
			errs.addf("short mode: pillar %q has no short question", p.ID)
		}
	}
	coveredBy := map[string]string{}
	for _, qu := range s.Questions {
		for _, a := range qu.Areas {
			if other, ok := coveredBy[a]; ok {
				errs.addf("short mode: area %q is covered by both %q and %q (one question per area)", a, other, qu.ID)
				continue
			}
			coveredBy[a] = qu.ID
		}
		if qu.ShowIf != nil {
			if _, ok := s.Question(qu.ShowIf.Question); !ok {
				errs.addf("short mode: %q is gated by %q, which is not short", qu.ID, qu.ShowIf.Question)
			}
		}
	}
	for _, a := range RequiredAreas {
		if _, ok := coveredBy[a]; !ok {
			errs.addf("short mode: required area %q has no short question", a)
		}
	}
	for _, l := range locale.Langs() {
		if m := s.EstimateTiming(l).Minutes(); m > q.Timing.ShortMaxMinutes {
			errs.addf("short mode: estimated time in %s is %.2f min, over %g", l, m, q.Timing.ShortMaxMinutes)
		}
	}
}

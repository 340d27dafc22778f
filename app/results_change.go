package app

import (
	"fyne.io/fyne/v2"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// changeLine says how the overall score moved since the previous
// assessment (with its date), or that there is none to compare with.
func (s *resultsScreen) changeLine() fyne.CanvasObject {
	l, a := s.u.lang(), s.a
	if a.Previous == nil || a.Change == nil {
		return wrapped(tr("results.change.first"))
	}
	date := l.LongDate(a.Previous.Date)
	o := a.Change.Overall
	if o.Delta == nil {
		return wrapped(tr("results.change.unknown", map[string]any{"Date": date}))
	}
	line := bold(tr("results.change", map[string]any{"Date": date, "Delta": signed(l, *o.Delta), "Previous": l.Number(*o.Previous, 1)}))
	return line
}

// pillarChange is a pillar's change since the previous assessment, or a
// dash when either score is missing.
func (s *resultsScreen) pillarChange(id string) string {
	if s.a.Change == nil {
		return "—"
	}
	for _, pc := range s.a.Change.Pillars {
		if pc.Pillar == id && pc.Delta != nil {
			return signed(s.u.lang(), *pc.Delta)
		}
	}
	return "—"
}

// signed writes a change with its sign: +14,8, −3,1, ±0.
func signed(l locale.Lang, v float64) string {
	switch {
	case v > 0:
		return "+" + l.Number(v, 1)
	case v < 0:
		return "−" + l.Number(-v, 1)
	}
	return "±0"
}

// assessmentDone reports whether an assessment is finished: marked
// complete, or answered to the last question by every respondent (at
// least one). A new assessment can then be started for comparison.
func assessmentDone(q *diagnostic.Questionnaire, a *diagnostic.Assessment) bool {
	if a == nil {
		return false
	}
	if a.Status == diagnostic.StatusComplete {
		return true
	}
	if len(a.Respondents) == 0 {
		return false
	}
	for i := range a.Respondents {
		if firstUnanswered(q, &a.Respondents[i]) < len(q.Questions) {
			return false
		}
	}
	return true
}

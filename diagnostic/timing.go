package diagnostic

import (
	"strings"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// TimingEstimate is the estimated completion time of the questionnaire in
// one language: the words a respondent reads and the decisions they make.
type TimingEstimate struct {
	Words     int     `json:"words"`
	Decisions int     `json:"decisions"`
	Seconds   float64 `json:"seconds"`
}

// Minutes is the estimate in minutes.
func (e TimingEstimate) Minutes() float64 { return e.Seconds / 60 }

// add counts the words of texts in language l and n decisions.
func (e *TimingEstimate) add(l locale.Lang, decisions int, texts ...Text) {
	for _, t := range texts {
		e.Words += len(strings.Fields(t.In(l)))
	}
	e.Decisions += decisions
}

// EstimateTiming estimates how long the questionnaire takes in language l,
// company profile and KPI checklist included: every word shown is read at
// Timing.WordsPerMinute, and every answer (a question, a context question, a
// checklist KPI, a profile field) costs Timing.SecondsPerDecision. Counted
// words: pillar names, the not-applicable label (once), each question's
// text, help and five options, each context question's text, help and
// options, the checklist's text, help, family and KPI names, and each
// profile field's label and options. Owner and cadence in the checklist are
// optional and not counted as decisions.
func (q *Questionnaire) EstimateTiming(l locale.Lang) TimingEstimate {
	var e TimingEstimate
	e.add(l, 0, q.NotApplicable)
	for _, p := range q.Pillars {
		e.add(l, 0, p.Name)
	}
	for _, qu := range q.Questions {
		e.add(l, 1, qu.Text, qu.Help)
		e.add(l, 0, qu.Options...)
	}
	for _, cq := range q.Context {
		e.add(l, 1, cq.Text, cq.Help)
		for _, o := range cq.Options {
			e.add(l, 0, o.Label)
		}
	}
	e.add(l, 0, q.Checklist.Text, q.Checklist.Help)
	for _, f := range q.Checklist.Families {
		e.add(l, 0, f.Name)
		for _, k := range f.KPIs {
			e.add(l, 1, k.Name)
		}
	}
	for _, f := range q.Profile {
		e.add(l, 1, f.Label)
		for _, o := range f.Options {
			e.add(l, 0, o.Label)
		}
	}
	e.Seconds = q.wordSeconds(e.Words) + float64(e.Decisions)*q.Timing.SecondsPerDecision
	return e
}

// QuestionSeconds estimates the time one scored question takes in language
// l, for progress and time-left displays.
func (q *Questionnaire) QuestionSeconds(qu *Question, l locale.Lang) float64 {
	var e TimingEstimate
	e.add(l, 1, qu.Text, qu.Help)
	e.add(l, 0, qu.Options...)
	return q.wordSeconds(e.Words) + q.Timing.SecondsPerDecision
}

func (q *Questionnaire) wordSeconds(words int) float64 {
	if q.Timing.WordsPerMinute <= 0 {
		return 0
	}
	return float64(words) / q.Timing.WordsPerMinute * 60
}

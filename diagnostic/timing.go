package diagnostic

import (
	"strings"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// MedianAnswer is the answer of the median respondent of the timing model:
// option 3 everywhere, which opens every follow-up whose gate allows it.
const MedianAnswer = 3

// TimingEstimate is the estimated completion time of the questionnaire in
// one language on one path: the words a respondent reads, the decisions they
// make and the scored questions they are asked.
type TimingEstimate struct {
	Words     int     `json:"words"`
	Decisions int     `json:"decisions"`
	Questions int     `json:"questions"`
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

// EstimateTiming estimates how long the questionnaire takes in language l on
// the median path (every question answered MedianAnswer).
func (q *Questionnaire) EstimateTiming(l locale.Lang) TimingEstimate {
	return q.EstimatePath(l, MedianAnswer)
}

// EstimatePath estimates how long the questionnaire takes in language l for
// a respondent answering v to every scored question, company profile and
// KPI checklist included: every word shown is read at
// Timing.WordsPerMinute of the language, and every answer (a scored
// question asked on that path, a context question, a checklist KPI, a
// profile field) costs Timing.SecondsPerDecision. Counted words: pillar
// names, the not-applicable and don't-know labels (once each), each asked
// question's text, help and five options, each context question's text,
// help and options, the checklist's text, help, family and KPI names, and
// each profile field's label and options. Owner and cadence in the
// checklist are optional and not counted as decisions.
func (q *Questionnaire) EstimatePath(l locale.Lang, v int) TimingEstimate {
	var e TimingEstimate
	e.add(l, 0, q.NotApplicable, q.DontKnow)
	for _, p := range q.Pillars {
		e.add(l, 0, p.Name)
	}
	answers := map[string]Answer{}
	for i := range q.Questions {
		answers[q.Questions[i].ID] = Answer{Value: v}
	}
	for i := range q.Questions {
		qu := &q.Questions[i]
		if !q.Shown(qu, answers) {
			continue
		}
		e.Questions++
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
	e.Seconds = q.wordSeconds(e.Words, l) + float64(e.Decisions)*q.Timing.SecondsPerDecision
	return e
}

// QuestionSeconds estimates the time one scored question takes in language
// l, for progress and time-left displays.
func (q *Questionnaire) QuestionSeconds(qu *Question, l locale.Lang) float64 {
	var e TimingEstimate
	e.add(l, 1, qu.Text, qu.Help)
	e.add(l, 0, qu.Options...)
	return q.wordSeconds(e.Words, l) + q.Timing.SecondsPerDecision
}

func (q *Questionnaire) wordSeconds(words int, l locale.Lang) float64 {
	wpm := q.Timing.WordsPerMinute.In(l)
	if wpm <= 0 {
		return 0
	}
	return float64(words) / wpm * 60
}

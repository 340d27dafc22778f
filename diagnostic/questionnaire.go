package diagnostic

import (
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// Text is a piece of user-facing content in both languages.
type Text struct {
	ES string `json:"es"`
	EN string `json:"en"`
}

// In returns the text in language l (English for anything but Spanish).
func (t Text) In(l locale.Lang) string { return l.Pick(t.ES, t.EN) }

// Pillar is one of the seven areas of practice the questionnaire scores.
type Pillar struct {
	ID          string  `json:"id"`
	Weight      float64 `json:"weight"`
	Name        Text    `json:"name"`
	Description Text    `json:"description"`
}

// Question is one scored question: five anchored options from level 1
// (option index 0) to level 5 (index 4). Areas are the practice areas it
// covers (ids of the glossary's areas); Since is the questionnaire version
// that added it (empty: in the first version); ShowIf, when set, asks it
// only after a gate question's answer falls within a range.
type Question struct {
	ID       string   `json:"id"`
	Pillar   string   `json:"pillar"`
	Weight   float64  `json:"weight"`
	Since    string   `json:"since,omitempty"`
	Areas    []string `json:"areas"`
	Short    bool     `json:"short,omitempty"` // asked in the short mode too
	ShowIf   *ShowIf  `json:"show_if,omitempty"`
	Text     Text     `json:"text"`
	Help     Text     `json:"help"`
	Options  []Text   `json:"options"`
	AllowsNA bool     `json:"allows_na"`
	Topics   []string `json:"topics"`
	KPIs     []string `json:"kpis"`
}

// ShowIf gates a question on another (earlier) question's answer: the
// question is shown when that answer is at least Min and at most Max (each
// optional). A gate answered N/A or "don't know", or not at all, shows it.
type ShowIf struct {
	Question string `json:"question"`
	Min      int    `json:"min,omitempty"`
	Max      int    `json:"max,omitempty"`
}

// Allows reports whether a gate answer v (1–5) shows the gated question.
func (s *ShowIf) Allows(v int) bool {
	return (s.Min == 0 || v >= s.Min) && (s.Max == 0 || v <= s.Max)
}

// Retired is a question the current version no longer asks: answers to it
// in older assessments are kept and ignored by the scores.
type Retired struct {
	ID  string `json:"id"`
	In  string `json:"in"`
	Why Text   `json:"why"`
}

// SkipTexts say why a question was skipped: Reason with {question},
// {gate}, {value} and {range}, the range written with Min, Max or Both.
type SkipTexts struct {
	Reason Text `json:"reason"`
	Min    Text `json:"min"`
	Max    Text `json:"max"`
	Both   Text `json:"both"`
}

// HasTopic reports whether the question relates to a recommendation topic.
func (q *Question) HasTopic(topic string) bool { return contains(q.Topics, topic) }

// Level is a maturity level: a score at or above MinScore (and below the
// next level's) has this level.
type Level struct {
	Level       int     `json:"level"`
	MinScore    float64 `json:"min_score"`
	Name        Text    `json:"name"`
	Description Text    `json:"description"`
}

// Choice is one option of a context question or profile field, by id.
type Choice struct {
	ID    string `json:"id"`
	Label Text   `json:"label"`
}

// ContextQuestion is an unscored question whose answer steers the
// recommendations: the symptom and the main objective.
type ContextQuestion struct {
	ID      string   `json:"id"`
	Text    Text     `json:"text"`
	Help    Text     `json:"help"`
	Options []Choice `json:"options"`
}

// HasOption reports whether id is one of the question's options.
func (c *ContextQuestion) HasOption(id string) bool {
	for _, o := range c.Options {
		if o.ID == id {
			return true
		}
	}
	return false
}

// ChecklistKPI is one KPI of the coverage checklist.
type ChecklistKPI struct {
	ID   string `json:"id"`
	Name Text   `json:"name"`
}

// KPIFamily groups the checklist KPIs of one family.
type KPIFamily struct {
	ID   string         `json:"id"`
	Name Text           `json:"name"`
	KPIs []ChecklistKPI `json:"kpis"`
}

// Checklist is the KPI coverage checklist: which KPIs are measured today,
// with owner and cadence. It is scored into Pillar with Weight, as the item
// CoverageItem.
type Checklist struct {
	Pillar   string      `json:"pillar"`
	Weight   float64     `json:"weight"`
	Topics   []string    `json:"topics"`
	Text     Text        `json:"text"`
	Help     Text        `json:"help"`
	Families []KPIFamily `json:"families"`
}

// KPIs lists every checklist KPI, family by family.
func (c *Checklist) KPIs() []ChecklistKPI {
	var out []ChecklistKPI
	for _, f := range c.Families {
		out = append(out, f.KPIs...)
	}
	return out
}

// Has reports whether a KPI id is on the checklist.
func (c *Checklist) Has(kpi string) bool {
	for _, f := range c.Families {
		for _, k := range f.KPIs {
			if k.ID == kpi {
				return true
			}
		}
	}
	return false
}

// ProfileField is one field of the company profile form, with its options
// when it is a choice (none for free text such as the name).
type ProfileField struct {
	ID      string   `json:"id"`
	Label   Text     `json:"label"`
	Options []Choice `json:"options"`
}

// PerLang is a number per content language.
type PerLang struct {
	ES float64 `json:"es"`
	EN float64 `json:"en"`
}

// In returns the number for language l (English for anything but Spanish).
func (p PerLang) In(l locale.Lang) float64 {
	if l == locale.ES {
		return p.ES
	}
	return p.EN
}

// TimingModel is how the completion time is estimated from the content:
// reading speed per language, time to decide one answer, and the limit.
type TimingModel struct {
	WordsPerMinute     PerLang `json:"words_per_minute"`
	SecondsPerDecision float64 `json:"seconds_per_decision"`
	MaxMinutes         float64 `json:"max_minutes"`
	// ShortMaxMinutes is the limit of the short mode (0: no short mode).
	ShortMaxMinutes float64 `json:"short_max_minutes,omitempty"`
}

// Questionnaire is the whole diagnostic content. The value returned by
// LoadQuestionnaire is shared: treat it as read-only.
type Questionnaire struct {
	Version       string            `json:"version"`
	Timing        TimingModel       `json:"timing"`
	NotApplicable Text              `json:"not_applicable"`
	DontKnow      Text              `json:"dont_know"`
	Pillars       []Pillar          `json:"pillars"`
	Levels        []Level           `json:"levels"`
	Questions     []Question        `json:"questions"`
	Retired       []Retired         `json:"retired,omitempty"`
	SkipTexts     SkipTexts         `json:"skip_texts"`
	Context       []ContextQuestion `json:"context"`
	Checklist     Checklist         `json:"checklist"`
	Profile       []ProfileField    `json:"profile"`
	Departments   []Choice          `json:"departments"`

	pillarIdx   map[string]int
	questionIdx map[string]int
}

// index builds the lookup maps; called once after decoding.
func (q *Questionnaire) index() {
	q.pillarIdx = make(map[string]int, len(q.Pillars))
	for i, p := range q.Pillars {
		q.pillarIdx[p.ID] = i
	}
	q.questionIdx = make(map[string]int, len(q.Questions))
	for i, qu := range q.Questions {
		q.questionIdx[qu.ID] = i
	}
}

// Pillar returns the pillar with the given id.
func (q *Questionnaire) Pillar(id string) (*Pillar, bool) {
	i, ok := q.pillarIdx[id]
	if !ok {
		return nil, false
	}
	return &q.Pillars[i], true
}

// Question returns the scored question with the given id.
func (q *Questionnaire) Question(id string) (*Question, bool) {
	i, ok := q.questionIdx[id]
	if !ok {
		return nil, false
	}
	return &q.Questions[i], true
}

// QuestionsOf returns the questions of a pillar in questionnaire order.
func (q *Questionnaire) QuestionsOf(pillar string) []*Question {
	var out []*Question
	for i := range q.Questions {
		if q.Questions[i].Pillar == pillar {
			out = append(out, &q.Questions[i])
		}
	}
	return out
}

// QuestionsWithTopic returns the questions related to a recommendation topic.
func (q *Questionnaire) QuestionsWithTopic(topic string) []*Question {
	var out []*Question
	for i := range q.Questions {
		if q.Questions[i].HasTopic(topic) {
			out = append(out, &q.Questions[i])
		}
	}
	return out
}

// ContextQuestion returns the context question ContextSymptom or
// ContextObjective.
func (q *Questionnaire) ContextQuestion(id string) (*ContextQuestion, bool) {
	for i := range q.Context {
		if q.Context[i].ID == id {
			return &q.Context[i], true
		}
	}
	return nil, false
}

// LevelFor returns the maturity level of a 0–100 score: the highest level
// whose MinScore the score reaches.
func (q *Questionnaire) LevelFor(score float64) Level {
	best := q.Levels[0]
	for _, l := range q.Levels {
		if score >= l.MinScore {
			best = l
		}
	}
	return best
}

// LevelInfo returns the level with number n (1–5).
func (q *Questionnaire) LevelInfo(n int) (Level, bool) {
	for _, l := range q.Levels {
		if l.Level == n {
			return l, true
		}
	}
	return Level{}, false
}

// DepartmentName returns a department's display name in language l, or its
// id when the content does not name it.
func (q *Questionnaire) DepartmentName(d Department, l locale.Lang) string {
	if d == DeptOther {
		return otherName(l)
	}
	for _, c := range q.Departments {
		if c.ID == string(d) {
			return c.Label.In(l)
		}
	}
	return string(d)
}

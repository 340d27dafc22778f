package diagnostic

import (
	"time"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// NA is the answer value for "not applicable" and DontKnow the one for
// "don't know". Scored answers are 1–5; a question missing from
// Respondent.Answers is unanswered. Neither NA nor DontKnow is an answer to
// the scores, but DontKnow is counted: many in a pillar is a finding about
// visibility. Answers stored before DontKnow existed use NA for both.
const (
	NA       = 0
	DontKnow = -2
)

// ValidAnswer reports whether v is a value an answer may hold: 1–5, NA or
// DontKnow.
func ValidAnswer(v int) bool { return v == NA || v == DontKnow || v >= 1 && v <= 5 }

// Answer is one respondent's answer to one question.
type Answer struct {
	Value int       `json:"value"` // 1–5, NA or DontKnow
	Note  string    `json:"note,omitempty"`
	At    time.Time `json:"at,omitzero"`
}

// Respondent is one person answering the questionnaire for a department.
type Respondent struct {
	ID         int64             `json:"id,omitempty"`
	Name       string            `json:"name"`
	Department Department        `json:"department"`
	Answers    map[string]Answer `json:"answers"` // by question id
}

// AssessmentStatus says whether an assessment is still being answered.
type AssessmentStatus string

// The statuses of an assessment.
const (
	StatusInProgress AssessmentStatus = "in_progress"
	StatusComplete   AssessmentStatus = "complete"
)

// KPICoverage is one line of the KPI checklist: whether a KPI is measured
// today, and by whom and how often when known.
type KPICoverage struct {
	Measured bool    `json:"measured"`
	Owner    string  `json:"owner,omitempty"`
	Cadence  Cadence `json:"cadence,omitempty"`
}

// Context holds the unscored answers that steer recommendations: the most
// visible symptom, the main objective for the next 12 months, and the KPI
// checklist by KPI id.
type Context struct {
	Symptom   string                 `json:"symptom,omitempty"`
	Objective Objective              `json:"objective,omitempty"`
	Coverage  map[string]KPICoverage `json:"coverage,omitempty"`
}

// Assessment is one run of the questionnaire for an organisation, answered
// by one or more respondents.
type Assessment struct {
	ID                   int64            `json:"id,omitempty"`
	OrgID                int64            `json:"org_id,omitempty"`
	Date                 time.Time        `json:"date"`
	Language             locale.Lang      `json:"language"`
	QuestionnaireVersion string           `json:"questionnaire_version"`
	Status               AssessmentStatus `json:"status"`
	// Anonymous: respondents' names are kept for response tracking only;
	// results, exports and the report use AnonymousRespondents.
	Anonymous   bool         `json:"anonymous,omitempty"`
	Context     Context      `json:"context"`
	Respondents []Respondent `json:"respondents"`
}

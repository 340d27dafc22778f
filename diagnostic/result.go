package diagnostic

// MinBasis is the share of a pillar's weight that must be answered for the
// pillar to get a score; below it the pillar is "insufficient data".
const MinBasis = 0.5

// GapSteps is the difference, in option steps, between two departments'
// answers to one question that makes it an alignment gap.
const GapSteps = 2.0

// Result is the scored outcome of one assessment. Scores are 0–100 with one
// decimal; a nil score means insufficient data (basis under MinBasis).
type Result struct {
	Overall     Overall            `json:"overall"`
	Pillars     []PillarResult     `json:"pillars"`
	Questions   []QuestionResult   `json:"questions"`
	Gaps        []Gap              `json:"gaps"`
	Strengths   []Highlight        `json:"strengths"`
	Weaknesses  []Highlight        `json:"weaknesses"`
	Topics      map[string]float64 `json:"topics"`      // weighted mean answer (1–5) by recommendation topic
	Departments []Department       `json:"departments"` // departments with at least one answer, in display order
	Respondents int                `json:"respondents"`
	// DepartmentRespondents counts, per department of the views, the
	// respondents who gave at least one answer (N/A included): the team view.
	DepartmentRespondents map[Department]int `json:"department_respondents,omitempty"`
	Skipped               []Skip             `json:"skipped"` // questions no respondent was asked, in questionnaire order
}

// Skip is a question hidden from every respondent by its gate: the gate
// question, the range that would have shown it (0 = open end) and the mean
// gate answer of the respondents.
type Skip struct {
	Question  string  `json:"question"`
	Pillar    string  `json:"pillar"`
	Gate      string  `json:"gate"`
	Min       int     `json:"min,omitempty"`
	Max       int     `json:"max,omitempty"`
	GateValue float64 `json:"gate_value"`
}

// Overall is the assessment-wide score, basis, level and alignment index.
type Overall struct {
	Score     *float64 `json:"score"`
	Basis     float64  `json:"basis"`
	Level     *int     `json:"level"`
	Alignment *float64 `json:"alignment"`
}

// PillarResult is one pillar's score. Departments holds each department's
// own pillar score (only departments with enough answers); Alignment is the
// alignment index 0–100, nil when fewer than two departments answered.
type PillarResult struct {
	ID          string                 `json:"id"`
	Score       *float64               `json:"score"`
	Basis       float64                `json:"basis"`
	Level       *int                   `json:"level"`
	Alignment   *float64               `json:"alignment"`
	Departments map[Department]float64 `json:"departments,omitempty"`
	// DontKnow counts the "don't know" answers to the pillar's asked
	// questions; DontKnowShare is their share of all its replies (1–5, N/A
	// and don't know).
	DontKnow      int     `json:"dont_know"`
	DontKnowShare float64 `json:"dont_know_share"`
}

// QuestionResult is one scored item: a question, or the KPI checklist
// (ID CoverageItem). Value is the mean answer on the 1–5 scale, nil when
// nobody answered (N/A does not count as an answer). Departments holds each
// department's mean answer; Spread is the largest difference between two
// departments, in option steps (0 with fewer than two departments).
type QuestionResult struct {
	ID          string                 `json:"id"`
	Pillar      string                 `json:"pillar"`
	Weight      float64                `json:"weight"`
	Value       *float64               `json:"value"`
	Score       *float64               `json:"score"`
	Answers     int                    `json:"answers"`
	NA          int                    `json:"na"`
	DontKnow    int                    `json:"dont_know"`
	Skipped     bool                   `json:"skipped,omitempty"` // hidden from every respondent by its gate
	Departments map[Department]float64 `json:"departments,omitempty"`
	Spread      float64                `json:"spread"`
}

// Gap is a question on which departments differ by GapSteps or more.
type Gap struct {
	Question    string                 `json:"question"`
	Pillar      string                 `json:"pillar"`
	Departments map[Department]float64 `json:"departments"`
	Difference  float64                `json:"difference"`
}

// Highlight is a pillar among the strongest or weakest, with the questions
// that pull it most (up for a strength, down for a weakness).
type Highlight struct {
	Pillar    string   `json:"pillar"`
	Score     float64  `json:"score"`
	Level     int      `json:"level"`
	Questions []Driver `json:"questions"`
}

// Driver is a question that pulls a pillar up or down, with its score.
type Driver struct {
	Question string  `json:"question"`
	Score    float64 `json:"score"`
}

// Pillar returns the result of a pillar, or nil.
func (r *Result) Pillar(id string) *PillarResult {
	for i := range r.Pillars {
		if r.Pillars[i].ID == id {
			return &r.Pillars[i]
		}
	}
	return nil
}

// Question returns the result of a question (or of CoverageItem), or nil.
func (r *Result) Question(id string) *QuestionResult {
	for i := range r.Questions {
		if r.Questions[i].ID == id {
			return &r.Questions[i]
		}
	}
	return nil
}

// TopicLevel returns the weighted mean answer (1–5) of the questions related
// to a recommendation topic, and false when none of them was answered.
func (r *Result) TopicLevel(topic string) (float64, bool) {
	v, ok := r.Topics[topic]
	return v, ok
}

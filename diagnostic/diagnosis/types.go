package diagnosis

// Diagnosis is the synthesis of one organisation's analysis. Its JSON names
// are a contract (diagnose --json, the report's first page).
type Diagnosis struct {
	Org  string `json:"org"`
	Lang string `json:"lang"`
	// Situation is one sentence: where the company stands.
	Situation string `json:"situation"`
	// Level is the maturity level in words with what it means; empty
	// before the first assessment.
	Level string `json:"level"`
	// Change says what moved since the previous assessment; empty with a
	// single assessment.
	Change string `json:"change"`
	// BindingConstraint is the lever that limits revenue most; nil when
	// the data cannot name one (preliminary, or no money finding).
	BindingConstraint *Constraint `json:"binding_constraint"`
	// SymptomCheck says whether the data confirm the problem the client
	// named in the questionnaire.
	SymptomCheck SymptomCheck `json:"symptom_check"`
	// AnswerChecks are answers the data contradict.
	AnswerChecks []AnswerCheck `json:"answer_checks"`
	// Preliminary is true with less data than METHOD.md requires; then
	// the texts make no performance claims and Missing says what data
	// would complete the picture.
	Preliminary bool     `json:"preliminary"`
	Missing     []string `json:"missing"`
	// Skipped says, one sentence each, which questions no respondent was
	// asked and why (a gate answer hid them): they do not count in the
	// scores.
	Skipped []string `json:"skipped"`
	// Strengths are what to keep (celebrations), never counted as work.
	Strengths []string `json:"strengths"`
	// Actions30 are the items (actions and measures) that start in the
	// first 30 days, in plan order.
	Actions30 []Item `json:"actions_30"`
}

// Constraint is the binding constraint: the KPI (or pillar) whose gap puts
// the most money at stake, with the estimate and its assumptions.
type Constraint struct {
	KPI      string  `json:"kpi"`
	Pillar   string  `json:"pillar"`
	Impact   float64 `json:"impact"` // yearly, in Currency
	Currency string  `json:"currency"`
	Text     string  `json:"text"`
	Evidence string  `json:"evidence"`
}

// Verdicts of a symptom check.
const (
	Confirmed    = "confirmed"
	Contradicted = "contradicted"
	Unknown      = "unknown"
)

// SymptomCheck is the stated symptom (its id, empty when none was named),
// the verdict of the data and a sentence that explains it.
type SymptomCheck struct {
	Symptom string `json:"symptom"`
	Verdict string `json:"verdict"`
	Text    string `json:"text"`
}

// AnswerCheck is one answer the data contradict: the question or KPI it is
// about and what the data say.
type AnswerCheck struct {
	Subject string `json:"subject"`
	Text    string `json:"text"`
}

// Item is one planned item of the first 30 days.
type Item struct {
	ID       string   `json:"id"`
	Kind     string   `json:"kind"` // action | measure
	Owner    string   `json:"owner"`
	Text     string   `json:"text"`
	Impact   *float64 `json:"impact"`
	Currency string   `json:"currency"`
}

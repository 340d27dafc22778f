package report

import (
	"encoding/json"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// ExportFormat names the export document, so a reader can recognise it.
const ExportFormat = "revopsdx-export"

// ExportVersion is the version of the export layout; it changes when a
// field is renamed or removed (adding a field keeps it).
const ExportVersion = 1

// Export is an organisation's data as exported to CSV or JSON: answers,
// scores, KPI values, the KPI plan and the recommendations. Values are
// plain: ids from the shared vocabularies, fractions for percentages,
// months as "YYYY-MM", dates as "YYYY-MM-DD".
type Export struct {
	Format          string                 `json:"format"`  // ExportFormat (set by the writers)
	Version         int                    `json:"version"` // ExportVersion (set by the writers)
	Organisation    string                 `json:"organisation"`
	AssessmentDate  Date                   `json:"assessment_date"`
	GeneratedAt     time.Time              `json:"generated_at"`
	Answers         []AnswerRecord         `json:"answers"`
	Scores          []ScoreRecord          `json:"scores"`
	KPIValues       []KPIValueRecord       `json:"kpi_values"`
	Plan            []PlanRecord           `json:"plan"`
	Recommendations []RecommendationRecord `json:"recommendations"`
}

// Date is a calendar date written "YYYY-MM-DD" in JSON and CSV.
type Date struct{ time.Time }

// MarshalText writes the date as "YYYY-MM-DD", or nothing when zero.
func (d Date) MarshalText() ([]byte, error) {
	if d.IsZero() {
		return []byte{}, nil
	}
	return []byte(d.Format(time.DateOnly)), nil
}

// MarshalJSON writes the date as a "YYYY-MM-DD" string (overriding the
// embedded time's RFC 3339 form).
func (d Date) MarshalJSON() ([]byte, error) {
	b, _ := d.MarshalText()
	return json.Marshal(string(b))
}

// UnmarshalJSON reads a "YYYY-MM-DD" string.
func (d *Date) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	return d.UnmarshalText([]byte(s))
}

// UnmarshalText reads a "YYYY-MM-DD" date; an empty text is the zero date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		d.Time = time.Time{}
		return nil
	}
	t, err := time.Parse(time.DateOnly, string(b))
	if err != nil {
		return err
	}
	d.Time = t
	return nil
}

// AnswerRecord is one respondent's answer to one question.
type AnswerRecord struct {
	Respondent string                `json:"respondent"`
	Department diagnostic.Department `json:"department"`
	Question   string                `json:"question"` // question id
	Pillar     string                `json:"pillar"`   // pillar id
	Value      int                   `json:"value"`    // 1–5, 0 for not applicable (diagnostic.NA), -2 for don't know (diagnostic.DontKnow)
	Note       string                `json:"note,omitempty"`
}

// ScoreRecord is the overall score (Pillar empty) or one pillar's score.
type ScoreRecord struct {
	Pillar string   `json:"pillar"` // pillar id; "" for the overall score
	Score  *float64 `json:"score"`  // 0–100; null when there is too little data
	Basis  float64  `json:"basis"`  // share of the questionnaire answered, 0–1
	Level  int      `json:"level"`  // 1–5; 0 when unknown
}

// KPIValueRecord is one KPI's value for one month.
type KPIValueRecord struct {
	KPI      string           `json:"kpi"`
	Period   diagnostic.Month `json:"period"`
	Value    float64          `json:"value"`
	Unit     diagnostic.Unit  `json:"unit"`
	Currency string           `json:"currency,omitempty"`
	Source   string           `json:"source,omitempty"` // "typed", or the imported file
}

// PlanRecord is one KPI of the plan with its current target.
type PlanRecord struct {
	KPI      string             `json:"kpi"`
	Owner    string             `json:"owner,omitempty"`
	Cadence  diagnostic.Cadence `json:"cadence,omitempty"`
	Target   *float64           `json:"target"`    // null when none
	TargetBy *diagnostic.Month  `json:"target_by"` // null when no target
	Retired  bool               `json:"retired"`
}

// RecommendationRecord is one recommendation as the consultant left it.
type RecommendationRecord struct {
	Rank        int     `json:"rank"` // 1 is the most urgent
	ID          string  `json:"id"`   // rule id
	Text        string  `json:"text"`
	Team        string  `json:"team"`
	HorizonDays int     `json:"horizon_days"`
	Priority    float64 `json:"priority"`
	Evidence    string  `json:"evidence"`
	Status      string  `json:"status,omitempty"` // e.g. accepted, dismissed
	Note        string  `json:"note,omitempty"`
	Owner       string  `json:"owner,omitempty"` // person the consultant assigned
	Due         string  `json:"due,omitempty"`   // due date, YYYY-MM-DD
}

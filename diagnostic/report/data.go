package report

import (
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// Data is everything the PDF report shows, already computed and, for free
// text (pillar names, questions, KPI names, recommendations), already in the
// report's language. Identifiers from the shared vocabularies (departments,
// statuses, trends, units) are translated by the report itself.
//
// Optional parts may be left empty: a section with nothing to show is left
// out of the report rather than printed empty.
type Data struct {
	Organisation   string      // client organisation name (required)
	AssessmentDate time.Time   // date of the assessment, or of the report when NoAssessment (required)
	NoAssessment   bool        // no assessment yet: the cover names AssessmentDate the report's date
	PreviousDate   time.Time   // date of the previous assessment; zero when none
	Consultant     Consultant  // who prepared the report (from settings)
	Lang           locale.Lang // language of the assessment; Options.Lang overrides
	Paper          Paper       // preferred paper; Options.Paper overrides
	Currency       string      // ISO 4217 code for money without its own currency, e.g. "EUR"

	Overall Score    // overall maturity
	Pillars []Pillar // the seven pillars, in display order

	Strengths []Finding // strongest pillars, best first (the summary shows three)
	Gaps      []Finding // weakest pillars, worst first (the summary shows three)

	Departments []diagnostic.Department // departments that answered, in display order
	Alignment   []AlignmentItem         // questions flagged for disagreement, largest spread first

	KPIs            []KPIRow         // the KPI plan's scorecard, in display order
	Recommendations []Recommendation // prioritised actions, highest priority first
	Done            []Recommendation // actions the consultant marked done since the last assessment
	Keep            []Recommendation // celebrations: what to keep doing (never counted as work)
	Later           []Recommendation // findings beyond what preliminary data allow listing (appendix)
	SetAside        []Recommendation // actions the consultant dismissed (listed in the appendix)

	Synthesis *Synthesis // the diagnosis the summary opens with; nil = none

	Appendix Appendix // reference material at the end
	// Comments are the consultant's commentary by section id, printed
	// under the section's title.
	Comments map[string]string
	Charts   Charts // report-wide chart images
	// Pipeline is the movement between the last two deals snapshots,
	// printed after the KPI scorecard; nil = fewer than two snapshots.
	Pipeline *PipelineMovement
}

// Consultant identifies who prepared the report.
type Consultant struct {
	Name    string // person's name
	Company string // consultancy name; optional
	Logo    []byte // PNG or JPEG; optional
}

// Score is an overall or pillar score.
type Score struct {
	Score *float64 // 0–100; nil when nothing was answered
	Level int      // maturity level 1–5; 0 when unknown
	Basis float64  // share of the questions the score rests on, 0–1
}

// Pillar is one pillar's score with its change since the previous assessment.
type Pillar struct {
	ID       string   // shared pillar id, e.g. "data_tools"
	Name     string   // display name in the report's language
	Score    *float64 // 0–100; nil when no question of the pillar was answered
	Level    int      // 1–5; 0 when unknown
	Basis    float64  // share of the pillar's questions answered, 0–1
	Previous *float64 // score in the previous assessment; nil when none
}

// Finding is a pillar singled out as a strength or a gap, with the
// questions that pull it most (up or down).
type Finding struct {
	Pillar    string   // pillar display name
	Score     *float64 // pillar score 0–100; nil when insufficient data
	Questions []string // question texts, most influential first
}

// AlignmentItem is a question where departments disagree.
type AlignmentItem struct {
	Pillar   string                             // pillar display name
	Question string                             // question text
	Values   map[diagnostic.Department]*float64 // average answer (1–5) by department; nil or missing = not answered
	Spread   float64                            // highest minus lowest department value
}

// Status is a KPI's standing against its target.
type Status string

// The KPI statuses the report knows.
const (
	StatusOnTrack  Status = "on_track"
	StatusAtRisk   Status = "at_risk"
	StatusOffTrack Status = "off_track"
	StatusNoTarget Status = "no_target"
	StatusNoData   Status = "no_data"
)

// Trend is the direction a KPI moves, already judged against the KPI's
// direction (a falling churn is improving).
type Trend string

// The trends the report knows.
const (
	TrendImproving Trend = "improving"
	TrendStable    Trend = "stable"
	TrendWorsening Trend = "worsening"
	TrendUnknown   Trend = ""
)

// KPIRow is one line of the KPI scorecard.
type KPIRow struct {
	ID        string               // KPI id, e.g. "win_rate"
	Name      string               // display name
	Unit      diagnostic.Unit      // how values are expressed (percent as fractions)
	Currency  string               // ISO code for money KPIs; Data.Currency when empty
	Direction diagnostic.Direction // higher or lower is better
	Owner     string               // owner from the KPI plan; optional
	Latest    *float64             // latest value; nil when no data
	Period    diagnostic.Month     // period of the latest value
	From      diagnostic.Month     // first month of the window the value is judged on (zero or Period: the month alone)
	Interval  *[2]float64          // 90 % interval of a rate (low, high); nil otherwise
	Target    *float64             // target value; nil when none
	Benchmark *Benchmark           // published benchmark; nil when none
	Status    Status               // standing against the target
	Trend     Trend                // direction of movement
	Key       bool                 // shown in the executive summary
	Chart     []byte               // PNG trend chart (history, target, benchmark); optional
}

// Benchmark is a published reference for a KPI, in the KPI's unit.
type Benchmark struct {
	P25, Median, P75 *float64 // quartiles; any may be nil
	Source           string   // publisher or study
	Year             int      // year of publication
}

// Horizon is the time frame of a recommendation, in days: 30, 60 or 90.
type Horizon int

// The horizons of the 30/60/90-day plan.
const (
	Horizon30 Horizon = 30
	Horizon60 Horizon = 60
	Horizon90 Horizon = 90
)

// The kinds of finding (recommend.Kind*): work to do, something to start
// measuring, or something to keep (a celebration, never planned as work).
const (
	KindAction      = "action"
	KindMeasure     = "measure"
	KindCelebration = "celebration"
)

// Recommendation is one prioritised action.
type Recommendation struct {
	Title    string   // the action, in a short sentence
	Detail   string   // what to do, in a few lines; optional
	Evidence string   // the reason in numbers
	Owner    string   // who carries it: a department id (translated), a name, or already in the report's language
	Horizon  Horizon  // 30, 60 or 90 days: the window it starts in
	Priority int      // rank, 1 is the most urgent
	Kind     string   // KindAction, KindMeasure or KindCelebration; "" = action
	Impact   *float64 // yearly money at stake; nil = no estimate
	Currency string   // of Impact; "" = Data.Currency
	Later    bool     // beyond the findings preliminary data allow listing

	// The consultant's decision (Meta.Decisions), when there is one.
	ID       string    // recommendation rule id
	Status   string    // open, accepted, dismissed or done; "" = open
	Assignee string    // person who owns the action; optional
	Due      time.Time // due date; zero = none
	Note     string    // consultant's note, printed under the action
}

// Appendix is the reference material at the end of the report.
type Appendix struct {
	Respondents    []Respondent    // who answered, in column order
	Answers        []AnswerRow     // one row per scored question
	KPIDefinitions []KPIDefinition // the KPIs of the plan
	Sources        []Source        // benchmark sources
	Quality        []QualityRow    // data-quality problems found in the records
}

// QualityRow is one data-quality problem: its code (text
// "quality.issue."+Code), the kind of record ("quality.record."+Record),
// how many of how many records have it and the names of the KPIs it
// touches.
type QualityRow struct {
	Code, Record string
	Count, Total int
	Share        float64
	KPIs         []string
}

// Respondent is one person who answered the questionnaire.
type Respondent struct {
	Name       string
	Department diagnostic.Department
}

// Unanswered marks a question a respondent did not answer in AnswerRow.Values.
const Unanswered = -1

// AnswerRow is one question with each respondent's answer.
type AnswerRow struct {
	Pillar   string // pillar display name
	Question string // question text
	Values   []int  // per Appendix.Respondents: 1–5, diagnostic.NA (0) or Unanswered (-1)
}

// KPIDefinition explains one KPI.
type KPIDefinition struct {
	Name       string
	Definition string // empty for a custom KPI without one
	Formula    string // empty for a custom KPI
	Custom     bool   // the organisation's own KPI, entered as monthly values
}

// Source is a publication benchmarks come from.
type Source struct {
	Name  string // publisher and title
	Year  int
	Scope string // what it covers (segment, region); optional
	URL   string // optional
}

// Charts holds report-wide chart images as PNG bytes. Each is optional; a
// missing chart is simply not shown. Per-KPI trend charts live in KPIRow.
type Charts struct {
	Radar     []byte // maturity radar of the pillars
	Pillars   []byte // pillar scores as bars (with the previous assessment when any)
	Alignment []byte // gaps between departments
}

package diagnostic

import "sort"

// The pillars of the method, in questionnaire order. Their names,
// descriptions and weights live in assets/content/questions.json.
const (
	PillarObjectives        = "objectives"
	PillarKPISelection      = "kpi_selection"
	PillarDataTools         = "data_tools"
	PillarBenchmarksTargets = "benchmarks_targets"
	PillarDataCulture       = "data_culture"
	PillarMonitoring        = "monitoring"
	PillarAlignment         = "alignment"
)

// allPillarIDs lists every pillar id in questionnaire order.
var allPillarIDs = []string{PillarObjectives, PillarKPISelection, PillarDataTools, PillarBenchmarksTargets, PillarDataCulture, PillarMonitoring, PillarAlignment}

// PillarIDs returns a copy of the list above: callers may change it without
// changing it for everyone else.
func PillarIDs() []string { return append([]string(nil), allPillarIDs...) }

// allTopics lists the recommendation topics a question may relate to; the
// recommendation rules refer to them by these ids.
var allTopics = []string{
	"objectives_mapping", "kpi_selection", "kpi_ownership", "kpi_cadence", "kpi_adjustment",
	"data_collection", "single_source", "automation", "data_quality", "targets", "benchmarks",
	"data_culture", "review_rhythm", "trend_analysis", "experimentation", "shared_definitions",
	"collaboration", "celebration", "problem_solving",
	"icp", "forecasting", "pipeline_stages", "lead_handoff", "compensation", "pricing", "enablement",
}

// Topics returns a copy of the list above: callers may change it without
// changing it for everyone else.
func Topics() []string { return append([]string(nil), allTopics...) }

// allSymptoms lists the answers to the context question "the most visible
// symptom today", by id.
var allSymptoms = []string{"not_enough_leads", "pipeline_not_converting", "long_cycles", "churn_downsell", "teams_misaligned", "no_clear_numbers"}

// Symptoms returns a copy of the list above: callers may change it without
// changing it for everyone else.
func Symptoms() []string { return append([]string(nil), allSymptoms...) }

// allKPIFamilies lists the four KPI families of the coverage checklist.
var allKPIFamilies = []string{"financial", "sales", "marketing", "customer_success"}

// KPIFamilies returns a copy of the list above: callers may change it without
// changing it for everyone else.
func KPIFamilies() []string { return append([]string(nil), allKPIFamilies...) }

// The ids of the two unscored context questions.
const (
	ContextSymptom   = "symptom"
	ContextObjective = "objective"
)

// CoverageItem is the id under which the KPI coverage checklist appears
// among a Result's questions: it is scored into its pillar like a question.
const CoverageItem = "kpi_coverage"

// sortStrings sorts any string-based slice in place.
func sortStrings[T ~string](s []T) {
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
}

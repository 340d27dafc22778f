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

// PillarIDs lists every pillar id in questionnaire order.
var PillarIDs = []string{PillarObjectives, PillarKPISelection, PillarDataTools, PillarBenchmarksTargets, PillarDataCulture, PillarMonitoring, PillarAlignment}

// Topics lists the recommendation topics a question may relate to; the
// recommendation rules refer to them by these ids.
var Topics = []string{
	"objectives_mapping", "kpi_selection", "kpi_ownership", "kpi_cadence", "kpi_adjustment",
	"data_collection", "single_source", "automation", "data_quality", "targets", "benchmarks",
	"data_culture", "review_rhythm", "trend_analysis", "experimentation", "shared_definitions",
	"collaboration", "celebration", "problem_solving",
}

// Symptoms lists the answers to the context question "the most visible
// symptom today", by id.
var Symptoms = []string{"not_enough_leads", "pipeline_not_converting", "long_cycles", "churn_downsell", "teams_misaligned", "no_clear_numbers"}

// KPIFamilies lists the four KPI families of the coverage checklist.
var KPIFamilies = []string{"financial", "sales", "marketing", "customer_success"}

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

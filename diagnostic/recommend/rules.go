package recommend

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/revopsdx/revopsdx/assets"
	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// allTeams are the teams that own recommendations; TeamOfKPI in a rule means "the team of
// the KPI's family" (finance, sales, marketing, customer success).
var allTeams = []string{"sales", "marketing", "customer_success", "finance", "revops"}

// Teams returns a copy of the list above: callers may change it without
// changing it for everyone else.
func Teams() []string { return append([]string(nil), allTeams...) }

// TeamOfKPI is the rule team resolved from the KPI the rule fired on.
const TeamOfKPI = "kpi"

// Pillars and Topics are the fixed vocabularies of the questionnaire.
var (
	Pillars = []string{"objectives", "kpi_selection", "data_tools", "benchmarks_targets", "data_culture", "monitoring", "alignment"}
	Topics  = []string{"objectives_mapping", "kpi_selection", "kpi_ownership", "kpi_cadence", "kpi_adjustment", "data_collection",
		"single_source", "automation", "data_quality", "targets", "benchmarks", "data_culture", "review_rhythm", "trend_analysis",
		"experimentation", "shared_definitions", "collaboration", "celebration", "problem_solving",
		"icp", "forecasting", "pipeline_stages", "lead_handoff", "compensation", "pricing", "enablement"}
	Symptoms = []string{"not_enough_leads", "pipeline_not_converting", "long_cycles", "churn_downsell", "teams_misaligned", "no_clear_numbers"}
)

// Any is the wildcard subject: a condition on every pillar or every KPI.
const Any = "*"

// Condition is one test of a rule. Kind selects the test; the other fields
// are its parameters (see docs/KPIS.md for the list of kinds).
type Condition struct {
	Kind      string   `json:"kind"`
	Topic     string   `json:"topic,omitempty"`
	Pillar    string   `json:"pillar,omitempty"`
	KPI       string   `json:"kpi,omitempty"`
	KPIs      []string `json:"kpis,omitempty"`
	Symptom   string   `json:"symptom,omitempty"`
	Max       *float64 `json:"max,omitempty"`
	Min       *float64 `json:"min,omitempty"`
	Statuses  []string `json:"statuses,omitempty"`
	Positions []string `json:"positions,omitempty"`
	Trends    []string `json:"trends,omitempty"`
	// Fact names a figure of Input.Facts (fact_above).
	Fact string `json:"fact,omitempty"`
}

// Rule is one recommendation rule.
type Rule struct {
	ID          string                 `json:"id"`
	Group       string                 `json:"group,omitempty"` // rules of a group on the same subject are duplicates
	Team        string                 `json:"team"`
	Impact      int                    `json:"impact"`
	Effort      int                    `json:"effort"`
	HorizonDays int                    `json:"horizon_days"`
	Symptoms    []string               `json:"symptoms,omitempty"`
	Objectives  []diagnostic.Objective `json:"objectives,omitempty"`
	When        []Condition            `json:"when"`
	// Kind is action (the default), measure (start measuring before
	// improving) or celebration (the group "celebrate" implies it).
	Kind string `json:"kind,omitempty"`
	// Problem names the problem the rule is about: findings of one problem
	// merge into one (see RuleSet.KPIProblems for KPI findings).
	Problem string `json:"problem,omitempty"`
	// Money names the formula of the yearly money at stake (see money.go);
	// empty when the rule has none.
	Money  string `json:"money,omitempty"`
	TextES string `json:"text_es"`
	TextEN string `json:"text_en"`
	// TextESOne and TextENOne are the texts for a count of one ("1 question
	// differs" instead of "1 questions differ"); a rule whose count can be 1
	// and whose text is plural has both.
	TextESOne string `json:"text_es_one,omitempty"`
	TextENOne string `json:"text_en_one,omitempty"`
}

// Names are the display names of pillars and topics used in texts.
type Names map[string]struct {
	ES string `json:"es"`
	EN string `json:"en"`
}

// RuleSet is the validated content of rules.json.
type RuleSet struct {
	Pillars Names  `json:"pillar_names"`
	Topics  Names  `json:"topic_names"`
	Rules   []Rule `json:"rules"`
	// KPIProblems maps a KPI to the problem its findings belong to (NRR,
	// GRR and logo churn are one retention problem); a KPI not listed is
	// its own problem.
	KPIProblems map[string]string `json:"kpi_problems"`
	// SymptomProblems lists, by symptom, the problems that bear on it: a
	// finding of one of them is raised like a rule naming the symptom.
	SymptomProblems map[string][]string `json:"symptom_problems"`
	// Notes are the texts of the money assumptions, by formula id, and of
	// the confidence levels and owners.
	Notes Names `json:"notes"`
}

// Note returns a content note in lang (the id itself when absent).
func (rs *RuleSet) Note(id string, lang locale.Lang) string {
	if n, ok := rs.Notes[id]; ok {
		return lang.Pick(n.ES, n.EN)
	}
	return id
}

var (
	once    sync.Once
	loaded  *RuleSet
	loadErr error
)

// LoadRules returns the embedded rule set, parsed and validated once.
func LoadRules() (*RuleSet, error) {
	once.Do(func() {
		cat, err := kpi.LoadCatalogue()
		if err != nil {
			loadErr = err
			return
		}
		b, err := assets.Content("rules.json")
		if err != nil {
			loadErr = err
			return
		}
		loaded, loadErr = ParseRules(b, cat)
		if loadErr != nil {
			loadErr = fmt.Errorf("assets/content/rules.json: %w", loadErr)
		}
	})
	return loaded, loadErr
}

var kinds = map[string]bool{
	"topic_below": true, "topic_at_least": true, "pillar_below": true, "pillar_at_least": true, "pillar_unknown": true,
	"alignment_gap": true, "coverage_missing": true, "coverage_without_owner": true, "plan_no_objectives": true,
	"plan_objectives_without_kpis": true, "plan_without_owner": true, "plan_without_cadence": true, "plan_without_target": true,
	"symptom": true, "no_kpi_data": true, "kpi_unavailable": true, "kpi_status": true, "kpi_benchmark": true,
	"kpi_trend": true, "kpi_outlier": true, "kpi_value_below": true, "kpi_value_at_least": true, "fact_above": true,
	"alignment_gaps": true, "pillar_dont_know": true,
}

// thresholdOf names the threshold a condition kind cannot do without.
var thresholdOf = map[string]string{"kpi_value_below": "max", "kpi_value_at_least": "min", "fact_above": "min", "alignment_gaps": "min", "pillar_dont_know": "min"}

// Kinds of recommendation.
const (
	KindAction      = "action"
	KindMeasure     = "measure"
	KindCelebration = "celebration"
)

// kindOf is a rule's kind: celebrations by group, else its kind field.
func (r Rule) kindOf() string {
	switch {
	case r.Group == "celebrate" || r.Kind == KindCelebration:
		return KindCelebration
	case r.Kind == KindMeasure:
		return KindMeasure
	}
	return KindAction
}

var placeholder = regexp.MustCompile(`\{([a-z_]+)\}`)

// ParseRules parses and validates a rule set against the fixed
// vocabularies and the KPI catalogue.
func ParseRules(b []byte, cat *kpi.Catalogue) (*RuleSet, error) {
	var rs RuleSet
	if err := json.Unmarshal(b, &rs); err != nil {
		return nil, fmt.Errorf("parsing rules: %v: %w", err, diagnostic.ErrInvalid)
	}
	for _, p := range Pillars {
		if n := rs.Pillars[p]; n.ES == "" || n.EN == "" {
			return nil, fmt.Errorf("pillar %s has no name in both languages: %w", p, diagnostic.ErrInvalid)
		}
	}
	for _, tp := range Topics {
		if n := rs.Topics[tp]; n.ES == "" || n.EN == "" {
			return nil, fmt.Errorf("topic %s has no name in both languages: %w", tp, diagnostic.ErrInvalid)
		}
	}
	for id, n := range rs.Notes {
		if n.ES == "" || n.EN == "" {
			return nil, fmt.Errorf("note %s has no text in both languages: %w", id, diagnostic.ErrInvalid)
		}
	}
	for _, r := range rs.Rules {
		if _, ok := rs.Notes["money_"+r.Money]; r.Money != "" && !ok {
			return nil, fmt.Errorf("rule %s: note money_%s is missing: %w", r.ID, r.Money, diagnostic.ErrInvalid)
		}
	}
	for sym := range rs.SymptomProblems {
		if !slices.Contains(Symptoms, sym) {
			return nil, fmt.Errorf("symptom_problems: unknown symptom %q: %w", sym, diagnostic.ErrInvalid)
		}
	}
	for k := range rs.KPIProblems {
		if _, ok := cat.Def(k); !ok {
			return nil, fmt.Errorf("kpi_problems: unknown KPI %q: %w", k, diagnostic.ErrInvalid)
		}
	}
	seen := map[string]bool{}
	for i, r := range rs.Rules {
		if err := validateRule(r, cat); err != nil {
			return nil, fmt.Errorf("rule %d (%s): %v: %w", i, r.ID, err, diagnostic.ErrInvalid)
		}
		if seen[r.ID] {
			return nil, fmt.Errorf("rule %d: duplicate id %q: %w", i, r.ID, diagnostic.ErrInvalid)
		}
		seen[r.ID] = true
	}
	return &rs, nil
}

func validateRule(r Rule, cat *kpi.Catalogue) error {
	switch {
	case !regexp.MustCompile(`^[a-z][a-z0-9_]+$`).MatchString(r.ID):
		return fmt.Errorf("id is not snake_case")
	case !slices.Contains(allTeams, r.Team) && r.Team != TeamOfKPI:
		return fmt.Errorf("unknown team %q", r.Team)
	case r.Impact < 1 || r.Impact > 3 || r.Effort < 1 || r.Effort > 3:
		return fmt.Errorf("impact and effort must be 1–3")
	case r.HorizonDays != 30 && r.HorizonDays != 60 && r.HorizonDays != 90:
		return fmt.Errorf("horizon must be 30, 60 or 90 days")
	case len(r.When) == 0:
		return fmt.Errorf("no condition")
	case strings.TrimSpace(r.TextES) == "" || strings.TrimSpace(r.TextEN) == "":
		return fmt.Errorf("needs a Spanish and an English text")
	case r.Kind != "" && r.Kind != KindAction && r.Kind != KindMeasure && r.Kind != KindCelebration:
		return fmt.Errorf("unknown kind %q", r.Kind)
	case r.Money != "" && moneyFormulas[r.Money] == nil:
		return fmt.Errorf("unknown money formula %q", r.Money)
	}
	for _, s := range r.Symptoms {
		if !slices.Contains(Symptoms, s) {
			return fmt.Errorf("unknown symptom %q", s)
		}
	}
	for _, o := range r.Objectives {
		if !slices.Contains(diagnostic.Objectives(), o) {
			return fmt.Errorf("unknown objective %q", o)
		}
	}
	wildKPI := false
	for j, c := range r.When {
		if !kinds[c.Kind] {
			return fmt.Errorf("condition %d: unknown kind %q", j, c.Kind)
		}
		if c.Topic != "" && !slices.Contains(Topics, c.Topic) {
			return fmt.Errorf("condition %d: unknown topic %q", j, c.Topic)
		}
		if c.Pillar != "" && c.Pillar != Any && !slices.Contains(Pillars, c.Pillar) {
			return fmt.Errorf("condition %d: unknown pillar %q", j, c.Pillar)
		}
		if c.Symptom != "" && !slices.Contains(Symptoms, c.Symptom) {
			return fmt.Errorf("condition %d: unknown symptom %q", j, c.Symptom)
		}
		for _, k := range append(slices.Clone(c.KPIs), c.KPI) {
			if k == "" || k == Any {
				continue
			}
			if _, ok := cat.Def(k); !ok {
				return fmt.Errorf("condition %d: unknown KPI %q", j, k)
			}
		}
		if (c.KPI == Any || c.Pillar == Any) && j > 0 {
			return fmt.Errorf("condition %d: only the first condition may use the wildcard", j)
		}
		if strings.HasPrefix(c.Kind, "kpi_") && c.Kind != "kpi_unavailable" && c.KPI == "" {
			return fmt.Errorf("condition %d: %s needs a kpi", j, c.Kind)
		}
		if c.Kind == "fact_above" && !slices.Contains(FactNames, c.Fact) {
			return fmt.Errorf("condition %d: unknown fact %q", j, c.Fact)
		}
		if needs, ok := thresholdOf[c.Kind]; ok && (needs == "max" && c.Max == nil || needs == "min" && c.Min == nil) {
			return fmt.Errorf("condition %d: %s needs %s", j, c.Kind, needs)
		}
		wildKPI = wildKPI || c.KPI == Any
	}
	if r.Team == TeamOfKPI && !wildKPI && !strings.HasPrefix(r.When[0].Kind, "kpi_") {
		return fmt.Errorf("team %q needs a KPI condition first", TeamOfKPI)
	}
	if err := validatePlural(r); err != nil {
		return err
	}
	for _, t := range []string{r.TextES, r.TextEN, r.TextESOne, r.TextENOne} {
		for _, m := range placeholder.FindAllStringSubmatch(t, -1) {
			if !slices.Contains(knownPlaceholders, m[1]) {
				return fmt.Errorf("unknown placeholder {%s}", m[1])
			}
		}
	}
	return nil
}

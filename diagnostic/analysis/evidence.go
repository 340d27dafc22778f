package analysis

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/revopsdx/revopsdx/assets"
	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/recommend"
)

// EvidenceFile is the embedded content file that says how each kind of
// recommendation evidence is written (assets/content/evidence.json).
const EvidenceFile = "evidence.json"

// allEvidenceKinds are the evidence kinds the recommendation engine produces;
// the content file must write each of them in both languages.
var allEvidenceKinds = []string{
	"topic_below", "topic_at_least", "pillar_below", "pillar_at_least", "pillar_unknown", "pillar_dont_know",
	"alignment_gap", "symptom", "no_kpi_data", "kpi_unavailable", "coverage_missing",
	"coverage_without_owner", "plan_no_objectives", "plan_objectives_without_kpis",
	"plan_without_owner", "plan_without_cadence", "plan_without_target",
	"kpi_status", "kpi_benchmark", "kpi_trend", "kpi_outlier",
	"alignment_gap_one", "alignment_gaps", "kpi_value_below", "kpi_value_at_least", "fact_above", "impact",
}

// EvidenceKinds returns a copy of the list above: callers may change it without
// changing it for everyone else.
func EvidenceKinds() []string { return append([]string(nil), allEvidenceKinds...) }

// singularKinds name the template used instead of a kind when its count is
// one ("1 question", not "1 questions").
var singularKinds = map[string]string{"alignment_gap": "alignment_gap_one"}

// evidencePlaceholders are the names a template may use.
var evidencePlaceholders = []string{"subject", "value", "reference", "items", "count", "period", "source", "note"}

var placeholderRE = regexp.MustCompile(`\{[a-z_]+\}`)

// EvidenceContent is the parsed evidence.json.
type EvidenceContent struct {
	Version   string                     `json:"version"`
	Separator diagnostic.Text            `json:"separator"`
	Missing   diagnostic.Text            `json:"missing"`
	Kinds     map[string]diagnostic.Text `json:"kinds"`
}

var evidenceOnce = sync.OnceValues(func() (*EvidenceContent, error) {
	b, err := assets.Content(EvidenceFile)
	if err != nil {
		return nil, err
	}
	return ParseEvidence(b)
})

// LoadEvidence returns the embedded evidence templates, parsed and
// validated once.
func LoadEvidence() (*EvidenceContent, error) { return evidenceOnce() }

// ParseEvidence parses and validates evidence templates: every kind of
// EvidenceKinds in both languages, only known placeholders.
func ParseEvidence(b []byte) (*EvidenceContent, error) {
	var c EvidenceContent
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("%s: %w: %v", EvidenceFile, diagnostic.ErrInvalid, err)
	}
	if c.Separator.ES == "" || c.Separator.EN == "" || c.Missing.ES == "" || c.Missing.EN == "" {
		return nil, fmt.Errorf("%s: separator and missing need both languages: %w", EvidenceFile, diagnostic.ErrInvalid)
	}
	for _, k := range allEvidenceKinds {
		t, ok := c.Kinds[k]
		if !ok || strings.TrimSpace(t.ES) == "" || strings.TrimSpace(t.EN) == "" {
			return nil, fmt.Errorf("%s: kinds.%s: missing or without both languages: %w", EvidenceFile, k, diagnostic.ErrInvalid)
		}
		for _, s := range []string{t.ES, t.EN} {
			for _, m := range placeholderRE.FindAllString(s, -1) {
				if !contains(evidencePlaceholders, strings.Trim(m, "{}")) {
					return nil, fmt.Errorf("%s: kinds.%s: unknown placeholder %s: %w", EvidenceFile, k, m, diagnostic.ErrInvalid)
				}
			}
		}
	}
	for k := range c.Kinds {
		if !contains(allEvidenceKinds, k) {
			return nil, fmt.Errorf("%s: kinds.%s: unknown evidence kind: %w", EvidenceFile, k, diagnostic.ErrInvalid)
		}
	}
	return &c, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// EvidenceText writes a recommendation's evidence for people, in the
// analysis language: each fact through its template, joined by the
// separator ("Tasa de cierre (oct 2026): 14 % frente a 21 % (HubSpot 2023)").
func (a *Analysis) EvidenceText(r recommend.Recommendation) string {
	c, err := LoadEvidence()
	if err != nil {
		return "" // broken embedded content: the package tests fail on it
	}
	parts := make([]string, 0, len(r.Evidence))
	for _, ev := range r.Evidence {
		kind := ev.Kind
		if one, ok := singularKinds[kind]; ok && ev.Count == 1 {
			kind = one
		}
		t, ok := c.Kinds[kind]
		if !ok {
			continue
		}
		vars := a.evidenceVars(ev)
		miss := c.Missing.In(a.Lang)
		parts = append(parts, placeholderRE.ReplaceAllStringFunc(t.In(a.Lang), func(m string) string {
			if v := vars[strings.Trim(m, "{}")]; v != "" {
				return v
			}
			return miss
		}))
	}
	return strings.Join(parts, c.Separator.In(a.Lang))
}

// evidenceVars fills the placeholders of one fact.
func (a *Analysis) evidenceVars(ev recommend.Evidence) map[string]string {
	l := a.Lang
	vars := map[string]string{"count": fmt.Sprint(ev.Count), "source": ev.Source}
	num := func(p *float64, dec int) string {
		if p == nil {
			return ""
		}
		return l.Auto(*p, dec)
	}
	switch {
	case strings.HasPrefix(ev.Kind, "topic_"):
		vars["subject"] = a.TopicName(ev.Subject)
		vars["value"], vars["reference"] = num(ev.Value, 1), num(ev.Reference, 1)
	case ev.Kind == "pillar_dont_know" && ev.Value != nil:
		vars["subject"] = a.PillarName(ev.Subject)
		vars["value"] = l.Percent(*ev.Value, 0)
	case strings.HasPrefix(ev.Kind, "pillar_"):
		vars["subject"] = a.PillarName(ev.Subject)
		vars["value"], vars["reference"] = num(ev.Value, 0), num(ev.Reference, 0)
	case ev.Kind == "alignment_gap":
		vars["subject"] = a.PillarName(ev.Subject)
		vars["value"] = num(ev.Value, 1)
	case ev.Kind == "alignment_gaps":
		names := make([]string, len(ev.Items))
		for i, p := range ev.Items {
			names[i] = a.PillarName(p)
		}
		vars["items"], vars["value"] = joinList(l, names), num(ev.Value, 1)
	case ev.Kind == "fact_above":
		vars["subject"] = a.FactName(ev.Subject)
		if ev.Value != nil && ev.Reference != nil {
			vars["value"], vars["reference"] = l.Percent(*ev.Value, 0), l.Percent(*ev.Reference, 0)
		}
	case ev.Kind == "impact":
		vars["note"] = ev.Note
	case ev.Kind == "symptom":
		vars["subject"] = a.SymptomName(ev.Subject)
	case ev.Kind == "plan_objectives_without_kpis":
		names := make([]string, len(ev.Items))
		for i, o := range ev.Items {
			names[i] = a.Catalogue.ObjectiveName(diagnostic.Objective(o), l)
		}
		vars["items"] = joinList(l, names)
	case strings.HasPrefix(ev.Kind, "kpi_"):
		a.kpiEvidenceVars(ev, vars)
	}
	if vars["items"] == "" && len(ev.Items) > 0 {
		names := make([]string, len(ev.Items))
		for i, id := range ev.Items {
			names[i] = a.KPIName(id)
		}
		vars["items"] = joinList(l, names)
	}
	return vars
}

// kpiEvidenceVars fills the placeholders of a fact about a KPI's latest row.
func (a *Analysis) kpiEvidenceVars(ev recommend.Evidence, vars map[string]string) {
	l := a.Lang
	vars["subject"] = a.KPIName(ev.Subject)
	def, _ := a.Catalogue.Def(ev.Subject)
	cur := a.Snapshot.Profile.Currency
	if ev.Value != nil {
		vars["value"] = diagnostic.FormatValue(l, def.Unit, *ev.Value, cur)
	}
	if p, err := kpi.ParsePeriod(ev.Period); err == nil {
		vars["period"] = p.Label(l)
	}
	if ev.Reference == nil {
		return
	}
	if ev.Kind == "kpi_outlier" { // a robust z-score, not a KPI value
		vars["reference"] = l.Auto(*ev.Reference, 1)
	} else {
		vars["reference"] = diagnostic.FormatValue(l, def.Unit, *ev.Reference, cur)
	}
	if ev.Kind == "kpi_benchmark" {
		if r, ok := a.Latest(ev.Subject); ok && r.Match != nil {
			vars["source"] = r.Match.Cite(l)
		}
	}
}

// joinList joins names: "a, b y c" / "a, b and c".
func joinList(l locale.Lang, names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + l.Pick(" y ", " and ") + names[len(names)-1]
}

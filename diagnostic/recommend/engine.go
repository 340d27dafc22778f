package recommend

import (
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/revopsdx/revopsdx/diagnostic/kpi"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// Recommendation is one prioritised action with the numbers behind it.
type Recommendation struct {
	ID          string     `json:"id"` // rule id, ":subject" for rules over every pillar or KPI
	Priority    float64    `json:"priority"`
	Team        string     `json:"team"`
	HorizonDays int        `json:"horizon_days"`
	Impact      int        `json:"impact"`
	Effort      int        `json:"effort"`
	Text        string     `json:"text"`
	Evidence    []Evidence `json:"evidence"`
}

// Evidence is one fact a recommendation rests on: what was looked at
// (kind, subject), the value found and the reference it was compared with.
type Evidence struct {
	Kind      string   `json:"kind"`
	Subject   string   `json:"subject,omitempty"`
	Value     *float64 `json:"value,omitempty"`
	Reference *float64 `json:"reference,omitempty"`
	Items     []string `json:"items,omitempty"`
	Count     int      `json:"count,omitempty"`
	Period    string   `json:"period,omitempty"`
	Source    string   `json:"source,omitempty"`
}

// Boost multiplies the priority of a recommendation that addresses the
// symptom or the 12-month objective the respondent named.
const Boost = 1.5

// Generate evaluates the embedded rules on in and returns the
// recommendations in lang, sorted by priority.
func Generate(in Input, lang locale.Lang) ([]Recommendation, error) {
	rs, err := LoadRules()
	if err != nil {
		return nil, err
	}
	cat, err := kpi.LoadCatalogue()
	if err != nil {
		return nil, err
	}
	return rs.Generate(in, lang, cat), nil
}

// Generate evaluates rs on in. cat names KPIs and objectives (custom KPIs
// included when it is the organisation's extended catalogue).
func (rs *RuleSet) Generate(in Input, lang locale.Lang, cat *kpi.Catalogue) []Recommendation {
	ev := newEvaluator(in, lang, rs, cat)
	type scored struct {
		rec Recommendation
		key string
	}
	best := map[string]scored{}
	for _, r := range rs.Rules {
		for _, f := range ev.fire(r) {
			group := r.Group
			if group == "" {
				group = r.ID
			}
			key := group + "|" + f.subject
			if old, ok := best[key]; ok && old.rec.Priority >= f.rec.Priority {
				continue
			}
			best[key] = scored{f.rec, key}
		}
	}
	out := make([]Recommendation, 0, len(best))
	for _, s := range best {
		out = append(out, s.rec)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Priority != b.Priority {
			return a.Priority > b.Priority
		}
		if a.Impact != b.Impact {
			return a.Impact > b.Impact
		}
		return a.ID < b.ID
	})
	return out
}

type firing struct {
	subject string
	rec     Recommendation
}

// fire returns one firing per subject the rule holds for.
func (e *evaluator) fire(r Rule) []firing {
	first := r.When[0]
	subjects := []string{""}
	switch {
	case first.KPI == Any:
		subjects = e.kpiIDs
	case first.Pillar == Any:
		subjects = Pillars
	}
	var out []firing
	for _, s := range subjects {
		var facts []fact
		ok := true
		for i, c := range r.When {
			if i == 0 && s != "" {
				if c.KPI == Any {
					c.KPI = s
				} else {
					c.Pillar = s
				}
			}
			f, holds := e.eval(c)
			if !holds {
				ok = false
				break
			}
			facts = append(facts, f)
		}
		if !ok {
			continue
		}
		subject := s
		if subject == "" {
			subject = facts[0].subject
		}
		out = append(out, firing{subject, e.build(r, facts)})
	}
	return out
}

func (e *evaluator) build(r Rule, facts []fact) Recommendation {
	vars := map[string]string{}
	for i := len(facts) - 1; i >= 0; i-- { // the first condition's values win
		for k, v := range facts[i].vars {
			vars[k] = v
		}
	}
	boost := 1.0
	if slices.Contains(r.Symptoms, e.in.Context.Symptom) && e.in.Context.Symptom != "" ||
		e.in.Context.Objective != "" && (slices.Contains(r.Objectives, e.in.Context.Objective) || slices.Contains(facts[0].objectives, e.in.Context.Objective)) {
		boost = Boost
	}
	gap := math.Min(math.Max(facts[0].gap, 0.1), 1)
	team := r.Team
	if team == TeamOfKPI {
		team = facts[0].team
	}
	id := r.ID
	if r.When[0].KPI == Any || r.When[0].Pillar == Any {
		id += ":" + facts[0].subject
	}
	evs := make([]Evidence, 0, len(facts))
	for _, f := range facts {
		evs = append(evs, f.evidence)
	}
	return Recommendation{
		ID:          id,
		Priority:    math.Round(float64(r.Impact)*gap/float64(r.Effort)*boost*100) / 100,
		Team:        team,
		HorizonDays: r.HorizonDays,
		Impact:      r.Impact,
		Effort:      r.Effort,
		Text:        fill(r.text(e.lang, vars), vars),
		Evidence:    evs,
	}
}

// fill replaces {name} placeholders; one without a value becomes "–".
func fill(text string, vars map[string]string) string {
	return placeholder.ReplaceAllStringFunc(text, func(m string) string {
		if v, ok := vars[strings.Trim(m, "{}")]; ok {
			return v
		}
		return "–"
	})
}

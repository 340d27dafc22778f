package recommend

import (
	"math"
	"slices"
	"strings"

	"github.com/revopsdx/revopsdx/diagnostic/kpi"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// Recommendation is one finding of the plan, with the numbers behind it.
type Recommendation struct {
	ID          string  `json:"id"` // rule id, ":subject" for rules over every pillar or KPI
	Priority    float64 `json:"priority"`
	Team        string  `json:"team"`
	HorizonDays int     `json:"horizon_days"` // the window it starts in: 30, 60 or 90 days
	// Impact is the estimated yearly money at stake, in Currency; nil when
	// the finding has no money estimate (measurement, governance).
	Impact   *float64   `json:"impact"`
	Effort   int        `json:"effort"`
	Text     string     `json:"text"`
	Evidence []Evidence `json:"evidence"`
	// Kind is action, measure or celebration.
	Kind     string `json:"kind"`
	Currency string `json:"currency"`
	// Confidence is high, medium or low: how far the figures behind the
	// finding can be trusted (samples, months of data).
	Confidence string `json:"confidence"`
	// Weight is the rule's own weight, 1–3.
	Weight int `json:"weight"`
	// Owner is who carries it: a person the plan or checklist names, one
	// of the client's departments, or OwnerToAssign.
	Owner string `json:"owner"`
	// Subject is the KPI or pillar the finding is about; Problem the
	// problem findings merge by; Merged the ids of the findings folded in.
	Subject string   `json:"subject,omitempty"`
	Problem string   `json:"problem,omitempty"`
	Merged  []string `json:"merged,omitempty"`
	// Focus is true when the finding bears on the symptom or the
	// 12-month objective the client named.
	Focus bool `json:"focus"`
	// Appendix is true for a finding beyond the MaxPreliminary listed
	// when the data are preliminary.
	Appendix bool `json:"appendix,omitempty"`
}

// OwnerToAssign is the owner of a finding whose team the client has no
// department for.
const OwnerToAssign = "to_assign"

// Evidence is one fact a recommendation rests on: what was looked at
// (kind, subject), the value found and the reference it was compared with.
// The evidence of kind "impact" carries the money estimate's assumptions
// in Note.
type Evidence struct {
	Kind      string   `json:"kind"`
	Subject   string   `json:"subject,omitempty"`
	Value     *float64 `json:"value,omitempty"`
	Reference *float64 `json:"reference,omitempty"`
	Items     []string `json:"items,omitempty"`
	Count     int      `json:"count,omitempty"`
	Period    string   `json:"period,omitempty"`
	Source    string   `json:"source,omitempty"`
	Note      string   `json:"note,omitempty"`
}

// Boost multiplies the priority of a recommendation that addresses the
// symptom or the 12-month objective the respondent named.
const Boost = 1.5

// Generate evaluates the embedded rules on in and returns the
// recommendations in lang, in plan order.
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
// included when it is the organisation's extended catalogue). The findings
// are then shaped (shape.go: one per problem), ranked by money at stake
// and scheduled (plan.go); see docs/METHOD.md.
func (rs *RuleSet) Generate(in Input, lang locale.Lang, cat *kpi.Catalogue) []Recommendation {
	ev := newEvaluator(in, lang, rs, cat)
	best := map[string]finding{}
	var keys []string
	for i := range rs.Rules {
		r := &rs.Rules[i]
		for _, f := range ev.fire(r) {
			group := r.Group
			if group == "" {
				group = r.ID
			}
			key := group + "|" + f.subject
			old, ok := best[key]
			switch {
			case !ok:
				keys = append(keys, key)
			case f.better(old):
				fold(&f, old)
			default:
				fold(&old, f)
				f = old
			}
			best[key] = f
		}
	}
	fs := make([]finding, 0, len(keys))
	for _, k := range keys {
		fs = append(fs, best[k])
	}
	fs = ev.shape(fs)
	ev.rank(fs)
	ev.schedule(fs)
	out := make([]Recommendation, len(fs))
	for i, f := range fs {
		out[i] = f.rec
	}
	return out
}

// finding is one rule firing on one subject, with what shaping needs.
type finding struct {
	rule     *Rule
	subject  string
	wildcard bool // the rule fired over every KPI or pillar
	rec      Recommendation
}

// better orders two findings of the same group and subject, or of the same
// problem: money first, then a specific rule before a generic one (off
// track, worsening… fire over every KPI), then priority.
func (f finding) better(o finding) bool {
	if (f.rec.Impact != nil) != (o.rec.Impact != nil) {
		return f.rec.Impact != nil
	}
	if f.wildcard != o.wildcard {
		return !f.wildcard
	}
	return f.rec.Priority > o.rec.Priority
}

// fire returns one finding per subject the rule holds for.
func (e *evaluator) fire(r *Rule) []finding {
	first := r.When[0]
	subjects := []string{""}
	switch {
	case first.KPI == Any:
		subjects = e.kpiIDs
	case first.Pillar == Any:
		subjects = Pillars
	}
	var out []finding
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
		out = append(out, finding{rule: r, subject: subject, wildcard: s != "", rec: e.build(*r, facts)})
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
	sym := e.in.Context.Symptom
	if sym != "" && (slices.Contains(r.Symptoms, sym) || slices.Contains(e.rs.SymptomProblems[sym], e.problemOf(r, facts[0]))) ||
		e.in.Context.Objective != "" && slices.Contains(r.Objectives, e.in.Context.Objective) ||
		e.in.Context.Objective != "" && !r.moneyRule() && slices.Contains(facts[0].objectives, e.in.Context.Objective) {
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
	evs := make([]Evidence, 0, len(facts)+1)
	for _, f := range facts {
		evs = append(evs, f.evidence)
	}
	rec := Recommendation{
		ID:          id,
		Priority:    math.Round(float64(r.Impact)*gap/float64(r.Effort)*boost*100) / 100,
		Team:        team,
		HorizonDays: r.HorizonDays,
		Effort:      r.Effort,
		Text:        fill(r.text(e.lang, vars), vars),
		Evidence:    evs,
		Kind:        r.kindOf(),
		Currency:    e.in.Currency,
		Weight:      r.Impact,
		Subject:     facts[0].subject,
		Problem:     e.problemOf(r, facts[0]),
		Focus:       boost > 1,
	}
	rec.Confidence = e.confidence(facts[0])
	if m, ok := e.moneyOf(r, facts[0]); ok && e.material(m.amount) {
		rec.Impact = &m.amount
		rec.Priority = math.Round(m.amount * confidenceFactor[rec.Confidence] * boost)
		rec.Evidence = append(rec.Evidence, Evidence{Kind: "impact", Value: f64(m.amount), Note: fill(e.note("money_"+r.Money), m.vars)})
	}
	return rec
}

// moneyOf estimates a finding's money at stake with its rule's formula.
func (e *evaluator) moneyOf(r Rule, f fact) (money, bool) {
	formula := moneyFormulas[r.Money]
	if formula == nil || f.evidence.Value == nil {
		return money{}, false
	}
	ref := 0.0
	if f.evidence.Reference != nil {
		ref = *f.evidence.Reference
	}
	return formula(e, *f.evidence.Value, ref)
}

// problemOf is the problem a finding belongs to: its rule's, else its
// KPI's, else none (the finding is its own problem).
func (e *evaluator) problemOf(r Rule, f fact) string {
	if r.Problem != "" {
		return r.Problem
	}
	if _, isKPI := e.latest[f.subject]; isKPI && strings.HasPrefix(f.evidence.Kind, "kpi_") {
		if p, ok := e.rs.KPIProblems[f.subject]; ok {
			return p
		}
		return "kpi:" + f.subject
	}
	return ""
}

// note is a content note in the evaluator's language.
func (e *evaluator) note(id string) string { return e.name(e.rs.Notes, id) }

// fill replaces {name} placeholders; one without a value becomes "–".
func fill(text string, vars map[string]string) string {
	return placeholder.ReplaceAllStringFunc(text, func(m string) string {
		if v, ok := vars[strings.Trim(m, "{}")]; ok {
			return v
		}
		return "–"
	})
}

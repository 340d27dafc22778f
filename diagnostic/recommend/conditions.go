package recommend

import (
	"fmt"
	"math"
	"slices"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// evaluator holds one Generate call's input, indexed.
type evaluator struct {
	in     Input
	lang   locale.Lang
	rs     *RuleSet
	cat    *kpi.Catalogue
	latest map[string]kpi.Row // last row with a value, by KPI
	kpiIDs []string           // KPIs with a latest row, in catalogue order
}

func newEvaluator(in Input, lang locale.Lang, rs *RuleSet, cat *kpi.Catalogue) *evaluator {
	e := &evaluator{in: in, lang: lang, rs: rs, cat: cat, latest: map[string]kpi.Row{}}
	for _, r := range in.KPIs {
		if r.Value != nil {
			e.latest[r.KPI] = r
		}
	}
	for _, d := range cat.KPIs {
		if _, ok := e.latest[d.ID]; ok {
			e.kpiIDs = append(e.kpiIDs, d.ID)
		}
	}
	return e
}

// fact is what one condition found: its evidence, the placeholders it
// fills, the size of the gap (0–1) and, for KPI conditions, the team and
// objectives of the KPI.
type fact struct {
	subject    string
	evidence   Evidence
	vars       map[string]string
	gap        float64
	team       string
	objectives []diagnostic.Objective
}

func f64(v float64) *float64 { return &v }

func (e *evaluator) name(n Names, id string) string {
	if x, ok := n[id]; ok {
		return e.lang.Pick(x.ES, x.EN)
	}
	return id
}

func (e *evaluator) kpiName(id string) string {
	if d, ok := e.cat.Def(id); ok {
		return d.Name(e.lang)
	}
	return id
}

func (e *evaluator) kpiNames(ids []string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = e.kpiName(id)
	}
	return list(e.lang, names)
}

func (e *evaluator) objectiveNames(os []diagnostic.Objective) string {
	names := make([]string, len(os))
	for i, o := range os {
		names[i] = e.cat.ObjectiveName(o, e.lang)
	}
	return list(e.lang, names)
}

func below(v float64, max *float64) bool   { return max != nil && v < *max }
func atLeast(v float64, min *float64) bool { return min != nil && v >= *min }

// eval tests one condition (its wildcard already replaced by a subject).
func (e *evaluator) eval(c Condition) (fact, bool) {
	in := e.in
	switch c.Kind {
	case "topic_below", "topic_at_least":
		v, ok := in.Topics[c.Topic]
		if !ok || (c.Kind == "topic_below" && !below(v, c.Max)) || (c.Kind == "topic_at_least" && !atLeast(v, c.Min)) {
			return fact{}, false
		}
		gap := (v - 1) / 4
		ref := c.Min
		if c.Kind == "topic_below" {
			gap, ref = (*c.Max-v)/(*c.Max-1), c.Max
		}
		return fact{subject: c.Topic, gap: gap,
			evidence: Evidence{Kind: c.Kind, Subject: c.Topic, Value: f64(v), Reference: ref},
			vars:     map[string]string{"topic": e.name(e.rs.Topics, c.Topic), "level": e.lang.Auto(v, 1)}}, true
	case "pillar_below", "pillar_at_least", "pillar_unknown":
		p, ok := in.Pillars[c.Pillar]
		if !ok && c.Kind == "pillar_unknown" {
			return fact{}, false // pillar not assessed at all: nothing to say
		}
		vars := map[string]string{"pillar": e.name(e.rs.Pillars, c.Pillar)}
		if c.Kind == "pillar_unknown" {
			if p != nil {
				return fact{}, false
			}
			return fact{subject: c.Pillar, gap: 0.5, evidence: Evidence{Kind: c.Kind, Subject: c.Pillar}, vars: vars}, true
		}
		if p == nil || (c.Kind == "pillar_below" && !below(*p, c.Max)) || (c.Kind == "pillar_at_least" && !atLeast(*p, c.Min)) {
			return fact{}, false
		}
		vars["score"] = e.lang.Number(*p, 0)
		gap, ref := *p/100, c.Min
		if c.Kind == "pillar_below" {
			gap, ref = (*c.Max-*p) / *c.Max, c.Max
		}
		return fact{subject: c.Pillar, gap: gap, evidence: Evidence{Kind: c.Kind, Subject: c.Pillar, Value: f64(*p), Reference: ref}, vars: vars}, true
	case "pillar_dont_know":
		d, ok := in.DontKnow[c.Pillar]
		if !ok || d.Replies == 0 || d.Count == 0 || !atLeast(float64(d.Count)/float64(d.Replies), c.Min) {
			return fact{}, false
		}
		share := float64(d.Count) / float64(d.Replies)
		return fact{subject: c.Pillar, gap: share,
			evidence: Evidence{Kind: c.Kind, Subject: c.Pillar, Value: f64(share), Reference: c.Min, Count: d.Count},
			vars: map[string]string{"pillar": e.name(e.rs.Pillars, c.Pillar), "count": fmt.Sprint(d.Count),
				"replies": fmt.Sprint(d.Replies)}}, true
	case "alignment_gap":
		g, ok := in.Gaps[c.Pillar]
		if !ok || !atLeast(g.Largest, c.Min) {
			return fact{}, false
		}
		return fact{subject: c.Pillar, gap: g.Largest / 4,
			evidence: Evidence{Kind: c.Kind, Subject: c.Pillar, Value: f64(g.Largest), Reference: c.Min, Count: g.Count},
			vars: map[string]string{"pillar": e.name(e.rs.Pillars, c.Pillar), "count": fmt.Sprint(g.Count),
				"largest": e.lang.Auto(g.Largest, 1)}}, true
	case "alignment_gaps":
		return e.alignmentGaps(c)
	case "fact_above":
		v, ok := in.Facts.fact(c.Fact)
		if !ok || !atLeast(v, c.Min) {
			return fact{}, false
		}
		return fact{subject: c.Fact, gap: relGap(v, *c.Min),
			evidence: Evidence{Kind: c.Kind, Subject: c.Fact, Value: f64(v), Reference: c.Min},
			vars:     map[string]string{"value": e.lang.Percent(v, 0)}}, true
	case "coverage_missing", "coverage_without_owner":
		return e.coverage(c)
	case "plan_no_objectives", "plan_objectives_without_kpis", "plan_without_owner", "plan_without_cadence", "plan_without_target":
		return e.plan(c)
	case "symptom":
		if in.Context.Symptom != c.Symptom {
			return fact{}, false
		}
		return fact{subject: c.Symptom, gap: 1, evidence: Evidence{Kind: c.Kind, Subject: c.Symptom}, vars: map[string]string{}}, true
	case "no_kpi_data":
		if len(e.latest) > 0 {
			return fact{}, false
		}
		return fact{gap: 1, evidence: Evidence{Kind: c.Kind}, vars: map[string]string{}}, true
	case "kpi_unavailable":
		ids := c.KPIs
		if c.KPI != "" {
			ids = append(slices.Clone(ids), c.KPI)
		}
		var lacking []string
		for _, id := range ids {
			if _, ok := e.latest[id]; !ok {
				lacking = append(lacking, id)
			}
		}
		if len(lacking) == 0 {
			return fact{}, false
		}
		return fact{subject: lacking[0], gap: float64(len(lacking)) / float64(len(ids)),
			evidence: Evidence{Kind: c.Kind, Items: lacking},
			vars:     map[string]string{"kpi": e.kpiName(lacking[0]), "kpis": e.kpiNames(lacking), "count": fmt.Sprint(len(lacking))}}, true
	}
	return e.kpiCondition(c)
}

// alignmentGaps is one finding over every pillar whose departments
// disagree by c.Min levels or more: the pillars widest first, the questions
// in all and the widest gap.
func (e *evaluator) alignmentGaps(c Condition) (fact, bool) {
	var ids []string
	count, largest := 0, 0.0
	for _, p := range Pillars {
		if g, ok := e.in.Gaps[p]; ok && atLeast(g.Largest, c.Min) {
			ids = append(ids, p)
			count += g.Count
			largest = max(largest, g.Largest)
		}
	}
	if len(ids) == 0 {
		return fact{}, false
	}
	slices.SortStableFunc(ids, func(a, b string) int {
		ga, gb := e.in.Gaps[a], e.in.Gaps[b]
		if ga.Largest != gb.Largest {
			return int(math.Copysign(1, gb.Largest-ga.Largest))
		}
		return gb.Count - ga.Count
	})
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = e.name(e.rs.Pillars, id)
	}
	return fact{subject: "alignment", gap: largest / 4,
		evidence: Evidence{Kind: c.Kind, Items: ids, Value: f64(largest), Reference: c.Min, Count: count},
		vars: map[string]string{"pillars": list(e.lang, names), "widest": names[0], "count": fmt.Sprint(count),
			"largest": e.lang.Auto(largest, 1)}}, true
}

func (e *evaluator) coverage(c Condition) (fact, bool) {
	cov := e.in.Context.Coverage
	if c.Kind == "coverage_without_owner" && e.in.Checklist != nil {
		cov = e.in.Checklist // only what the client said it measures
	}
	if len(cov) == 0 {
		return fact{}, false // checklist not answered
	}
	var hits []string
	measured := 0
	for _, id := range c.KPIs {
		k := cov[id]
		if k.Measured {
			measured++
		}
		if c.Kind == "coverage_missing" && !k.Measured || c.Kind == "coverage_without_owner" && k.Measured && k.Owner == "" {
			hits = append(hits, id)
		}
	}
	if c.Kind == "coverage_without_owner" && len(c.KPIs) == 0 {
		for _, d := range e.cat.KPIs {
			if k, ok := cov[d.ID]; ok && k.Measured {
				measured++
				if k.Owner == "" {
					hits = append(hits, d.ID)
				}
			}
		}
	}
	need := 1.0
	if c.Min != nil {
		need = *c.Min
	}
	if float64(len(hits)) < need || len(hits) == 0 {
		return fact{}, false
	}
	den := len(c.KPIs)
	if c.Kind == "coverage_without_owner" {
		den = measured
	}
	return fact{gap: float64(len(hits)) / float64(max(den, 1)),
		evidence: Evidence{Kind: c.Kind, Items: hits},
		vars:     map[string]string{"kpis": e.kpiNames(hits), "count": fmt.Sprint(len(hits))}}, true
}

func (e *evaluator) plan(c Condition) (fact, bool) {
	p := e.in.Plan
	if p == nil {
		return fact{}, false
	}
	switch c.Kind {
	case "plan_no_objectives":
		if len(p.Objectives) > 0 {
			return fact{}, false
		}
		return fact{gap: 1, evidence: Evidence{Kind: c.Kind}, vars: map[string]string{}}, true
	case "plan_objectives_without_kpis":
		if len(p.ObjectivesWithoutKPIs) == 0 {
			return fact{}, false
		}
		items := make([]string, len(p.ObjectivesWithoutKPIs))
		for i, o := range p.ObjectivesWithoutKPIs {
			items[i] = string(o)
		}
		return fact{gap: float64(len(items)) / float64(max(len(p.Objectives), 1)),
			evidence:   Evidence{Kind: c.Kind, Items: items},
			vars:       map[string]string{"objectives": e.objectiveNames(p.ObjectivesWithoutKPIs), "count": fmt.Sprint(len(items))},
			objectives: p.ObjectivesWithoutKPIs}, true
	}
	ids := map[string][]string{"plan_without_owner": p.WithoutOwner, "plan_without_cadence": p.WithoutCadence, "plan_without_target": p.WithoutTarget}[c.Kind]
	if len(ids) == 0 {
		return fact{}, false
	}
	return fact{gap: float64(len(ids)) / float64(max(p.KPIs, 1)),
		evidence: Evidence{Kind: c.Kind, Items: ids},
		vars:     map[string]string{"kpis": e.kpiNames(ids), "count": fmt.Sprint(len(ids))}}, true
}

var teamOfFamily = map[kpi.Family]string{
	kpi.FamilyFinancial: "finance", kpi.FamilySales: "sales", kpi.FamilyMarketing: "marketing",
	kpi.FamilyCustomerSuccess: "customer_success", kpi.FamilyCustom: "revops",
}

// kpiCondition tests a condition on a KPI's latest row.
func (e *evaluator) kpiCondition(c Condition) (fact, bool) {
	r, ok := e.latest[c.KPI]
	if !ok {
		return fact{}, false
	}
	v := *r.Value
	cur := e.in.Currency
	f := fact{subject: c.KPI, team: teamOfFamily[r.Def.Family], objectives: r.Def.Objectives,
		vars:     map[string]string{"kpi": e.kpiName(c.KPI), "value": diagnostic.FormatValue(e.lang, r.Unit, v, cur), "period": r.Of.Label(e.lang)},
		evidence: Evidence{Kind: c.Kind, Subject: c.KPI, Value: f64(v), Period: r.Period}}
	if r.Target != nil {
		f.vars["target"] = diagnostic.FormatValue(e.lang, r.Unit, r.Target.Value, cur)
		f.vars["by"] = e.lang.MonthYear(r.Target.By.Year, r.Target.By.Month)
	}
	if r.Target != nil {
		f.vars["reach"] = e.lang.Pick("sin historia suficiente para proyectarlo", "not enough history to project it")
	}
	if r.Trend != nil {
		switch r.Trend.TargetReached {
		case "":
		case kpi.NotAtCurrentPace:
			f.vars["reach"] = e.lang.Pick("al ritmo actual no se alcanzará", "at the current pace it will not be reached")
		case kpi.Reached:
			f.vars["reach"] = e.lang.Pick("ya se ha alcanzado", "it has already been reached")
		default:
			if p, err := kpi.ParsePeriod(r.Trend.TargetReached); err == nil {
				f.vars["reach"] = e.lang.Pick("al ritmo actual se alcanzaría en ", "at the current pace it would be reached in ") + p.Label(e.lang)
			}
		}
	}
	if r.Match != nil && r.Benchmark != nil {
		f.vars["source"] = r.Match.Cite(e.lang)
		if r.Match.Closest {
			f.vars["source"] += e.lang.Pick("; segmento más cercano: ", "; closest segment: ") + r.Match.Segment(e.lang)
		}
		if ref := reference(r.Benchmark, r.Def.Direction); ref != nil {
			f.vars["benchmark"] = diagnostic.FormatValue(e.lang, r.Unit, *ref, r.Match.Currency)
		}
	}
	switch c.Kind {
	case "kpi_status":
		if !slices.Contains(c.Statuses, string(r.Status)) || r.Target == nil {
			return fact{}, false
		}
		f.evidence.Reference = f64(r.Target.Value)
		f.gap = relGap(v, r.Target.Value)
		if r.Status == kpi.OnTrack {
			f.gap = 0.5
		}
	case "kpi_benchmark":
		if r.Benchmark == nil || !slices.Contains(c.Positions, string(r.Benchmark.Position)) {
			return fact{}, false
		}
		ref := reference(r.Benchmark, r.Def.Direction)
		f.evidence.Reference, f.evidence.Source = ref, r.Match.Cite(locale.EN)
		f.gap = 0.5
		if ref != nil && r.Benchmark.Position.Worse() {
			f.gap = relGap(v, *ref)
		}
	case "kpi_trend":
		t := r.Trend
		if t == nil || !slices.Contains(c.Trends, t.Direction) || t.Slope == nil {
			return fact{}, false
		}
		moved := math.Abs(*t.Slope) * float64(kpi.TrendWindow-1) / math.Max(math.Abs(v), 1e-9)
		if c.Min != nil && moved < *c.Min {
			return fact{}, false
		}
		f.gap = moved
		f.vars["change"] = e.lang.Percent(moved, 0)
		f.evidence.Reference = f64(*t.Slope)
	case "kpi_value_below", "kpi_value_at_least":
		if c.Kind == "kpi_value_below" && !below(v, c.Max) || c.Kind == "kpi_value_at_least" && !atLeast(v, c.Min) {
			return fact{}, false
		}
		ref := c.Max
		if c.Kind == "kpi_value_at_least" {
			ref = c.Min
		}
		f.evidence.Reference = ref
		f.gap = relGap(v, *ref)
		f.vars["threshold"] = diagnostic.FormatValue(e.lang, r.Unit, *ref, cur)
	case "kpi_outlier":
		if r.Trend == nil || !r.Trend.Outlier || r.Trend.Z == nil {
			return fact{}, false
		}
		f.gap = math.Abs(*r.Trend.Z) / 10
		f.evidence.Reference = f64(*r.Trend.Z)
	default:
		return fact{}, false
	}
	return f, true
}

// reference is the benchmark figure a value is compared with: the median,
// else the worse quartile, else the worse end of a range.
func reference(b *kpi.BenchmarkRef, dir diagnostic.Direction) *float64 {
	switch {
	case b.Median != nil:
		return b.Median
	case dir == diagnostic.LowerIsBetter && b.P75 != nil:
		return b.P75
	case b.P25 != nil:
		return b.P25
	case dir == diagnostic.LowerIsBetter && b.High != nil:
		return b.High
	}
	return b.Low
}

// relGap is |v − ref| ÷ |ref| (1 when ref is zero).
func relGap(v, ref float64) float64 {
	if ref == 0 {
		return 1
	}
	return math.Abs(v-ref) / math.Abs(ref)
}

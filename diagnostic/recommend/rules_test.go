package recommend

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

func fp(v float64) *float64 { return &v }

// builder assembles an Input from per-condition constructions.
type builder struct {
	in   Input
	rows map[string]*kpi.Row
	cat  *kpi.Catalogue
}

func newBuilder(cat *kpi.Catalogue) *builder {
	return &builder{cat: cat, rows: map[string]*kpi.Row{}, in: Input{
		Pillars: map[string]*float64{}, Topics: map[string]float64{}, Gaps: map[string]Gap{}, DontKnow: map[string]DontKnow{}, Currency: "EUR",
		Context: diagnostic.Context{Coverage: map[string]diagnostic.KPICoverage{}},
	}}
}

// row returns the (value-carrying) row of a KPI, creating it.
func (b *builder) row(id string) *kpi.Row {
	if r, ok := b.rows[id]; ok {
		return r
	}
	d, _ := b.cat.Def(id)
	p := kpi.Period{Grain: kpi.Month, First: diagnostic.Month{Year: 2024, Month: 3}}
	r := &kpi.Row{KPI: id, Period: p.String(), Value: fp(100), Unit: d.Unit, Def: d, Of: p, Missing: []string{}}
	b.rows[id] = r
	return r
}

func (b *builder) plan() *PlanFacts {
	if b.in.Plan == nil {
		b.in.Plan = &PlanFacts{Objectives: []diagnostic.Objective{diagnostic.ObjGrowRevenue}, KPIs: 2}
	}
	return b.in.Plan
}

func subjectKPI(c Condition) string {
	if c.KPI == Any {
		return "revenue" // no rule names revenue specifically
	}
	return c.KPI
}

func subjectPillar(c Condition) string {
	if c.Pillar == Any {
		return "monitoring"
	}
	return c.Pillar
}

// apply makes condition c hold (hold = true) or fail (hold = false).
func (b *builder) apply(c Condition, hold bool) {
	in := &b.in
	switch c.Kind {
	case "topic_below":
		in.Topics[c.Topic] = map[bool]float64{true: *c.Max - 1, false: *c.Max + 1}[hold]
	case "topic_at_least":
		in.Topics[c.Topic] = map[bool]float64{true: *c.Min, false: *c.Min - 1}[hold]
	case "pillar_below":
		in.Pillars[subjectPillar(c)] = fp(map[bool]float64{true: *c.Max - 20, false: *c.Max + 10}[hold])
	case "pillar_at_least":
		in.Pillars[subjectPillar(c)] = fp(map[bool]float64{true: *c.Min + 5, false: *c.Min - 10}[hold])
	case "pillar_unknown":
		in.Pillars[subjectPillar(c)] = map[bool]*float64{true: nil, false: fp(50)}[hold]
	case "pillar_dont_know":
		in.DontKnow[subjectPillar(c)] = map[bool]DontKnow{true: {Count: 4, Replies: 8}, false: {Count: 1, Replies: 8}}[hold]
	case "alignment_gap":
		in.Gaps[subjectPillar(c)] = map[bool]Gap{true: {3, *c.Min + 1}, false: {0, *c.Min - 1}}[hold]
	case "alignment_gaps":
		in.Gaps["monitoring"] = map[bool]Gap{true: {3, *c.Min + 1}, false: {0, *c.Min - 1}}[hold]
	case "fact_above":
		v := map[bool]float64{true: *c.Min + 0.1, false: *c.Min - 0.1}[hold]
		switch c.Fact {
		case "top5_share":
			in.Facts.Top5Share = v
		case "stale_pipeline_share":
			in.Facts.StalePipelineShare = v
		case "pushed_share":
			in.Facts.PushedShare = v
		case "past_due_share":
			in.Facts.PastDueShare = v
		case "coverage_shortfall":
			in.Facts.CoverageShortfall = v
		}
	case "kpi_value_below":
		r := b.row(subjectKPI(c))
		r.Value = fp(map[bool]float64{true: *c.Max * 0.5, false: *c.Max * 1.5}[hold])
	case "kpi_value_at_least":
		r := b.row(subjectKPI(c))
		r.Value = fp(map[bool]float64{true: *c.Min * 1.5, false: *c.Min * 0.5}[hold])
	case "coverage_missing":
		for _, id := range c.KPIs {
			in.Context.Coverage[id] = diagnostic.KPICoverage{Measured: !hold, Owner: "Ana", Cadence: "monthly"}
		}
	case "coverage_without_owner":
		ids := c.KPIs
		if len(ids) == 0 {
			ids = []string{"win_rate", "cac", "nps"}
		}
		for _, id := range ids {
			in.Context.Coverage[id] = diagnostic.KPICoverage{Measured: true, Owner: map[bool]string{true: "", false: "Ana"}[hold]}
		}
	case "plan_no_objectives":
		b.plan()
		if hold {
			in.Plan.Objectives = nil
		}
	case "plan_objectives_without_kpis":
		if hold {
			b.plan().ObjectivesWithoutKPIs = []diagnostic.Objective{diagnostic.ObjGrowRevenue}
		} else {
			b.plan()
		}
	case "plan_without_owner", "plan_without_cadence", "plan_without_target":
		p := b.plan()
		if hold {
			*map[string]*[]string{"plan_without_owner": &p.WithoutOwner, "plan_without_cadence": &p.WithoutCadence, "plan_without_target": &p.WithoutTarget}[c.Kind] = []string{"win_rate"}
		}
	case "symptom":
		in.Context.Symptom = map[bool]string{true: c.Symptom, false: "teams_misaligned"}[hold]
		if !hold && c.Symptom == "teams_misaligned" {
			in.Context.Symptom = "long_cycles"
		}
	case "no_kpi_data":
		if !hold {
			b.row("revenue")
		}
	case "kpi_unavailable":
		if !hold {
			for _, id := range append(slices.Clone(c.KPIs), c.KPI) {
				if id != "" {
					b.row(id)
				}
			}
		}
	case "kpi_status":
		r := b.row(subjectKPI(c))
		r.Target = &kpi.TargetRef{Value: 120, By: diagnostic.Month{Year: 2024, Month: 12}}
		r.Status = kpi.Status(c.Statuses[0])
		if !hold {
			r.Status = kpi.OffTrack
			if slices.Contains(c.Statuses, string(kpi.OffTrack)) {
				r.Status = kpi.OnTrack
			}
		}
		if r.Trend == nil {
			r.Trend = &kpi.Trend{Direction: kpi.Stable, Slope: fp(0)}
		}
		r.Trend.TargetReached = kpi.NotAtCurrentPace
	case "kpi_benchmark":
		r := b.row(subjectKPI(c))
		m := kpi.Match{Benchmark: kpi.Benchmark{Source: "Test survey", Year: "2023", Median: fp(150), SegmentES: "todos", SegmentEN: "all"}}
		r.Match = &m
		pos := kpi.Position(c.Positions[0])
		if !hold {
			pos = kpi.MedianToP75
		}
		r.Benchmark = &kpi.BenchmarkRef{Median: fp(150), Source: "Test survey", Year: "2023", Position: pos}
	case "kpi_trend":
		r := b.row(subjectKPI(c))
		dir := c.Trends[0]
		if !hold {
			dir = kpi.Stable
		}
		r.Trend = &kpi.Trend{Direction: dir, Slope: fp(10)} // 10 × 5 ÷ 100 = 50 % over the window
	case "kpi_outlier":
		r := b.row(subjectKPI(c))
		r.Trend = &kpi.Trend{Direction: kpi.Stable, Slope: fp(0), Z: fp(5), Outlier: hold}
	default:
		panic("test builder lacks condition kind " + c.Kind)
	}
}

func (b *builder) input() Input {
	for _, id := range b.cat.KPIs {
		if r, ok := b.rows[id.ID]; ok {
			b.in.KPIs = append(b.in.KPIs, *r)
		}
	}
	return b.in
}

func fired(recs []Recommendation, id string) *Recommendation {
	for i, r := range recs {
		if r.ID == id || strings.HasPrefix(r.ID, id+":") {
			return &recs[i]
		}
	}
	return nil
}

// TestEveryRuleFiresAndStaysSilent builds, for each rule, an input where all
// its conditions hold (it must fire, in both languages, with every
// placeholder filled) and, for each condition, the same input with that
// condition failing (it must stay silent).
func TestEveryRuleFiresAndStaysSilent(t *testing.T) {
	rs, err := LoadRules()
	if err != nil {
		t.Fatal(err)
	}
	cat, _ := kpi.LoadCatalogue()
	if len(rs.Rules) < 30 {
		t.Errorf("%d rules, want at least 30", len(rs.Rules))
	}
	for _, r := range rs.Rules {
		t.Run(r.ID, func(t *testing.T) {
			b := newBuilder(cat)
			for _, c := range r.When {
				b.apply(c, true)
			}
			in := b.input()
			for _, lang := range locale.Langs() {
				rec := fired(rs.Generate(in, lang, cat), r.ID)
				if rec == nil {
					t.Fatalf("%s: did not fire on its constructed case", lang)
				}
				if strings.ContainsAny(rec.Text, "{}–") {
					t.Errorf("%s: unfilled placeholder in %q", lang, rec.Text)
				}
				if !slices.Contains(allTeams, rec.Team) || len(nonImpact(rec.Evidence)) < len(r.When) || rec.Priority <= 0 {
					t.Errorf("%s: bad recommendation %+v", lang, rec)
				}
			}
			for i := range r.When {
				b := newBuilder(cat)
				for j, c := range r.When {
					b.apply(c, j != i)
				}
				if rec := fired(rs.Generate(b.input(), locale.EN, cat), r.ID); rec != nil {
					t.Errorf("fired with condition %d (%s) failing: %q", i, r.When[i].Kind, rec.Text)
				}
			}
		})
	}
}

func TestRuleCoverageOfTheMethod(t *testing.T) {
	rs, _ := LoadRules()
	kinds := map[string]bool{}
	topics := map[string]bool{}
	teams := map[string]bool{}
	celebrations := 0
	for _, r := range rs.Rules {
		for _, c := range r.When {
			kinds[c.Kind] = true
			if c.Kind == "topic_below" {
				topics[c.Topic] = true
			}
		}
		teams[r.Team] = true
		if r.Group == "celebrate" || strings.HasPrefix(r.ID, "celebrate") {
			celebrations++
		}
	}
	for _, k := range []string{"plan_objectives_without_kpis", "plan_without_owner", "plan_without_cadence", "plan_without_target",
		"topic_below", "alignment_gaps", "pillar_below", "kpi_status", "kpi_benchmark", "kpi_trend", "coverage_missing"} {
		if !kinds[k] {
			t.Errorf("no rule uses %s", k)
		}
	}
	for _, tp := range Topics {
		if !topics[tp] {
			t.Errorf("no rule for a weak %s", tp)
		}
	}
	for _, tm := range allTeams {
		if !teams[tm] {
			t.Errorf("no rule owned by %s", tm)
		}
	}
	if celebrations < 3 {
		t.Errorf("%d celebration rules", celebrations)
	}
}

func TestParseRulesRejectsBadContent(t *testing.T) {
	cat, _ := kpi.LoadCatalogue()
	good, _ := LoadRules()
	base := `{"pillar_names":` + mustJSON(good.Pillars) + `,"topic_names":` + mustJSON(good.Topics) + `,"rules":[%s]}`
	rule := `{"id":"xy","team":"sales","impact":2,"effort":1,"horizon_days":30,"when":[{"kind":"topic_below","topic":"targets","max":2.5}],"text_es":"a","text_en":"b"}`
	if _, err := ParseRules([]byte(strings.Replace(base, "%s", rule, 1)), cat); err != nil {
		t.Fatalf("good rule rejected: %v", err)
	}
	for _, bad := range []string{
		strings.Replace(rule, `"sales"`, `"legal"`, 1),
		strings.Replace(rule, `"impact":2`, `"impact":4`, 1),
		strings.Replace(rule, `"horizon_days":30`, `"horizon_days":45`, 1),
		strings.Replace(rule, `"topic_below"`, `"moon_phase"`, 1),
		strings.Replace(rule, `"targets"`, `"astrology"`, 1),
		strings.Replace(rule, `"text_es":"a"`, `"text_es":"{nope}"`, 1),
		strings.Replace(rule, `"text_en":"b"`, `"text_en":""`, 1),
		rule + "," + rule,
		strings.Replace(rule, `"team"`, `"kind":"chore","team"`, 1),
		strings.Replace(rule, `"team"`, `"money":"lottery","team"`, 1),
		strings.Replace(rule, `{"kind":"topic_below","topic":"targets","max":2.5}`, `{"kind":"kpi_value_below","kpi":"win_rate"}`, 1),
		strings.Replace(rule, `{"kind":"topic_below","topic":"targets","max":2.5}`, `{"kind":"fact_above","fact":"moon","min":0.3}`, 1),
	} {
		if _, err := ParseRules([]byte(strings.Replace(base, "%s", bad, 1)), cat); !errors.Is(err, diagnostic.ErrInvalid) {
			t.Errorf("accepted: %s (%v)", bad, err)
		}
	}
}

// nonImpact is the evidence without the money estimate.
func nonImpact(evs []Evidence) []Evidence {
	return slices.DeleteFunc(slices.Clone(evs), func(e Evidence) bool { return e.Kind == "impact" })
}

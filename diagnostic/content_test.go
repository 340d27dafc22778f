package diagnostic

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/revopsdx/revopsdx/assets"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

func TestEmbeddedQuestionnaireLoads(t *testing.T) {
	q := shipped(t)
	if len(q.Questions) < 28 || len(q.Questions) > 35 {
		t.Errorf("%d questions", len(q.Questions))
	}
	for _, p := range allPillarIDs {
		if n := len(q.QuestionsOf(p)); n < 3 || n > 6 {
			t.Errorf("pillar %s: %d questions", p, n)
		}
	}
	// Each call is a copy (validated once): equal content, another value.
	if q2, _ := LoadQuestionnaire(); q2 == q || q2.Version != q.Version || len(q2.Questions) != len(q.Questions) {
		t.Error("LoadQuestionnaire does not hand out equal copies")
	}
}

// TestTimingWithinTenMinutes prints the estimate per language.
func TestTimingWithinTenMinutes(t *testing.T) {
	q := shipped(t)
	for _, l := range locale.Langs() {
		e := q.EstimateTiming(l)
		t.Logf("estimated time (%s): %.2f min = %d words at %g wpm + %d decisions × %g s",
			l, e.Minutes(), e.Words, q.Timing.WordsPerMinute, e.Decisions, q.Timing.SecondsPerDecision)
		if e.Minutes() > 10 {
			t.Errorf("%s: %.2f min, over 10", l, e.Minutes())
		}
		// 28+ questions, 2 context questions, 7 profile fields, checklist KPIs.
		if want := len(q.Questions) + 2 + len(q.Profile) + len(q.Checklist.KPIs()); e.Decisions != want {
			t.Errorf("%s: %d decisions, want %d", l, e.Decisions, want)
		}
	}
}

func TestTimingByHand(t *testing.T) {
	q := small(t)
	q.Questions = q.Questions[:1]
	q.Pillars = q.Pillars[:1]
	q.Context, q.Profile, q.Checklist.Families = nil, nil, nil
	q.Checklist.Text, q.Checklist.Help = Text{ES: "a b", EN: "a"}, Text{}
	// English: "Not applicable" 2 words and "Don't know" 2, pillar name
	// "Objectives & KPI alignment" 4, "Question o1" 2, "Help" 1, options
	// "Level n" 5×2 = 10, checklist "a" 1: 22 words at 200 wpm = 6.6 s, plus
	// 1 decision × 6 s = 12.6 s.
	e := q.EstimateTiming(locale.EN)
	if e.Words != 22 || e.Decisions != 1 || e.Questions != 1 || e.Seconds < 12.599 || e.Seconds > 12.601 {
		t.Errorf("estimate %+v, want 22 words, 1 decision, 1 question, 12.6 s", e)
	}
	// One question alone: 2 + 1 + 10 = 13 words = 3.9 s + 6 s.
	if s := q.QuestionSeconds(&q.Questions[0], locale.EN); s < 9.899 || s > 9.901 {
		t.Errorf("question seconds %g, want 9.9", s)
	}
}

// TestProfileFieldsMatchTheDomain checks the profile form content against
// the shared Profile type and its option lists.
func TestProfileFieldsMatchTheDomain(t *testing.T) {
	q := shipped(t)
	want := map[string][]string{
		"name": nil, "currency": nil,
		"industry":       strs(allIndustries),
		"business_model": strs(allBusinessModels),
		"segment":        strs(allSegments),
		"employees_band": allEmployeeBands,
		"language":       strs(locale.Langs()),
	}
	if len(q.Profile) != len(want) {
		t.Errorf("%d profile fields, want %d", len(q.Profile), len(want))
	}
	for _, f := range q.Profile {
		opts, ok := want[f.ID]
		if !ok {
			t.Errorf("profile field %q is not a Profile field", f.ID)
			continue
		}
		var got []string
		for _, o := range f.Options {
			got = append(got, o.ID)
		}
		if strings.Join(got, ",") != strings.Join(opts, ",") {
			t.Errorf("profile field %s: options %v, want %v", f.ID, got, opts)
		}
	}
}

// catalogue is the KPI id list of the shared brief.
var catalogue = strings.Fields(`revenue revenue_growth gross_margin net_margin mrr arr
revenue_per_employee avg_order_value deals_won avg_deal_size win_rate sales_cycle_days
pipeline_value pipeline_coverage pipeline_velocity quota_attainment leads mql_to_sql
lead_to_customer cac cac_payback_months romi marketing_spend_share logo_churn grr nrr
nps csat renewal_rate ltv ltv_to_cac`)

func TestKPIIDsAreInTheCatalogue(t *testing.T) {
	q := shipped(t)
	for _, qu := range q.Questions {
		for _, k := range qu.KPIs {
			if !contains(catalogue, k) {
				t.Errorf("question %s: KPI %q not in the catalogue", qu.ID, k)
			}
		}
	}
	for _, k := range q.Checklist.KPIs() {
		if !contains(catalogue, k.ID) {
			t.Errorf("checklist: KPI %q not in the catalogue", k.ID)
		}
	}
}

// TestEveryTopicIsCovered makes sure each recommendation topic has at least
// one question (or the checklist) to read it from.
func TestEveryTopicIsCovered(t *testing.T) {
	q := shipped(t)
	for _, topic := range allTopics {
		if len(q.QuestionsWithTopic(topic)) == 0 && !contains(q.Checklist.Topics, topic) {
			t.Errorf("topic %q has no question", topic)
		}
	}
}

// TestSpanishUsesTu flags usted and vosotros forms: the Spanish addresses
// the business owner as tú throughout.
func TestSpanishUsesTu(t *testing.T) {
	q := shipped(t)
	bad := regexp.MustCompile(`(?i)\b(usted(es)?|vuestr[oa]s?|vosotr[oa]s|os)\b|\p{L}+(áis|éis)\b|\bsu empresa\b`)
	for _, s := range []string{"¿Celebráis los logros?", "¿Usted mide?", "Vuestro equipo", "¿Os reunís?"} {
		if !bad.MatchString(s) {
			t.Errorf("register check misses %q", s)
		}
	}
	var texts []string
	add := func(ts ...Text) {
		for _, x := range ts {
			texts = append(texts, x.ES)
		}
	}
	add(q.NotApplicable, q.Checklist.Text, q.Checklist.Help)
	for _, p := range q.Pillars {
		add(p.Name, p.Description)
	}
	for _, l := range q.Levels {
		add(l.Name, l.Description)
	}
	for _, qu := range q.Questions {
		add(qu.Text, qu.Help)
		add(qu.Options...)
	}
	for _, c := range q.Context {
		add(c.Text, c.Help)
		for _, o := range c.Options {
			add(o.Label)
		}
	}
	for _, s := range texts {
		if m := bad.FindString(s); m != "" {
			t.Errorf("Spanish %q uses %q: address the reader as tú", s, m)
		}
	}
}

// TestValidationCatchesBadContent mutates the shipped content and expects
// each problem to be reported with where it is.
func TestValidationCatchesBadContent(t *testing.T) {
	raw, err := assets.Content(QuestionnaireFile)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		mutate func(m map[string]any)
		want   string
	}{
		{"duplicate id", func(m map[string]any) { question(m, 1)["id"] = question(m, 0)["id"] }, `questions[1] "obj_written": duplicate`},
		{"reserved id", func(m map[string]any) { question(m, 0)["id"] = CoverageItem }, "duplicate or reserved id"},
		{"missing English", func(m map[string]any) { question(m, 2)["text"] = map[string]any{"es": "¿Hola?", "en": ""} }, `questions[2] "obj_team_link".text: English text missing`},
		{"missing Spanish option", func(m map[string]any) {
			question(m, 3)["options"].([]any)[4] = map[string]any{"en": "x"}
		}, `options[4]: Spanish text missing`},
		{"four options", func(m map[string]any) { q := question(m, 0); q["options"] = q["options"].([]any)[:4] }, "4 options, want 5"},
		{"unknown pillar", func(m map[string]any) { question(m, 0)["pillar"] = "sales" }, `unknown pillar "sales"`},
		{"zero weight", func(m map[string]any) { question(m, 0)["weight"] = 0 }, "weight must be > 0"},
		{"unknown topic", func(m map[string]any) { question(m, 0)["topics"] = []any{"vibes"} }, `unknown topic "vibes"`},
		{"levels out of order", func(m map[string]any) { m["levels"].([]any)[2].(map[string]any)["min_score"] = 10 }, "not above the previous level's"},
		{"unknown symptom", func(m map[string]any) {
			m["context"].([]any)[0].(map[string]any)["options"].([]any)[0].(map[string]any)["id"] = "bad_luck"
		}, `context[0] "symptom": options`},
		{"unknown field", func(m map[string]any) { question(m, 0)["wieght"] = 1 }, `unknown field "wieght"`},
	}
	for _, tc := range cases {
		var m map[string]any
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		tc.mutate(m)
		data, _ := json.Marshal(m)
		_, err := ParseQuestionnaire(data)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want it to contain %q", tc.name, err, tc.want)
		}
	}
}

func question(m map[string]any, i int) map[string]any {
	return m["questions"].([]any)[i].(map[string]any)
}

// TestProductRules checks CheckProduct fails on a questionnaire that is
// structurally fine but too short.
func TestProductRules(t *testing.T) {
	err := small(t).CheckProduct()
	for _, want := range []string{"7 scored questions, want 28 to 35", "pillars [objectives data_tools alignment]", `pillar "objectives" has 2 questions`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("CheckProduct error %v, want %q", err, want)
		}
	}
	if err := shipped(t).CheckProduct(); err != nil {
		t.Errorf("shipped content: %v", err)
	}
}

func TestLookups(t *testing.T) {
	q := shipped(t)
	if qu, ok := q.Question("kpi_owner"); !ok || qu.Pillar != PillarKPISelection || qu.Text.In(locale.ES) == qu.Text.In(locale.EN) {
		t.Errorf("Question(kpi_owner) = %+v, %v", qu, ok)
	}
	if _, ok := q.Question("nope"); ok {
		t.Error("unknown question found")
	}
	if p, ok := q.Pillar(PillarAlignment); !ok || p.Name.EN != "Cross-team alignment" {
		t.Errorf("Pillar(alignment) = %+v", p)
	}
	// Default thresholds: <20 → 1, <40 → 2, <60 → 3, <80 → 4, else 5.
	for score, want := range map[float64]int{0: 1, 19.9: 1, 20: 2, 39.9: 2, 40: 3, 59.9: 3, 60: 4, 79.9: 4, 80: 5, 100: 5} {
		if got := q.LevelFor(score).Level; got != want {
			t.Errorf("LevelFor(%g) = %d, want %d", score, got, want)
		}
	}
	names := []string{}
	for i := 1; i <= 5; i++ {
		l, _ := q.LevelInfo(i)
		names = append(names, l.Name.EN+"/"+l.Name.ES)
	}
	if got := strings.Join(names, ","); got != "Ad hoc/Inicial,Emerging/Emergente,Defined/Definido,Managed/Gestionado,Optimised/Optimizado" {
		t.Errorf("level names %s", got)
	}
	if sq, ok := q.ContextQuestion(ContextSymptom); !ok || !sq.HasOption("long_cycles") {
		t.Error("symptom question")
	}
	if q.DepartmentName(DeptCustomerSuccess, locale.ES) != "Éxito del cliente" || q.DepartmentName("legal", locale.EN) != "legal" {
		t.Error("DepartmentName")
	}
	if !q.Checklist.Has("nps") || q.Checklist.Has("mrr") {
		t.Error("checklist Has")
	}
}

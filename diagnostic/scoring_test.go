package diagnostic

import (
	"math"
	"os"
	"reflect"
	"testing"
)

// small loads the test questionnaire: pillars objectives (weight 1: o1 w1,
// o2 w2, KPI checklist w1), data_tools (weight 1: d1 w1, d2 w1, d3 w2) and
// alignment (weight 2: a1 w1, a2 w1).
func small(t testing.TB) *Questionnaire {
	t.Helper()
	data, err := os.ReadFile("testdata/small_questionnaire.json")
	if err != nil {
		t.Fatal(err)
	}
	q, err := ParseQuestionnaire(data)
	if err != nil {
		t.Fatalf("fixture: %v", err)
	}
	return q
}

// resp builds a respondent; answers maps question ids to 1–5 or NA.
func resp(name string, d Department, answers map[string]int) Respondent {
	r := Respondent{Name: name, Department: d, Answers: map[string]Answer{}}
	for id, v := range answers {
		r.Answers[id] = Answer{Value: v}
	}
	return r
}

func f(v float64) *float64 { return &v }
func n(v int) *int         { return &v }

func TestScoreByHand(t *testing.T) {
	q := small(t)
	cases := []struct {
		name        string
		respondents []Respondent
		coverage    map[string]KPICoverage
		overall     Overall
		pillars     []PillarResult
		gaps        []Gap
		strengths   []Highlight
		weaknesses  []Highlight
		topics      map[string]float64
	}{
		{
			// One respondent. objectives: o1 4→75 (w1), o2 2→25 (w2),
			// checklist unanswered (w1): basis 3/4 = 0.75, score
			// (75+2×25)/3 = 41.67 → 41.7, level 3. data_tools: only d1
			// answered (w1 of 4; d2 is N/A, d3 missing): basis 0.25, no score.
			// alignment: a1 3→50 (w1 of 2): basis 0.5, score 50, level 3.
			// Overall: (41.7×1 + 50×2)/3 = 47.23 → 47.2, level 3; basis
			// (0.75 + 0.25 + 2×0.5)/4 = 0.5. One department: no alignment.
			// Two scored pillars: one strength (alignment: a1 equals the
			// pillar score, so it is listed by points), one weakness
			// (objectives: o2 pulls down by 2×(41.7 − 25) = 33.4; o1 pulls up).
			name:        "one respondent, N/A and missing answers",
			respondents: []Respondent{resp("Ana", DeptSales, map[string]int{"o1": 4, "o2": 2, "d1": 5, "d2": NA, "a1": 3})},
			overall:     Overall{Score: f(47.2), Basis: 0.5, Level: n(3)},
			pillars: []PillarResult{
				{ID: "objectives", Score: f(41.7), Basis: 0.75, Level: n(3), Departments: map[Department]float64{DeptSales: 41.7}},
				{ID: "data_tools", Basis: 0.25},
				{ID: "alignment", Score: f(50), Basis: 0.5, Level: n(3), Departments: map[Department]float64{DeptSales: 50}},
			},
			strengths:  []Highlight{{Pillar: "alignment", Score: 50, Level: 3, Questions: []Driver{{"a1", 50}}}},
			weaknesses: []Highlight{{Pillar: "objectives", Score: 41.7, Level: 3, Questions: []Driver{{"o2", 25}}}},
			// objectives_mapping: (1×4 + 2×2)/3 = 2.67; kpi_ownership: o2 = 2.
			topics: map[string]float64{"objectives_mapping": 2.67, "kpi_ownership": 2, "data_collection": 5, "collaboration": 3},
		},
		{
			// Ana and Bea (sales), Carl (marketing).
			// o1: 5,3,1 → 3 → 50; sales 4, marketing 1: spread 3 (gap).
			// o2: 4,4,4 → 75; spread 0.
			// checklist: financial (1 + 0.5)/2 = 0.75, sales (0.75 + 0)/2 =
			// 0.375, marketing 0, customer success (0.75 + 0.5)/2 = 0.625;
			// level 1.75/4 = 0.4375 → value 2.75 → 43.75.
			// objectives: (50 + 2×75 + 43.75)/4 = 60.94 → 60.9, level 4;
			// alignment 100×(1 − (1×3 + 2×0)/(4×3)) = 75;
			// sales (75 + 2×75)/3 = 75, marketing (0 + 2×75)/3 = 50.
			// d1: 5, N/A, 2 → 3.5 → 62.5; sales 5, marketing 2: spread 3 (gap).
			// d2: 4,4,2 → 3.33 → 58.33; spread 2 (gap). d3: 3,3,3 → 50.
			// data_tools: (62.5 + 58.33 + 2×50)/4 = 55.21 → 55.2, level 3;
			// alignment 100×(1 − (3 + 2)/(4×4)) = 68.75 → 68.8;
			// sales (100 + 75 + 2×50)/4 = 68.75 → 68.8, marketing (25+25+100)/4 = 37.5.
			// a1: 5,5,1 → 3.67 → 66.67; spread 4 (gap). a2: 1,1,2 → 1.33 → 8.33; spread 1.
			// alignment: (66.67 + 8.33)/2 = 37.5, level 2; index 100×(1 − 5/8) = 37.5;
			// sales (100 + 0)/2 = 50, marketing (0 + 25)/2 = 12.5.
			// Overall: (60.9 + 55.2 + 2×37.5)/4 = 47.775 → 47.8, level 3;
			// alignment (75 + 68.8 + 2×37.5)/4 = 54.7.
			// Gaps: a1 (4), then o1 and d1 (3, questionnaire order), d2 (2).
			// Strengths: objectives (only o2 pulls up: 2×(75 − 60.9)),
			// data_tools (d1 1×(62.5 − 55.2) = 7.3, d2 1×(58.3 − 55.2) = 3.1;
			// d3 pulls down); weakness: alignment (only a2 pulls down:
			// 1×(37.5 − 8.3)).
			name: "three respondents in two departments, with checklist",
			respondents: []Respondent{
				resp("Ana", DeptSales, map[string]int{"o1": 5, "o2": 4, "d1": 5, "d2": 4, "d3": 3, "a1": 5, "a2": 1}),
				resp("Bea", DeptSales, map[string]int{"o1": 3, "o2": 4, "d1": NA, "d2": 4, "d3": 3, "a1": 5, "a2": 1}),
				resp("Carl", DeptMarketing, map[string]int{"o1": 1, "o2": 4, "d1": 2, "d2": 2, "d3": 3, "a1": 1, "a2": 2}),
			},
			coverage: map[string]KPICoverage{
				"revenue":      {Measured: true, Owner: "CFO", Cadence: CadenceMonthly},
				"gross_margin": {Measured: true},
				"win_rate":     {Measured: true, Owner: "Sales lead"},
				"nps":          {Measured: true, Cadence: CadenceQuarterly},
				"logo_churn":   {Measured: true},
				"cac":          {Owner: "ignored: not measured", Cadence: CadenceMonthly},
			},
			overall: Overall{Score: f(47.8), Basis: 1, Level: n(3), Alignment: f(54.7)},
			pillars: []PillarResult{
				{ID: "objectives", Score: f(60.9), Basis: 1, Level: n(4), Alignment: f(75), Departments: map[Department]float64{DeptSales: 75, DeptMarketing: 50}},
				{ID: "data_tools", Score: f(55.2), Basis: 1, Level: n(3), Alignment: f(68.8), Departments: map[Department]float64{DeptSales: 68.8, DeptMarketing: 37.5}},
				{ID: "alignment", Score: f(37.5), Basis: 1, Level: n(2), Alignment: f(37.5), Departments: map[Department]float64{DeptSales: 50, DeptMarketing: 12.5}},
			},
			gaps: []Gap{
				{Question: "a1", Pillar: "alignment", Departments: map[Department]float64{DeptSales: 5, DeptMarketing: 1}, Difference: 4},
				{Question: "o1", Pillar: "objectives", Departments: map[Department]float64{DeptSales: 4, DeptMarketing: 1}, Difference: 3},
				{Question: "d1", Pillar: "data_tools", Departments: map[Department]float64{DeptSales: 5, DeptMarketing: 2}, Difference: 3},
				{Question: "d2", Pillar: "data_tools", Departments: map[Department]float64{DeptSales: 4, DeptMarketing: 2}, Difference: 2},
			},
			strengths: []Highlight{
				{Pillar: "objectives", Score: 60.9, Level: 4, Questions: []Driver{{"o2", 75}}},
				{Pillar: "data_tools", Score: 55.2, Level: 3, Questions: []Driver{{"d1", 62.5}, {"d2", 58.3}}},
			},
			weaknesses: []Highlight{{Pillar: "alignment", Score: 37.5, Level: 2, Questions: []Driver{{"a2", 8.3}}}},
			// objectives_mapping (3 + 2×4)/3 = 3.67; kpi_ownership (2×4 + 2.75)/3 = 3.58;
			// data_quality (3.33 + 2×3)/3 = 3.11; automation 3; kpi_selection and
			// kpi_cadence come from the checklist only: 2.75.
			topics: map[string]float64{
				"objectives_mapping": 3.67, "kpi_ownership": 3.58, "kpi_selection": 2.75, "kpi_cadence": 2.75,
				"data_collection": 3.5, "data_quality": 3.11, "automation": 3, "collaboration": 3.67, "shared_definitions": 1.33,
			},
		},
		{
			// Nobody answered: every basis 0, no scores, no highlights.
			name:        "nothing answered",
			respondents: []Respondent{resp("Ana", DeptLeadership, map[string]int{"o1": NA})},
			overall:     Overall{Basis: 0},
			pillars:     []PillarResult{{ID: "objectives"}, {ID: "data_tools"}, {ID: "alignment"}},
			topics:      map[string]float64{},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := Score(q, tc.respondents, tc.coverage)
			if !reflect.DeepEqual(r.Overall, tc.overall) {
				t.Errorf("overall = %s, want %s", js(r.Overall), js(tc.overall))
			}
			if !reflect.DeepEqual(r.Pillars, tc.pillars) {
				t.Errorf("pillars =\n%s\nwant\n%s", js(r.Pillars), js(tc.pillars))
			}
			if !reflect.DeepEqual(r.Gaps, tc.gaps) {
				t.Errorf("gaps = %s, want %s", js(r.Gaps), js(tc.gaps))
			}
			if !reflect.DeepEqual(r.Strengths, tc.strengths) || !reflect.DeepEqual(r.Weaknesses, tc.weaknesses) {
				t.Errorf("strengths = %s\nweaknesses = %s\nwant %s\nand %s", js(r.Strengths), js(r.Weaknesses), js(tc.strengths), js(tc.weaknesses))
			}
			if !reflect.DeepEqual(r.Topics, tc.topics) {
				t.Errorf("topics = %s, want %s", js(r.Topics), js(tc.topics))
			}
			if r.Respondents != len(tc.respondents) {
				t.Errorf("respondents = %d", r.Respondents)
			}
		})
	}
}

func TestCoverageLevelByHand(t *testing.T) {
	q := small(t)
	cases := []struct {
		name     string
		coverage map[string]KPICoverage
		want     float64
	}{
		{"nothing measured", map[string]KPICoverage{}, 0},
		// 8 KPIs measured, no owner or cadence: 0.5 each.
		{"all measured, bare", allCoverage(q, KPICoverage{Measured: true}), 0.5},
		{"all measured with owner and cadence", allCoverage(q, KPICoverage{Measured: true, Owner: "x", Cadence: CadenceWeekly}), 1},
		// Owner and cadence without "measured" earn nothing.
		{"owner only", allCoverage(q, KPICoverage{Owner: "x", Cadence: CadenceWeekly}), 0},
		// Financial (1 + 0)/2 = 0.5, other families 0: 0.5/4 = 0.125.
		{"one KPI complete", map[string]KPICoverage{"revenue": {Measured: true, Owner: "x", Cadence: CadenceMonthly}, "not_on_list": {Measured: true}}, 0.125},
	}
	for _, tc := range cases {
		if got := CoverageLevel(&q.Checklist, tc.coverage); got != tc.want {
			t.Errorf("%s: %g, want %g", tc.name, got, tc.want)
		}
	}
}

func allCoverage(q *Questionnaire, c KPICoverage) map[string]KPICoverage {
	m := map[string]KPICoverage{}
	for _, k := range q.Checklist.KPIs() {
		m[k.ID] = c
	}
	return m
}

func TestAlignmentIndex(t *testing.T) {
	cases := []struct {
		w, s []float64
		want float64
		ok   bool
	}{
		{nil, nil, 0, false},
		{[]float64{1, 1}, []float64{0, 0}, 100, true},
		{[]float64{1}, []float64{4}, 0, true},
		// 100 × (1 − (2×1 + 1×3)/(4×3)) = 100 × 7/12 = 58.33
		{[]float64{2, 1}, []float64{1, 3}, 100 * 7.0 / 12, true},
	}
	for _, tc := range cases {
		got, ok := AlignmentIndex(tc.w, tc.s)
		if ok != tc.ok || math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("AlignmentIndex(%v, %v) = %g, %v; want %g, %v", tc.w, tc.s, got, ok, tc.want, tc.ok)
		}
	}
}

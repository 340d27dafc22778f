package diagnostic

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

func shipped(t testing.TB) *Questionnaire {
	t.Helper()
	q, err := LoadQuestionnaire()
	if err != nil {
		t.Fatalf("content error: %v", err)
	}
	return q
}

// everyone answers every question with v.
func everyone(q *Questionnaire, v int, depts ...Department) []Respondent {
	var rs []Respondent
	for i, d := range depts {
		r := Respondent{Name: string(rune('A' + i)), Department: d, Answers: map[string]Answer{}}
		for _, qu := range q.Questions {
			r.Answers[qu.ID] = Answer{Value: v}
		}
		rs = append(rs, r)
	}
	return rs
}

func TestAllFivesAndAllOnes(t *testing.T) {
	q := shipped(t)
	full := allCoverage(q, KPICoverage{Measured: true, Owner: "x", Cadence: CadenceMonthly})
	cases := []struct {
		name     string
		v        int
		coverage map[string]KPICoverage
		score    float64
		level    int
	}{
		{"all 5s, full checklist", 5, full, 100, 5},
		{"all 5s, checklist unanswered", 5, nil, 100, 5},
		{"all 1s, nothing measured", 1, map[string]KPICoverage{}, 0, 1},
		{"all 1s, checklist unanswered", 1, nil, 0, 1},
	}
	for _, tc := range cases {
		r := Score(q, everyone(q, tc.v, DeptSales, DeptMarketing, DeptFinance), tc.coverage)
		if r.Overall.Score == nil || *r.Overall.Score != tc.score || *r.Overall.Level != tc.level {
			t.Errorf("%s: overall %s, want score %g level %d", tc.name, js(r.Overall), tc.score, tc.level)
		}
		for _, p := range r.Pillars {
			if p.Score == nil || *p.Score != tc.score || *p.Level != tc.level || *p.Alignment != 100 {
				t.Errorf("%s: pillar %s", tc.name, js(p))
			}
		}
		if len(r.Gaps) != 0 {
			t.Errorf("%s: gaps %s among identical answers", tc.name, js(r.Gaps))
		}
		// Identical answers pull nowhere: drivers fall back to points, which
		// exist for strengths at 100 and for weaknesses at 0.
		hs := r.Strengths
		if tc.v == 1 {
			hs = r.Weaknesses
		}
		if len(r.Strengths) != 3 || len(r.Weaknesses) != 3 || len(hs[0].Questions) != 2 {
			t.Errorf("%s: strengths %s, weaknesses %s", tc.name, js(r.Strengths), js(r.Weaknesses))
		}
		wantBasis := 1.0
		switch {
		case tc.coverage == nil && tc.v == 1:
			// kpi_relevant at 1 hides the three other KPI questions: the
			// checklist is 1 of kpi_selection's 2 asked weights: (6 + 0.5)/7.
			wantBasis = round((6+0.5)/7, 3)
		case tc.coverage == nil: // the checklist is 1 of the 5 weights of kpi_selection: (6 + 0.8)/7
			wantBasis = round((6+0.8)/7, 3)
		}
		if r.Overall.Basis != wantBasis {
			t.Errorf("%s: basis %g, want %g", tc.name, r.Overall.Basis, wantBasis)
		}
	}
}

// randomRespondents answers a random subset of questions with random values
// (N/A included) for random departments.
func randomRespondents(rng *rand.Rand, q *Questionnaire, n int) []Respondent {
	var rs []Respondent
	for i := range n {
		r := Respondent{Name: string(rune('A' + i%26)), Department: allDepartments[rng.IntN(len(allDepartments))], Answers: map[string]Answer{}}
		for _, qu := range q.Questions {
			switch x := rng.IntN(8); {
			case x == 0: // unanswered
			case x == 1:
				r.Answers[qu.ID] = Answer{Value: NA}
			default:
				r.Answers[qu.ID] = Answer{Value: 1 + rng.IntN(5)}
			}
		}
		rs = append(rs, r)
	}
	return rs
}

func scores(r *Result) []*float64 {
	out := []*float64{r.Overall.Score}
	for _, p := range r.Pillars {
		out = append(out, p.Score)
	}
	return out
}

func TestAddingNANeverChangesTheScore(t *testing.T) {
	q := shipped(t)
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 300 {
		rs := randomRespondents(rng, q, 1+rng.IntN(5))
		before := Score(q, rs, nil)
		// Turn one unanswered question of one respondent into N/A.
		r := rs[rng.IntN(len(rs))]
		for _, qu := range q.Questions {
			if _, ok := r.Answers[qu.ID]; !ok {
				r.Answers[qu.ID] = Answer{Value: NA}
				break
			}
		}
		// And add a respondent who answers everything N/A.
		rs = append(rs, everyone(q, NA, DeptOperations)...)
		after := Score(q, rs, nil)
		if !reflect.DeepEqual(scores(before), scores(after)) {
			t.Fatalf("trial %d: N/A changed the scores: %s → %s", trial, js(scores(before)), js(scores(after)))
		}
		if !reflect.DeepEqual(before.Gaps, after.Gaps) {
			t.Fatalf("trial %d: N/A changed the gaps", trial)
		}
	}
}

func TestOneDepartmentHasNoGaps(t *testing.T) {
	q := shipped(t)
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := range 200 {
		rs := randomRespondents(rng, q, 1+rng.IntN(6))
		for i := range rs {
			rs[i].Department = DeptCustomerSuccess
		}
		r := Score(q, rs, nil)
		if len(r.Gaps) != 0 || r.Overall.Alignment != nil {
			t.Fatalf("trial %d: one department gave gaps %s, alignment %v", trial, js(r.Gaps), r.Overall.Alignment)
		}
		for _, p := range r.Pillars {
			if p.Alignment != nil {
				t.Fatalf("trial %d: pillar %s has alignment %g with one department", trial, p.ID, *p.Alignment)
			}
		}
	}
}

func TestScoresStayInRange(t *testing.T) {
	q := shipped(t)
	rng := rand.New(rand.NewPCG(5, 6))
	in := func(p *float64, lo, hi float64) bool { return p == nil || (*p >= lo && *p <= hi) }
	for trial := range 300 {
		r := Score(q, randomRespondents(rng, q, 1+rng.IntN(8)), nil)
		ok := in(r.Overall.Score, 0, 100) && r.Overall.Basis >= 0 && r.Overall.Basis <= 1 && in(r.Overall.Alignment, 0, 100)
		for _, p := range r.Pillars {
			ok = ok && in(p.Score, 0, 100) && p.Basis >= 0 && p.Basis <= 1 && in(p.Alignment, 0, 100)
			ok = ok && (p.Score == nil) == (p.Basis < MinBasis) && (p.Score == nil) == (p.Level == nil)
		}
		for i := 1; i < len(r.Gaps); i++ {
			ok = ok && r.Gaps[i-1].Difference >= r.Gaps[i].Difference
		}
		for _, g := range r.Gaps {
			ok = ok && g.Difference >= GapSteps && len(g.Departments) >= 2
		}
		if len(r.Strengths) > 3 || len(r.Weaknesses) > 3 {
			ok = false
		}
		if !ok {
			t.Fatalf("trial %d: out of range: %s", trial, js(r))
		}
	}
}

func TestCompare(t *testing.T) {
	q := small(t)
	prev := Score(q, []Respondent{resp("A", DeptSales, map[string]int{"o1": 2, "o2": 2, "d1": 1, "d2": 1, "d3": 1})}, nil)
	cur := Score(q, []Respondent{resp("A", DeptSales, map[string]int{"o1": 4, "o2": 3, "d1": 3, "d2": 3, "d3": 3, "a1": 5, "a2": 5})}, nil)
	c := Compare(cur, prev)
	// objectives 25 → (75 + 2×50)/3 = 58.3: +33.3; data_tools 0 → 50: +50;
	// alignment none → 100: no delta. Overall: prev (25 + 0)/2 = 12.5, but
	// its basis (0.75 + 1 + 0)/4 = 0.44 is under 0.5, so no score and no delta.
	want := []struct {
		pillar string
		delta  *float64
	}{{"objectives", f(33.3)}, {"data_tools", f(50)}, {"alignment", nil}}
	for i, w := range want {
		got := c.Pillars[i]
		if got.Pillar != w.pillar || !reflect.DeepEqual(got.Delta, w.delta) {
			t.Errorf("pillar %d: %s, want %s delta %v", i, js(got), w.pillar, js(w.delta))
		}
	}
	if c.Overall.Previous != nil || c.Overall.Delta != nil || c.Overall.Current == nil {
		t.Errorf("overall change %s", js(c.Overall))
	}
	a := &Assessment{Respondents: []Respondent{resp("A", DeptSales, map[string]int{"o1": 4, "o2": 3, "d1": 3, "d2": 3, "d3": 3, "a1": 5, "a2": 5})}}
	if got := ScoreAssessment(q, a); !reflect.DeepEqual(got, cur) {
		t.Errorf("ScoreAssessment differs from Score")
	}
	if c2 := Compare(cur, cur); *c2.Overall.Delta != 0 {
		t.Errorf("self-compare delta %v", *c2.Overall.Delta)
	}
}

func BenchmarkScore1(b *testing.B)  { benchScore(b, 1) }
func BenchmarkScore50(b *testing.B) { benchScore(b, 50) }

func benchScore(b *testing.B, n int) {
	q := shipped(b)
	rs := randomRespondents(rand.New(rand.NewPCG(7, 8)), q, n)
	cov := allCoverage(q, KPICoverage{Measured: true})
	b.ReportAllocs()
	for b.Loop() {
		Score(q, rs, cov)
	}
}

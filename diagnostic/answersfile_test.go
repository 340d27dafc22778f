package diagnostic

import (
	"errors"
	"os"
	"strings"
	"testing"
)

func TestParseAnswersExample(t *testing.T) {
	q := shipped(t)
	data, err := os.ReadFile("testdata/answers_example.json")
	if err != nil {
		t.Fatal(err)
	}
	af, err := ParseAnswers(data, q)
	if err != nil {
		t.Fatalf("ParseAnswers: %v", err)
	}
	if len(af.Respondents) != 3 || af.Respondents[1].Department != DeptMarketing {
		t.Fatalf("respondents %+v", af.Respondents)
	}
	if a := af.Respondents[1].Answers["kpi_actionable"]; a.Value != NA {
		t.Errorf("null should be N/A, got %+v", a)
	}
	if _, ok := af.Respondents[1].Answers["al_celebration"]; ok {
		t.Error("a missing question should stay unanswered")
	}
	if af.Context.Symptom != "teams_misaligned" || af.Context.Objective != ObjGrowRevenue || !af.Context.Coverage["revenue"].Measured {
		t.Errorf("context %+v", af.Context)
	}
	if err := ValidateRespondents(q, af.Respondents); err != nil {
		t.Errorf("ValidateRespondents: %v", err)
	}
	r := Score(q, af.Respondents, af.Context.Coverage)
	// al_shared_goals: sales 4, marketing 1, customer success 2: a gap of 3.
	if g := r.Gaps; len(g) == 0 || g[0].Question != "al_shared_goals" || g[0].Difference != 3 {
		t.Errorf("first gap %s", js(g))
	}
}

func TestParseAnswersErrors(t *testing.T) {
	q := shipped(t)
	cases := []struct {
		name, in string
		want     []string
	}{
		{"empty", "", []string{"empty file"}},
		{"syntax", "{\n  \"respondents\": [\n    {\"name\": \"Ana\",, }\n  ]\n}", []string{"line 3, column 20", "invalid JSON"}},
		{"truncated", "{\"respondents\": [", []string{"line 1, column 18", "unexpected end of file"}},
		{"string value", "{\"respondents\": [{\"department\": \"sales\",\n \"answers\": {\"obj_written\": \"4\"}}]}", []string{"line 2", `"4" is not an answer`}},
		{"trailing data", `{"respondents": [{"department": "sales", "answers": {}}]} {}`, []string{"unexpected data after the JSON object"}},
		{"unknown field", `{"respondents": [], "org": "x"}`, []string{`unknown field "org"`}},
		{"no respondents", `{"respondents": []}`, []string{"at least one respondent"}},
		{"unknown department", "{\"respondents\": [\n {\"name\": \"Ana\",\n  \"department\": \"legal\", \"answers\": {}}]}", []string{"line 3", `respondents[0] ("Ana"): department: unknown department "legal"`}},
		{"missing department", `{"respondents": [{"name": "Ana", "answers": {}}]}`, []string{`unknown department ""`}},
		{"unknown question", "{\"respondents\": [{\"department\": \"sales\", \"answers\": {\n  \"obj_written\": 3,\n  \"obj_writen\": 4}}]}", []string{"line 3", `respondents[0]: answers: unknown question id "obj_writen"`}},
		{"suggestion", `{"respondents": [{"department": "sales", "answers": {"KPI_OWNER": 4}}]}`, []string{`did you mean "kpi_owner"?`}},
		{"value 7", `{"respondents": [{"name": "B", "department": "finance", "answers": {"kpi_owner": 7}}]}`, []string{`respondents[0] ("B"): answers.kpi_owner: 7 is outside 1–5`}},
		{"value 0", `{"respondents": [{"department": "finance", "answers": {"kpi_owner": 0}}]}`, []string{"0 is outside 1–5"}},
		{"value 3.5", `{"respondents": [{"department": "finance", "answers": {"kpi_owner": 3.5}}]}`, []string{"3.5 is outside 1–5", "whole number"}},
		{"second respondent", `{"respondents": [{"department": "sales", "answers": {}}, {"department": "sales", "answers": {"x": 1}}]}`, []string{"respondents[1]"}},
		{"bad symptom", `{"respondents": [{"department": "sales", "answers": {}}], "context": {"symptom": "bad_luck"}}`, []string{`context: symptom: unknown value "bad_luck"`}},
		{"bad objective", `{"respondents": [{"department": "sales", "answers": {}}], "context": {"objective": "world_peace"}}`, []string{`objective: unknown value "world_peace"`}},
		{"coverage off list", `{"respondents": [{"department": "sales", "answers": {}}], "context": {"coverage": {"mrr": {"measured": true}}}}`, []string{`coverage: "mrr" is not a KPI of the checklist`}},
		{"bad cadence", `{"respondents": [{"department": "sales", "answers": {}}], "context": {"coverage": {"nps": {"measured": true, "cadence": "daily"}}}}`, []string{`coverage.nps.cadence: unknown value "daily"`}},
	}
	for _, tc := range cases {
		_, err := ParseAnswers([]byte(tc.in), q)
		if err == nil {
			t.Errorf("%s: no error", tc.name)
			continue
		}
		if !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: %v does not wrap ErrInvalid", tc.name, err)
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error %q lacks %q", tc.name, err, w)
			}
		}
	}
}

func TestValidateRespondents(t *testing.T) {
	q := shipped(t)
	cases := []struct {
		r    Respondent
		want string
	}{
		{resp("A", "legal", nil), "unknown department"},
		{resp("A", DeptSales, map[string]int{"nope": 3}), `unknown question id "nope"`},
		{resp("A", DeptSales, map[string]int{"kpi_owner": 6}), "value 6 outside 1–5"},
		{resp("A", DeptSales, map[string]int{"kpi_owner": NA, "mon_trends": 5}), ""},
	}
	for _, tc := range cases {
		err := ValidateRespondents(q, []Respondent{tc.r})
		if (tc.want == "") != (err == nil) || err != nil && !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: %v, want %q", tc.r, err, tc.want)
		}
	}
}

// FuzzParseAnswers checks that any input either fails with ErrInvalid or
// yields respondents that pass validation and can be scored.
func FuzzParseAnswers(f *testing.F) {
	q := shipped(f)
	if data, err := os.ReadFile("testdata/answers_example.json"); err == nil {
		f.Add(data)
	}
	f.Add([]byte(`{"respondents": [{"department": "sales", "answers": {"kpi_owner": 3, "mon_trends": null}}]}`))
	f.Add([]byte(`{"respondents": [{"department": "sales", "answers": {"kpi_owner": 3.5}}]}`))
	f.Add([]byte(`[`))
	f.Fuzz(func(t *testing.T, data []byte) {
		af, err := ParseAnswers(data, q)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("error %v does not wrap ErrInvalid", err)
			}
			return
		}
		if err := ValidateRespondents(q, af.Respondents); err != nil {
			t.Fatalf("accepted file fails validation: %v", err)
		}
		Score(q, af.Respondents, af.Context.Coverage)
	})
}

package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestQuestionsJSON(t *testing.T) {
	for _, lang := range []string{"es", "en"} {
		code, out, errOut := run(t, "questions", "--lang", lang, "--json")
		if code != ExitOK {
			t.Fatalf("%s: code %d, stderr %q", lang, code, errOut)
		}
		var v struct {
			Pillars []struct {
				ID     string  `json:"id"`
				Name   string  `json:"name"`
				Weight float64 `json:"weight"`
			} `json:"pillars"`
			Questions []struct {
				ID, Pillar, Text, Help string
				Weight                 float64
				Options                []string
				AllowsNA               *bool `json:"allows_na"`
			} `json:"questions"`
			Levels []struct {
				Level    int     `json:"level"`
				Name     string  `json:"name"`
				MinScore float64 `json:"min_score"`
			} `json:"levels"`
			EstimatedMinutes float64 `json:"estimated_minutes"`
		}
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		if len(v.Pillars) != 7 || len(v.Questions) < 28 || len(v.Levels) != 5 || v.EstimatedMinutes <= 0 || v.EstimatedMinutes > 10 {
			t.Errorf("%s: %d pillars, %d questions, %d levels, %g min", lang, len(v.Pillars), len(v.Questions), len(v.Levels), v.EstimatedMinutes)
		}
		for _, q := range v.Questions {
			if len(q.Options) != 5 || q.Text == "" || q.Help == "" || q.Weight <= 0 || q.AllowsNA == nil || !*q.AllowsNA {
				t.Errorf("%s: question %+v", lang, q)
			}
		}
		wantName := map[string]string{"es": "Definido", "en": "Defined"}[lang]
		if v.Levels[2].Name != wantName || v.Levels[2].MinScore != 40 {
			t.Errorf("%s: level 3 = %+v", lang, v.Levels[2])
		}
	}
}

func TestQuestionsText(t *testing.T) {
	code, out, _ := run(t, "questions", "--lang", "es")
	if code != ExitOK || !strings.Contains(out, "Cuestionario de diagnóstico") || !strings.Contains(out, "[kpi_owner] ¿Cada KPI tiene una persona responsable?") {
		t.Errorf("code %d, out %.300q", code, out)
	}
	if code, _, errOut := run(t, "questions", "--lang", "fr"); code != ExitUsage || !strings.Contains(errOut, "--lang") {
		t.Errorf("--lang fr: code %d, stderr %q", code, errOut)
	}
}

func TestScoreJSON(t *testing.T) {
	code, out, errOut := run(t, "score", "--answers", "testdata/answers_two_teams.json", "--json", "--lang", "en")
	if code != ExitOK {
		t.Fatalf("code %d, stderr %q", code, errOut)
	}
	var v struct {
		Overall struct {
			Score *float64 `json:"score"`
			Basis *float64 `json:"basis"`
			Level *int     `json:"level"`
		} `json:"overall"`
		Pillars []struct {
			ID        string   `json:"id"`
			Score     *float64 `json:"score"`
			Basis     float64  `json:"basis"`
			Alignment *float64 `json:"alignment"`
		} `json:"pillars"`
		Gaps []struct {
			Question    string             `json:"question"`
			Pillar      string             `json:"pillar"`
			Departments map[string]float64 `json:"departments"`
			Difference  float64            `json:"difference"`
		} `json:"gaps"`
		Strengths  []json.RawMessage `json:"strengths"`
		Weaknesses []json.RawMessage `json:"weaknesses"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	// objectives: its three questions answered (obj_team_link by sales
	// only), all 5 → 100, basis 1; alignment 100 (no spread).
	// alignment: al_shared_goals (1.5) mean 3 → 50, al_definitions 4 → 75,
	// al_collaboration 3 → 50; answered 3.5 of 5.5 → basis 0.636; score
	// (1.5×50 + 75 + 50)/3.5 = 57.1. Its index: spreads 4 (w1.5), 0, 0 →
	// 100×(1 − 6/(4×3.5)) = 57.1. Other pillars: no answers, no score.
	// Overall basis (1 + 0.636)/7 = 0.234 < 0.5: no overall score.
	if v.Overall.Score != nil || v.Overall.Level != nil || v.Overall.Basis == nil || *v.Overall.Basis != 0.234 {
		t.Errorf("overall %+v", v.Overall)
	}
	p := map[string]int{}
	for i, x := range v.Pillars {
		p[x.ID] = i
	}
	obj, al := v.Pillars[p["objectives"]], v.Pillars[p["alignment"]]
	if obj.Score == nil || *obj.Score != 100 || obj.Basis != 1 || obj.Alignment == nil || *obj.Alignment != 100 {
		t.Errorf("objectives %+v", obj)
	}
	if al.Score == nil || *al.Score != 57.1 || al.Basis != 0.636 || al.Alignment == nil || *al.Alignment != 57.1 {
		t.Errorf("alignment %+v", al)
	}
	if len(v.Gaps) != 1 || v.Gaps[0].Question != "al_shared_goals" || v.Gaps[0].Difference != 4 ||
		v.Gaps[0].Departments["sales"] != 5 || v.Gaps[0].Departments["marketing"] != 1 {
		t.Errorf("gaps %+v", v.Gaps)
	}
	if len(v.Strengths) != 1 || len(v.Weaknesses) != 1 {
		t.Errorf("strengths %s, weaknesses %s", v.Strengths, v.Weaknesses)
	}
}

func TestScoreText(t *testing.T) {
	code, out, _ := run(t, "score", "--answers", "testdata/answers_two_teams.json", "--lang", "es")
	for _, want := range []string{"Puntuación global: sin datos suficientes", "Objetivos y KPI", "100,0", "Brechas de alineación", "Ventas 5 · Marketing 1 → 4 pasos"} {
		if code != ExitOK || !strings.Contains(out, want) {
			t.Errorf("code %d: output lacks %q:\n%s", code, want, out)
		}
	}
}

func TestScoreErrors(t *testing.T) {
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"score"}, ExitUsage, "--answers FILE is required"},
		{[]string{"score", "--answers", "testdata/nope.json"}, ExitError, "revopsdx: testdata/nope.json: cannot read the answers file: no such file or directory"},
		{[]string{"score", "--answers", "testdata/answers_bad_value.json"}, ExitError,
			`revopsdx: testdata/answers_bad_value.json: line 5: respondents[0] ("Ana"): answers.kpi_owner: 9 is outside 1–5`},
		{[]string{"score", "--answers", "testdata/answers_bad_json.json"}, ExitError,
			"revopsdx: testdata/answers_bad_json.json: line 2, column 71: invalid JSON"}, // the "}" after "5,"
		{[]string{"score", "--answers", "testdata/answers_two_teams.json", "extra"}, ExitUsage, `unexpected argument "extra"`},
	}
	for _, tc := range cases {
		code, out, errOut := run(t, tc.args...)
		if code != tc.code || out != "" || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: code %d, stdout %q, stderr %q; want code %d and %q", tc.args, code, out, errOut, tc.code, tc.want)
		}
	}
}

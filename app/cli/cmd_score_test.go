package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
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
				AllowsNA               *bool    `json:"allows_na"`
				Areas                  []string `json:"areas"`
				ShowIf                 *struct {
					Question string `json:"question"`
					Min, Max int
				} `json:"show_if"`
			} `json:"questions"`
			Areas  []struct{ ID, Label string } `json:"areas"`
			Levels []struct {
				Level    int     `json:"level"`
				Name     string  `json:"name"`
				MinScore float64 `json:"min_score"`
			} `json:"levels"`
			DontKnow         string             `json:"dont_know"`
			EstimatedMinutes map[string]float64 `json:"estimated_minutes"`
		}
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		if len(v.Pillars) != 7 || len(v.Questions) < 28 || len(v.Levels) != 5 || v.DontKnow == "" {
			t.Errorf("%s: %d pillars, %d questions, %d levels, don't know %q", lang, len(v.Pillars), len(v.Questions), len(v.Levels), v.DontKnow)
		}
		// The median path within 10 minutes in both languages, whatever --lang.
		for _, l := range []string{"es", "en"} {
			if m := v.EstimatedMinutes[l]; m <= 0 || m > 10 {
				t.Errorf("%s: estimated_minutes[%s] = %g", lang, l, m)
			}
		}
		areas, gated := map[string]bool{}, 0
		for _, q := range v.Questions {
			if len(q.Options) != 5 || q.Text == "" || q.Help == "" || q.Weight <= 0 || q.AllowsNA == nil || !*q.AllowsNA || len(q.Areas) == 0 {
				t.Errorf("%s: question %+v", lang, q)
			}
			for _, a := range q.Areas {
				areas[a] = true
			}
			if q.ShowIf != nil {
				gated++
			}
		}
		for _, a := range []string{"forecasting", "pipeline_stages", "lead_handoff", "icp", "compensation", "pricing", "enablement"} {
			if !areas[a] {
				t.Errorf("%s: area %s not covered", lang, a)
			}
		}
		if gated == 0 || len(v.Areas) != len(areas) {
			t.Errorf("%s: %d gated questions, %d areas listed for %d used", lang, gated, len(v.Areas), len(areas))
		}
		wantName := map[string]string{"es": "Definido", "en": "Defined"}[lang]
		if v.Levels[2].Name != wantName || v.Levels[2].MinScore != 40 {
			t.Errorf("%s: level 3 = %+v", lang, v.Levels[2])
		}
	}
}

func TestQuestionsText(t *testing.T) {
	code, out, _ := run(t, "questions", "--lang", "es")
	if code != ExitOK || !strings.Contains(out, "Cuestionario de diagnóstico") || !strings.Contains(out, "[kpi_owner] ¿Cada KPI tiene una persona responsable?") ||
		!strings.Contains(out, "(solo si [fc_method] ≥ 2)") || !strings.Contains(out, "?  No lo sé") {
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
	// objectives: its four questions answered (obj_team_link and icp_defined by sales
	// only), all 5 → 100, basis 1; alignment 100 (no spread).
	// alignment: al_shared_goals (1.5) mean 3 → 50, al_definitions 4 → 75,
	// al_problems 3 → 50; answered 3.5 of 5.5 (lh_sla and pipe_stages unanswered) → basis 0.636; score
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

// TestScoreDontKnowAndSkipped: an answers file with "dont_know" is
// accepted, counted per pillar, and a follow-up hidden by its gate is
// listed as skipped with the reason.
func TestScoreDontKnowAndSkipped(t *testing.T) {
	code, out, errOut := run(t, "score", "--answers", "testdata/answers_dont_know.json", "--lang", "en", "--json")
	if code != ExitOK {
		t.Fatalf("code %d, stderr %q", code, errOut)
	}
	var v struct {
		Pillars []struct {
			ID       string  `json:"id"`
			DontKnow int     `json:"dont_know"`
			Share    float64 `json:"dont_know_share"`
		} `json:"pillars"`
		Skipped []struct {
			Question, Gate, Reason string
			Min                    int
		} `json:"skipped"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	// objectives: 4 replies, 2 don't know; monitoring: 5 asked replies, 1.
	want := map[string][2]float64{"objectives": {2, 0.5}, "monitoring": {1, 0.2}}
	for _, p := range v.Pillars {
		if w, ok := want[p.ID]; ok && (float64(p.DontKnow) != w[0] || p.Share != w[1]) {
			t.Errorf("%s: don't know %d (%g), want %v", p.ID, p.DontKnow, p.Share, w)
		}
	}
	if len(v.Skipped) != 1 || v.Skipped[0].Question != "fc_accuracy" || v.Skipped[0].Gate != "fc_method" || v.Skipped[0].Min != 2 ||
		!strings.Contains(v.Skipped[0].Reason, "was not asked") {
		t.Errorf("skipped %+v", v.Skipped)
	}
	code, out, _ = run(t, "score", "--answers", "testdata/answers_dont_know.json", "--lang", "es")
	if code != ExitOK || !strings.Contains(out, "Respuestas «No lo sé»") || !strings.Contains(out, "Objetivos y KPI: 2 (50") ||
		!strings.Contains(out, "[fc_accuracy] «¿Cuánto se desvía la previsión de lo vendido?» no se planteó") {
		t.Errorf("text output:\n%s", out)
	}
}

// TestShortMode: questions --short lists the short mode within 5 minutes
// (the full listing gives the same minutes as estimated_minutes_short), and
// score --short scores a file that answers only those questions, the others
// not asked.
func TestShortMode(t *testing.T) {
	type qnView struct {
		Questions []struct {
			ID    string `json:"id"`
			Short bool   `json:"short"`
		} `json:"questions"`
		Checklist struct {
			Families []any `json:"families"`
		} `json:"checklist"`
		EstimatedMinutes map[string]float64 `json:"estimated_minutes"`
		ShortMinutes     map[string]float64 `json:"estimated_minutes_short"`
		ShortPath        map[string]struct {
			Questions int `json:"questions"`
		} `json:"short_path"`
		Short bool `json:"short"`
	}
	questions := func(args ...string) qnView {
		t.Helper()
		code, out, errOut := run(t, append([]string{"questions", "--json"}, args...)...)
		var v qnView
		if code != ExitOK {
			t.Fatalf("questions %v: code %d, stderr %q", args, code, errOut)
		}
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	full, short := questions(), questions("--short")
	nShort := 0
	for _, q := range full.Questions {
		if q.Short {
			nShort++
		}
	}
	if full.Short || len(full.Checklist.Families) == 0 || len(full.Questions) != 31 {
		t.Errorf("questions --json: short %v, %d checklist families, %d questions", full.Short, len(full.Checklist.Families), len(full.Questions))
	}
	if !short.Short || len(short.Checklist.Families) != 0 || len(short.Questions) != nShort || nShort < 7 {
		t.Errorf("questions --short --json: short %v, %d checklist families, %d questions, %d marked short in the full listing",
			short.Short, len(short.Checklist.Families), len(short.Questions), nShort)
	}
	for _, l := range []string{"es", "en"} {
		m := full.ShortMinutes[l]
		if m <= 0 || m > 5 || m != short.EstimatedMinutes[l] || m >= full.EstimatedMinutes[l] || full.ShortPath[l].Questions != nShort {
			t.Errorf("%s: short mode %v min (--short: %v), full %v min, short path %+v", l, m, short.EstimatedMinutes[l], full.EstimatedMinutes[l], full.ShortPath[l])
		}
	}
	answers := map[string]int{}
	for _, q := range short.Questions {
		if !q.Short {
			t.Errorf("question %s in the short mode is not marked short", q.ID)
		}
		answers[q.ID] = 3
	}
	file := writeAnswers(t, answers, nil)
	code, out, errOut := run(t, "score", "--answers", file, "--short", "--json")
	var r struct {
		Overall struct {
			Score *float64 `json:"score"`
			Basis float64  `json:"basis"`
		} `json:"overall"`
		Short *struct {
			Questions int `json:"questions"`
			NotAsked  int `json:"not_asked"`
		} `json:"short"`
	}
	if err := json.Unmarshal([]byte(out), &r); code != ExitOK || err != nil {
		t.Fatalf("score --short: code %d, stderr %q, %v", code, errOut, err)
	}
	if r.Overall.Score == nil || *r.Overall.Score != 50 || r.Overall.Basis != 1 || r.Short == nil ||
		r.Short.Questions != nShort || r.Short.NotAsked != 31-nShort || errOut != "" {
		t.Errorf("score --short: %s, stderr %q", out, errOut)
	}
	code, out, _ = run(t, "score", "--answers", file, "--short", "--lang", "es")
	if code != ExitOK || !strings.Contains(out, fmt.Sprintf("Modo corto: %d preguntas; las otras %d no se plantearon", nShort, 31-nShort)) {
		t.Errorf("score --short text: code %d\n%s", code, out)
	}
	// Scored in full, the short answers rest on a low basis; score says so.
	code, out, errOut = run(t, "score", "--answers", file, "--json", "--lang", "en")
	if code != ExitOK || strings.Contains(out, `"short"`) || !strings.Contains(errOut, "answers only questions of the short mode; score it with --short") {
		t.Errorf("the full score of a short file: code %d, stderr %q", code, errOut)
	}
	// Answers the short mode does not ask, or a checklist, are refused.
	answers["obj_written"] = 2
	code, _, errOut = run(t, "score", "--answers", writeAnswers(t, answers, nil), "--short")
	if code != ExitError || !strings.Contains(errOut, "answers obj_written: not in the short mode") {
		t.Errorf("score --short, a full answer: code %d, stderr %q", code, errOut)
	}
	if code, _, errOut := run(t, "score", "--answers", file, "--json"); code != ExitOK || !strings.Contains(errOut, "--short") {
		t.Errorf("score without --short of a short file: code %d, stderr %q", code, errOut)
	}
	delete(answers, "obj_written")
	cov := map[string]any{"revenue": map[string]any{"measured": true}}
	code, _, errOut = run(t, "score", "--answers", writeAnswers(t, answers, cov), "--short")
	if code != ExitError || !strings.Contains(errOut, "context.coverage: the short mode has no KPI checklist") {
		t.Errorf("score --short with a checklist: code %d, stderr %q", code, errOut)
	}
	if code, _, errOut := run(t, "score", "--org", "Acme", "--short"); code != ExitUsage || !strings.Contains(errOut, "--short scores an answers file") {
		t.Errorf("score --org --short: code %d, stderr %q", code, errOut)
	}
}

// writeAnswers writes an answers file of one leadership respondent, with
// the checklist coverage when not nil.
func writeAnswers(t *testing.T, answers map[string]int, coverage map[string]any) string {
	t.Helper()
	f := map[string]any{"respondents": []any{map[string]any{"department": "leadership", "answers": answers}}}
	if coverage != nil {
		f["context"] = map[string]any{"coverage": coverage}
	}
	b, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "answers.json")
	if err := os.WriteFile(file, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return file
}

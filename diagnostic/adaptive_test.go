package diagnostic

import (
	"encoding/json"
	"errors"

	"github.com/revopsdx/revopsdx/assets"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// TestGatedQuestionIsSkippedNotLow: a company without a forecast is not
// asked how accurate it is; the follow-up is listed as skipped with its
// reason and does not lower the pillar.
func TestGatedQuestionIsSkippedNotLow(t *testing.T) {
	q := shipped(t)
	fc, _ := q.Question("fc_accuracy")
	if fc.ShowIf == nil || fc.ShowIf.Question != "fc_method" || fc.ShowIf.Min != 2 {
		t.Fatalf("fc_accuracy gate %+v, want fc_method min 2", fc.ShowIf)
	}
	base := map[string]Answer{}
	for _, qu := range q.QuestionsOf(PillarMonitoring) {
		base[qu.ID] = Answer{Value: 4}
	}
	base["fc_method"] = Answer{Value: 1}
	base["fc_accuracy"] = Answer{Value: 1} // given anyway: not asked, so ignored
	r := Score(q, []Respondent{{Department: DeptSales, Answers: base}}, nil)
	if len(r.Skipped) != 1 || r.Skipped[0] != (Skip{Question: "fc_accuracy", Pillar: PillarMonitoring, Gate: "fc_method", Min: 2, GateValue: 1}) {
		t.Fatalf("skipped %s, want fc_accuracy gated by fc_method", js(r.Skipped))
	}
	if got, want := q.SkipReason(r.Skipped[0], locale.EN), `"How far is the forecast from actual sales?" was not asked: "How do you forecast the quarter's sales?" was answered 1, and it is only asked when the answer is 2 or more.`; got != want {
		t.Errorf("reason %q, want %q", got, want)
	}
	if got := q.SkipReason(Skip{Question: "x", Gate: "y", Min: 2, Max: 4, GateValue: 1.5}, locale.ES); got != "«x» no se planteó: a «y» se respondió 1,5 y solo se plantea si la respuesta es de 2 a 4." {
		t.Errorf("reason %q", got)
	}
	if qr := r.Question("fc_accuracy"); !qr.Skipped || qr.Value != nil {
		t.Errorf("fc_accuracy result %s, want skipped without a value", js(qr))
	}
	// Monitoring: mon_rhythm 1.5 and three questions of weight 1 at 4 (75),
	// fc_method 1 at 1 (0): (4.5×75)/5.5 = 61.4; the skipped one weighs nothing.
	p := r.Pillar(PillarMonitoring)
	if p.Score == nil || *p.Score != 61.4 || p.Basis != 1 {
		t.Errorf("monitoring %s, want score 61.4 on a full basis", js(p))
	}
	// With the gate at 2 the follow-up is asked and counts.
	base["fc_method"] = Answer{Value: 2}
	r = Score(q, []Respondent{{Department: DeptSales, Answers: base}}, nil)
	if len(r.Skipped) != 0 || r.Question("fc_accuracy").Value == nil {
		t.Errorf("gate at 2: skipped %s, fc_accuracy %s", js(r.Skipped), js(r.Question("fc_accuracy")))
	}
	// A gate answered N/A or "don't know" shows the follow-up.
	for _, v := range []int{NA, DontKnow} {
		if !q.Shown(fc, map[string]Answer{"fc_method": {Value: v}}) {
			t.Errorf("gate answered %d hides the follow-up", v)
		}
	}
}

// TestDontKnowIsCountedNotScored: "don't know" leaves the score as if
// unanswered, and is counted per question and pillar.
func TestDontKnowIsCountedNotScored(t *testing.T) {
	q := shipped(t)
	a := map[string]Answer{"data_collection": {Value: 4}, "data_single_source": {Value: DontKnow},
		"data_automation": {Value: DontKnow}, "data_quality": {Value: NA}}
	r := Score(q, []Respondent{{Department: DeptSales, Answers: a}}, nil)
	p := r.Pillar(PillarDataTools)
	if p.DontKnow != 2 || p.DontKnowShare != 0.5 {
		t.Errorf("data_tools don't know %d (share %g), want 2 (0.5)", p.DontKnow, p.DontKnowShare)
	}
	if qr := r.Question("data_single_source"); qr.DontKnow != 1 || qr.Value != nil || qr.Answers != 0 {
		t.Errorf("data_single_source %s", js(qr))
	}
	delete(a, "data_single_source")
	delete(a, "data_automation")
	if r2 := Score(q, []Respondent{{Department: DeptSales, Answers: a}}, nil); js(r2.Pillar(PillarDataTools).Score) != js(p.Score) {
		t.Errorf("don't know changed the score: %s vs %s", js(p.Score), js(r2.Pillar(PillarDataTools).Score))
	}
}

func TestAnswersFileDontKnowAndRetired(t *testing.T) {
	q := shipped(t)
	af, err := ParseAnswers([]byte(`{"respondents": [{"department": "sales", "answers":
		{"obj_written": "dont_know", "kpi_owner": null, "al_celebration": 4}}]}`), q)
	if err != nil {
		t.Fatal(err)
	}
	got := af.Respondents[0].Answers
	if got["obj_written"].Value != DontKnow || got["kpi_owner"].Value != NA {
		t.Errorf("answers %+v", got)
	}
	if err := ValidateRespondents(q, af.Respondents); err != nil {
		t.Errorf("a retired question's answer is refused: %v", err)
	}
	if _, err := ParseAnswers([]byte(`{"respondents": [{"department": "sales", "answers": {"obj_written": "maybe"}}]}`), q); err == nil ||
		!strings.Contains(err.Error(), `"maybe" is not an answer`) {
		t.Errorf("a bad string: %v", err)
	}
}

// TestOldVersionStaysScorable: an assessment of version 2026.1 (with the
// retired questions) scores, and the new questions are named.
func TestOldVersionStaysScorable(t *testing.T) {
	q := shipped(t)
	old := map[string]Answer{}
	for _, id := range []string{"obj_written", "obj_kpi_map", "obj_team_link", "bt_history", "dc_levels", "al_collaboration", "al_celebration", "dc_skills"} {
		old[id] = Answer{Value: 3}
	}
	rs := []Respondent{{Department: DeptLeadership, Answers: old}}
	if err := ValidateRespondents(q, rs); err != nil {
		t.Fatal(err)
	}
	r := Score(q, rs, nil)
	if p := r.Pillar(PillarObjectives); p.Score == nil || *p.Score != 50 {
		t.Errorf("objectives %s", js(p))
	}
	want := []string{"icp_defined", "comp_incentives", "pr_discounts", "en_onboarding", "fc_method", "fc_accuracy", "lh_sla", "pipe_stages"}
	if got := q.NewSince("2026.1"); !slices.Equal(got, want) {
		t.Errorf("new since 2026.1: %v, want %v", got, want)
	}
	if got := q.NewSince(q.Version); len(got) != 0 {
		t.Errorf("new since the current version: %v", got)
	}
}

func TestShowIfValidation(t *testing.T) {
	q := small(t)
	q.Questions[0].ShowIf = &ShowIf{Question: q.Questions[1].ID, Min: 2}
	if err := q.Validate(); err == nil || !strings.Contains(err.Error(), "must be an earlier question") {
		t.Errorf("a forward gate: %v", err)
	}
	q = small(t)
	q.Questions[1].ShowIf = &ShowIf{Question: q.Questions[0].ID, Min: 1}
	if err := q.Validate(); err == nil || !strings.Contains(err.Error(), "hides some answers") {
		t.Errorf("a gate hiding nothing: %v", err)
	}
}

// TestEveryRequiredAreaIsCovered lists the areas and their questions.
func TestEveryRequiredAreaIsCovered(t *testing.T) {
	q := shipped(t)
	g, err := LoadGlossary()
	if err != nil {
		t.Fatal(err)
	}
	by := map[string][]string{}
	for _, qu := range q.Questions {
		for _, a := range qu.Areas {
			by[a] = append(by[a], qu.ID)
		}
	}
	for _, a := range RequiredAreas {
		if len(by[a]) == 0 {
			t.Errorf("area %s (%s) has no question", a, g.AreaName(a).EN)
		}
	}
	// The KPI-practice areas of version 2026.1 stay covered.
	for _, a := range []string{"kpi_ownership", "kpi_cadence", "single_source", "data_quality", "targets", "benchmarks", "review_rhythm", "trend_analysis", "kpi_adjustment", "experimentation", "shared_definitions", "problem_solving", "recognition"} {
		if len(by[a]) == 0 {
			t.Errorf("KPI-practice area %s lost", a)
		}
	}
}

// TestMedianPathTiming: the median path hides nothing (every gate opens at
// 3), the all-1 path skips the follow-ups.
func TestMedianPathTiming(t *testing.T) {
	q := shipped(t)
	for _, l := range locale.Langs() {
		if e := q.EstimateTiming(l); e.Questions != len(q.Questions) {
			t.Errorf("%s: median path asks %d of %d questions", l, e.Questions, len(q.Questions))
		}
		// An independent check: at a flat 200 words a minute (slower than
		// IReST in both languages) the median path still fits.
		flat := *q
		flat.Timing.WordsPerMinute = PerLang{ES: 200, EN: 200}
		if m := flat.EstimateTiming(l).Minutes(); m > 10 {
			t.Errorf("%s: %.2f min at 200 words a minute", l, m)
		}
		low := q.EstimatePath(l, 1)
		if low.Questions >= len(q.Questions) || low.Seconds >= q.EstimateTiming(l).Seconds {
			t.Errorf("%s: all-1 path %+v does not skip", l, low)
		}
	}
}

// TestGlossaryIsTheOneVoice: pillar names are the glossary's in every
// content file that names them, checklist KPI and objective names are the
// KPI catalogue's, and no content or translation file uses a spelling the
// glossary avoids.
func TestGlossaryIsTheOneVoice(t *testing.T) {
	q := shipped(t)
	g, err := LoadGlossary()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range q.Pillars {
		if p.Name != g.Pillars[p.ID] {
			t.Errorf("questions.json pillar %s: %+v, glossary %+v", p.ID, p.Name, g.Pillars[p.ID])
		}
	}
	var rules struct {
		Pillars map[string]Text `json:"pillar_names"`
		Topics  map[string]Text `json:"topic_names"`
	}
	readJSON(t, "rules.json", &rules)
	for id, n := range rules.Pillars {
		if n != g.Pillars[id] {
			t.Errorf("rules.json pillar %s: %+v, glossary %+v", id, n, g.Pillars[id])
		}
	}
	for id, n := range rules.Topics {
		if want, ok := g.Areas[id]; ok && (!strings.EqualFold(n.ES, want.ES) || !strings.EqualFold(n.EN, want.EN)) {
			t.Errorf("rules.json topic %s: %+v, glossary area %+v", id, n, want)
		}
	}
	var kpis struct {
		KPIs []struct {
			ID     string `json:"id"`
			NameES string `json:"name_es"`
			NameEN string `json:"name_en"`
		} `json:"kpis"`
		Objectives map[string]Text `json:"objective_names"`
	}
	readJSON(t, "kpis.json", &kpis)
	names := map[string]Text{}
	for _, k := range kpis.KPIs {
		names[k.ID] = Text{ES: k.NameES, EN: k.NameEN}
	}
	for _, k := range q.Checklist.KPIs() {
		if k.Name != names[k.ID] {
			t.Errorf("checklist KPI %s: %+v, catalogue %+v", k.ID, k.Name, names[k.ID])
		}
	}
	oq, _ := q.ContextQuestion(ContextObjective)
	for _, o := range oq.Options {
		if o.Label != kpis.Objectives[o.ID] {
			t.Errorf("objective %s: %+v, catalogue %+v", o.ID, o.Label, kpis.Objectives[o.ID])
		}
	}
	files, _ := filepath.Glob("../assets/content/*.json")
	more, _ := filepath.Glob("../assets/i18n/*.json")
	for _, f := range append(files, more...) {
		if filepath.Base(f) == GlossaryFile {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for lang, words := range g.Avoid {
			for _, w := range words {
				if strings.Contains(string(b), w) {
					t.Errorf("%s: uses %q (%s), which the glossary avoids", filepath.Base(f), w, lang)
				}
			}
		}
	}
}

// readJSON decodes an embedded content file into v.
func readJSON(t *testing.T, name string, v any) {
	t.Helper()
	b, err := assets.Content(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// TestShortMode: the short mode asks one question per area (every pillar
// and every required area among them), within 5 minutes in each language,
// and scores on its own questions: the others are not asked, not low.
func TestShortMode(t *testing.T) {
	q := shipped(t)
	if !q.HasShortMode() || q.Timing.ShortMaxMinutes != 5 {
		t.Fatalf("shipped content: short mode %v, limit %g min", q.HasShortMode(), q.Timing.ShortMaxMinutes)
	}
	s := q.Short()
	if len(s.Questions) == 0 || len(s.Questions) >= len(q.Questions) {
		t.Fatalf("%d short questions of %d", len(s.Questions), len(q.Questions))
	}
	areas := map[string][]string{}
	for _, qu := range s.Questions {
		for _, a := range qu.Areas {
			areas[a] = append(areas[a], qu.ID)
		}
	}
	for a, ids := range areas {
		if len(ids) != 1 {
			t.Errorf("area %q asked by %v in the short mode, want one question", a, ids)
		}
	}
	for _, a := range RequiredAreas {
		if len(areas[a]) == 0 {
			t.Errorf("required area %q not in the short mode", a)
		}
	}
	for _, p := range q.Pillars {
		if len(s.QuestionsOf(p.ID)) == 0 {
			t.Errorf("pillar %q not in the short mode", p.ID)
		}
	}
	for _, l := range locale.Langs() {
		e := s.EstimateTiming(l)
		t.Logf("short mode (%s): %.2f min, %d words, %d decisions", l, e.Minutes(), e.Words, e.Decisions)
		if e.Minutes() > 5 || e.Questions != len(s.Questions) || e.Decisions != len(s.Questions)+len(q.Context)+len(q.Profile) {
			t.Errorf("%s: %+v", l, e)
		}
	}
	// Every short question answered 3, every other one 1: the short mode
	// ignores the 1s (not asked), the full questionnaire counts them.
	ans := map[string]Answer{}
	for _, qu := range q.Questions {
		ans[qu.ID] = Answer{Value: 1}
		if qu.Short {
			ans[qu.ID] = Answer{Value: 3}
		}
	}
	rs := []Respondent{{Department: DeptLeadership, Answers: ans}}
	r := Score(s, rs, nil)
	if r.Overall.Score == nil || *r.Overall.Score != 50 || r.Overall.Basis != 1 || len(r.Skipped) != 0 {
		t.Errorf("short mode, all 3: overall %s, skipped %s, want 50 on a full basis", js(r.Overall), js(r.Skipped))
	}
	for _, p := range r.Pillars {
		if p.Score == nil || *p.Score != 50 || p.Basis != 1 {
			t.Errorf("short mode, pillar %s: %s, want 50 on a full basis", p.ID, js(p))
		}
	}
	if full := Score(q, rs, nil); full.Overall.Score == nil || *full.Overall.Score >= 50 {
		t.Errorf("full questionnaire, short 3 and others 1: overall %s, want under 50", js(full.Overall))
	}
	// Only the short answers, scored as the full questionnaire: a basis
	// well under the short mode's (the reason for scoring it as short).
	for id := range ans {
		if qu, _ := q.Question(id); !qu.Short {
			delete(ans, id)
		}
	}
	if full := Score(q, rs, nil); full.Overall.Basis >= 0.6 {
		t.Errorf("short answers scored in full: basis %v, want a low basis", full.Overall.Basis)
	}
	// The full questionnaire is untouched.
	if len(q.Questions) != 31 || q.Checklist.Weight == 0 || len(q.Checklist.Families) == 0 {
		t.Error("Short changed the questionnaire")
	}
	if s2 := s.Short(); len(s2.Questions) != len(s.Questions) {
		t.Errorf("Short of the short mode: %d questions, want %d", len(s2.Questions), len(s.Questions))
	}
}

// TestShortModeRules: CheckProduct refuses a short mode that misses a
// pillar or a required area, asks an area twice, gates a question on one it
// does not ask, runs over its limit or has no limit.
func TestShortModeRules(t *testing.T) {
	check := func(q *Questionnaire) string {
		var errs contentErrors
		q.checkShort(&errs)
		return strings.Join(errs, "; ")
	}
	if got := check(shipped(t)); got != "" {
		t.Errorf("shipped short mode: %s", got)
	}
	q := shipped(t)
	for i := range q.Questions {
		if q.Questions[i].Pillar == PillarMonitoring || q.Questions[i].ID == "bt_targets" {
			q.Questions[i].Short = false
		}
		if q.Questions[i].ID == "lh_sla" || q.Questions[i].ID == "obj_written" {
			q.Questions[i].Short = true // lead_handoff twice, objectives twice
		}
	}
	q.index()
	got := check(q)
	for _, want := range []string{`pillar "monitoring" has no short question`, `required area "forecasting" has no short question`,
		`"comp_incentives" is gated by "bt_targets", which is not short`,
		`area "lead_handoff" is covered by both "al_definitions" and "lh_sla"`,
		`area "objectives" is covered by both "obj_written" and "obj_kpi_map"`} {
		if !strings.Contains(got, want) {
			t.Errorf("short-mode errors %q lack %q", got, want)
		}
	}
	q = shipped(t)
	q.Timing.ShortMaxMinutes = 4
	if got := check(q); !strings.Contains(got, "short mode: estimated time in es is 4.") || !strings.Contains(got, "over 4") {
		t.Errorf("short mode over 4 min: %q", got)
	}
	q.Timing.ShortMaxMinutes = 0
	if got := check(q); !strings.Contains(got, "short_max_minutes must be > 0") || q.HasShortMode() {
		t.Errorf("no short-mode limit: %q, HasShortMode %v", got, q.HasShortMode())
	}
	q.Timing.ShortMaxMinutes = 11
	if err := q.Validate(); err == nil || !strings.Contains(err.Error(), "short_max_minutes must be between 0") {
		t.Errorf("short_max_minutes over max_minutes: %v", err)
	}
}

// TestCheckShortAnswers: a file scored as the short mode may answer only
// short (or retired) questions.
func TestCheckShortAnswers(t *testing.T) {
	q := shipped(t)
	ok := []Respondent{{Department: DeptSales, Answers: map[string]Answer{"bt_targets": {Value: 2}, "fc_method": {Value: NA}, "al_collaboration": {Value: 4}}}}
	if err := q.CheckShortAnswers(ok); err != nil {
		t.Errorf("short and retired answers: %v", err)
	}
	bad := append(ok, Respondent{Name: "Ana", Department: DeptSales, Answers: map[string]Answer{"obj_written": {Value: 3}, "fc_accuracy": {Value: DontKnow}, "fc_method": {Value: 2}}})
	err := q.CheckShortAnswers(bad)
	if err == nil || !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), `respondents[1] ("Ana"): answers fc_accuracy, obj_written: not in the short mode`) {
		t.Errorf("answers outside the short mode: %v", err)
	}
}

package diagnosis

import (
	"slices"
	"strings"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/analysis"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/recommend"
)

// work is the plan's actions and measures, appendix aside, in order.
func work(recs []recommend.Recommendation) []recommend.Recommendation {
	return slices.DeleteFunc(slices.Clone(recs), func(r recommend.Recommendation) bool {
		return r.Kind == recommend.KindCelebration || r.Appendix
	})
}

// checkPlan checks what every plan must hold: celebrations after the work,
// no KPI both celebrated and flagged, at most 5 items in the first 30 days
// and 2 per team, one department-gap finding at most, an owner for all.
func checkPlan(t *testing.T, recs []recommend.Recommendation) {
	t.Helper()
	flagged := map[string]bool{}
	seenCelebration := false
	in30, perTeam, gaps := 0, map[string]int{}, 0
	for _, r := range recs {
		if r.Kind == recommend.KindCelebration {
			seenCelebration = true
			continue
		}
		if seenCelebration && !r.Appendix {
			t.Errorf("%s (%s) listed after a celebration", r.ID, r.Kind)
		}
		flagged[r.Subject] = true
		for _, m := range r.Merged {
			if _, subject, ok := strings.Cut(m, ":"); ok {
				flagged[subject] = true
			}
		}
		if strings.HasPrefix(r.ID, "departments_disagree") {
			gaps++
		}
		if r.HorizonDays == 30 && !r.Appendix {
			in30++
			perTeam[r.Team]++
		}
		if r.Owner == "" || r.Confidence == "" || r.Currency == "" {
			t.Errorf("%s: owner %q, confidence %q, currency %q", r.ID, r.Owner, r.Confidence, r.Currency)
		}
		if r.Impact != nil && (*r.Impact <= 0 || !slices.ContainsFunc(r.Evidence, func(e recommend.Evidence) bool { return e.Kind == "impact" && e.Note != "" })) {
			t.Errorf("%s: impact %v without its assumptions", r.ID, *r.Impact)
		}
	}
	for _, r := range recs {
		if r.Kind == recommend.KindCelebration && flagged[r.Subject] {
			t.Errorf("%s celebrates %s, which a finding flags", r.ID, r.Subject)
		}
	}
	if in30 > recommend.PerWindow {
		t.Errorf("%d items start in the first 30 days, want at most %d", in30, recommend.PerWindow)
	}
	for team, n := range perTeam {
		if n > recommend.PerTeam {
			t.Errorf("team %s has %d items in the first 30 days", team, n)
		}
	}
	if gaps > 1 {
		t.Errorf("%d department-gap findings, want one", gaps)
	}
}

// TestKnownConstraints: on simulated companies with one binding constraint
// and a stated symptom, over 20 seeds, the first action addresses it and
// the synthesis names it with money at stake and confirms the symptom.
// Chance may hide the constraint in a seed (the win-rate company's true
// 10 % reads 20 % over its three-month window in about one seed in a
// hundred: the interval then holds the median and no claim is made); at
// most one seed in ten may miss, and a missed seed must never tell the
// client their symptom is wrong.
func TestKnownConstraints(t *testing.T) {
	cases := []struct {
		name     string
		co       company
		problem  string
		kpis     []string
		notFirst string // a problem that must not lead
	}{
		{"churn", churnCo, "retention", []string{"nrr", "grr", "logo_churn"}, "acquisition_efficiency"},
		{"win rate", winRateCo, "conversion", []string{"win_rate"}, ""},
		{"pipeline coverage", coverageCo, "pipeline_volume", []string{"pipeline_coverage"}, ""},
	}
	const seeds = 20
	for _, c := range cases {
		missed := 0
		for seed := uint64(1); seed <= seeds; seed++ {
			hit := true
			for _, lang := range locale.Langs() {
				a, d := analyse(t, c.co.snapshot(seed), lang)
				w := work(a.Recommendations)
				if len(w) < 3 {
					t.Fatalf("%s seed %d: %d items", c.name, seed, len(w))
				}
				if w[0].Problem == c.notFirst && c.notFirst != "" {
					t.Errorf("%s seed %d: %s leads", c.name, seed, w[0].ID)
				}
				if d.SymptomCheck.Verdict == Contradicted || d.SymptomCheck.Symptom != c.co.symptom {
					t.Errorf("%s seed %d %s: symptom check %+v", c.name, seed, lang, d.SymptomCheck)
				}
				if d.Preliminary || len(d.Actions30) == 0 || len(d.Actions30) > recommend.PerWindow || d.Situation == "" || d.Level == "" {
					t.Errorf("%s seed %d %s: synthesis %+v", c.name, seed, lang, d)
				}
				checkPlan(t, a.Recommendations)
				if n := countPrefix(w, "departments_disagree"); n != 1 {
					t.Errorf("%s seed %d: %d department-gap findings, want 1", c.name, seed, n)
				}
				bc := d.BindingConstraint
				if w[0].Problem != c.problem || bc == nil || !slices.Contains(c.kpis, bc.KPI) || d.SymptomCheck.Verdict != Confirmed {
					t.Logf("%s seed %d %s: first %s (%s), constraint %v, symptom %s", c.name, seed, lang, w[0].ID, w[0].Problem, bc, d.SymptomCheck.Verdict)
					hit = false
					continue
				}
				if bc.Impact <= 0 || bc.Currency != "EUR" || bc.Text == "" || !strings.Contains(bc.Evidence, lang.Pick("Impacto estimado", "Estimated impact")) {
					t.Errorf("%s seed %d %s: binding constraint %+v without money", c.name, seed, lang, bc)
				}
			}
			if !hit {
				missed++
			}
		}
		if missed > seeds/10 {
			t.Errorf("%s: the constraint led in %d of %d seeds, want at least %d", c.name, seeds-missed, seeds, seeds-seeds/10)
		}
	}
}

func countPrefix(recs []recommend.Recommendation, prefix string) int {
	n := 0
	for _, r := range recs {
		if strings.HasPrefix(r.ID, prefix) {
			n++
		}
	}
	return n
}

// TestSymptomContradicted: a company that names churn but retains well is
// told the data do not show it.
func TestSymptomContradicted(t *testing.T) {
	co := winRateCo
	co.symptom, co.upgrade = "churn_downsell", 0.04
	missed := 0
	for seed := uint64(1); seed <= 20; seed++ {
		_, d := analyse(t, co.snapshot(seed), locale.EN)
		if d.SymptomCheck.Verdict != Contradicted || !strings.Contains(d.SymptomCheck.Text, "do not show") {
			t.Errorf("seed %d: symptom check %+v", seed, d.SymptomCheck)
		}
		if d.BindingConstraint == nil || d.BindingConstraint.KPI != "win_rate" {
			missed++ // as in TestKnownConstraints: chance may hide it in a seed
		}
	}
	if missed > 2 {
		t.Errorf("the win rate was the binding constraint in %d of 20 seeds, want at least 18", 20-missed)
	}
}

// TestSparseCompanyIsPreliminary: three months and about fifteen deals give
// a preliminary diagnosis: no binding constraint, no performance claim, at
// most 12 findings listed, and the missing data named.
func TestSparseCompanyIsPreliminary(t *testing.T) {
	for seed := uint64(1); seed <= 20; seed++ {
		for _, lang := range locale.Langs() {
			a, d := analyse(t, sparseCo.snapshot(seed), lang)
			if !d.Preliminary || d.BindingConstraint != nil || len(d.Missing) == 0 || d.SymptomCheck.Verdict != Unknown {
				t.Errorf("seed %d %s: %+v", seed, lang, d)
			}
			if n := len(work(a.Recommendations)) + countKind(a.Recommendations, recommend.KindCelebration); n > recommend.MaxPreliminary {
				t.Errorf("seed %d: %d findings listed, want at most %d", seed, n, recommend.MaxPreliminary)
			}
			for _, r := range a.Recommendations {
				for _, ev := range r.Evidence {
					if strings.HasPrefix(ev.Kind, "kpi_") && ev.Kind != "kpi_unavailable" || ev.Kind == "fact_above" || ev.Kind == "impact" {
						t.Errorf("seed %d: performance claim %s: %s", seed, r.ID, r.Text)
					}
				}
			}
			checkPlan(t, a.Recommendations)
		}
	}
}

func countKind(recs []recommend.Recommendation, kind string) int {
	n := 0
	for _, r := range recs {
		if r.Kind == kind && !r.Appendix {
			n++
		}
	}
	return n
}

// TestDemoReadsRight: the demo's diagnosis, as METHOD.md walks through it.
func TestDemoReadsRight(t *testing.T) {
	for _, lang := range locale.Langs() {
		a, d := analyse(t, analysis.DemoSnapshot(asOf), lang)
		checkPlan(t, a.Recommendations)
		w := work(a.Recommendations)
		ids := map[string]bool{}
		for _, r := range a.Recommendations {
			ids[r.ID] = true
		}
		// Its named problem, a pipeline that does not convert, is confirmed
		// by the win rate; retention puts more money at stake.
		if d.SymptomCheck.Verdict != Confirmed || !strings.Contains(d.SymptomCheck.Text, a.KPIName("win_rate")) {
			t.Errorf("%s: symptom check %+v", lang, d.SymptomCheck)
		}
		if bc := d.BindingConstraint; bc == nil || bc.Impact <= 0 || w[0].Impact == nil || bc.KPI != w[0].Subject {
			t.Errorf("%s: binding constraint %+v, first item %s", lang, bc, w[0].ID)
		}
		if !slices.ContainsFunc(w[:3], func(r recommend.Recommendation) bool { return r.Problem == "conversion" }) {
			t.Errorf("%s: the win rate is not in the top three", lang)
		}
		// Quota attainment far below 100 % is said; coverage of 11× with a
		// low win rate is not celebrated; no generic off-track on a KPI a
		// specific rule covers; the stated objective is not called missing.
		for _, want := range []string{"quota_attainment_low", "departments_disagree"} {
			if !ids[want] {
				t.Errorf("%s: no %s", lang, want)
			}
		}
		for _, not := range []string{"kpi_off_track:win_rate", "celebrate_top_quartile:pipeline_coverage", "celebrate_target_met:pipeline_coverage", "plan_no_objectives"} {
			if ids[not] {
				t.Errorf("%s: %s should not be there", lang, not)
			}
		}
		// The checklist says CAC is not measured: never "you measure CAC",
		// and the synthesis notes that the data compute it.
		for _, r := range a.Recommendations {
			if slices.ContainsFunc(r.Evidence, func(e recommend.Evidence) bool {
				return e.Kind == "coverage_without_owner" && slices.Contains(e.Items, "cac")
			}) {
				t.Errorf("%s: %s says CAC is measured: %s", lang, r.ID, r.Text)
			}
		}
		if !slices.ContainsFunc(d.AnswerChecks, func(c AnswerCheck) bool { return c.Subject == "cac" }) {
			t.Errorf("%s: answer checks %+v lack CAC", lang, d.AnswerChecks)
		}
		if d.Change == "" || len(d.Strengths) == 0 {
			t.Errorf("%s: change %q, strengths %v", lang, d.Change, d.Strengths)
		}
		// The May assessment answered version 2026.1: the change names the
		// eight questions added since by their areas.
		want := map[string]string{"es": "8 preguntas nuevas, que la anterior no podía responder: cliente ideal (ICP), incentivos, reconocimiento de logros, precios y descuentos, incorporación y formación, previsión de ventas, paso de leads a ventas y etapas del pipeline.",
			"en": "8 new questions, which the earlier one could not answer: ideal customer profile (ICP), incentives and compensation, recognising wins, pricing and discounts, onboarding and enablement, sales forecasting, lead hand-off and pipeline stages."}[string(lang)]
		if !strings.Contains(d.Change, want) {
			t.Errorf("%s: change %q lacks %q", lang, d.Change, want)
		}
	}
}

// TestContentInBothLanguages: the embedded content is valid, and a bad
// file is refused with what is wrong.
func TestContentInBothLanguages(t *testing.T) {
	if _, err := LoadContent(); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{`{`, `{"texts":{}}`, `{"texts":{"level":{"es":"x"}}}`} {
		if _, err := ParseContent([]byte(bad)); err == nil {
			t.Errorf("accepted %s", bad)
		}
	}
}

// TestSkippedQuestionsAreNamed: when every respondent said there is no
// forecast, the accuracy follow-up is not asked and the diagnosis says so.
func TestSkippedQuestionsAreNamed(t *testing.T) {
	s := analysis.DemoSnapshot(asOf)
	last := &s.Assessments[len(s.Assessments)-1]
	for i := range last.Respondents {
		last.Respondents[i].Answers["fc_method"] = diagnostic.Answer{Value: 1}
	}
	for _, lang := range locale.Langs() {
		_, d := analyse(t, s, lang)
		want := lang.Pick("«¿Cuánto se desvía la previsión de lo vendido?» no se planteó", `"How far is the forecast from actual sales?" was not asked`)
		if len(d.Skipped) != 1 || !strings.Contains(d.Skipped[0], want) {
			t.Errorf("%s: skipped %q, want one containing %q", lang, d.Skipped, want)
		}
		var b strings.Builder
		if err := WriteText(&b, d, lang); err != nil || !strings.Contains(b.String(), want) {
			t.Errorf("%s: text lacks the skipped question (%v)", lang, err)
		}
	}
}

package analysis

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/revopsdx/revopsdx/assets"
	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/recommend"
)

func TestEvidenceContent(t *testing.T) {
	if _, err := LoadEvidence(); err != nil {
		t.Fatalf("embedded %s: %v", EvidenceFile, err)
	}
	// Every evidence kind a rule can produce has a template.
	rs, err := recommend.LoadRules()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs.Rules {
		for _, c := range r.When {
			if !slices.Contains(allEvidenceKinds, c.Kind) {
				t.Errorf("rule %s uses evidence kind %q, unknown to %s", r.ID, c.Kind, EvidenceFile)
			}
		}
	}
}

func TestParseEvidenceRejects(t *testing.T) {
	good, err := assets.Content(EvidenceFile)
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{
		"invalid JSON":        `{`,
		"missing kind":        strings.Replace(string(good), `"kpi_outlier"`, `"kpi_outlier_x"`, 1),
		"unknown placeholder": strings.Replace(string(good), `{subject}: sin datos`, `{pillar}: sin datos`, 1),
		"one language only":   strings.Replace(string(good), `"no_kpi_data": {"es": "No hay datos de KPI", `, `"no_kpi_data": {"es": "", `, 1),
	}
	for name, b := range cases {
		if b == string(good) {
			t.Fatalf("%s: the replacement did not apply", name)
		}
		if _, err := ParseEvidence([]byte(b)); !errors.Is(err, diagnostic.ErrInvalid) {
			t.Errorf("%s: err = %v, want ErrInvalid", name, err)
		}
	}
}

// TestEvidenceTexts writes one fact of each family in both languages.
func TestEvidenceTexts(t *testing.T) {
	s := DemoSnapshot(demoAsOf)
	for _, c := range []struct {
		ev     recommend.Evidence
		es, en string
	}{
		{recommend.Evidence{Kind: "alignment_gap", Subject: "alignment", Value: ptr(3.0), Count: 3},
			"Alineación entre equipos: 3 preguntas con 2 o más niveles de diferencia entre departamentos (máx. 3)",
			"Cross-team alignment: 3 questions with departments 2 or more levels apart (largest 3)"},
		{recommend.Evidence{Kind: "alignment_gap", Subject: "alignment", Value: ptr(2.0), Count: 1},
			"Alineación entre equipos: una pregunta con 2 o más niveles de diferencia entre departamentos (máx. 2)",
			"Cross-team alignment: one question with departments 2 or more levels apart (largest 2)"},
		{recommend.Evidence{Kind: "plan_without_owner", Items: []string{"cac", "ltv_to_cac"}},
			"KPI del plan sin responsable: Coste de adquisición de cliente (CAC) y Relación LTV:CAC", ""},
		{recommend.Evidence{Kind: "plan_objectives_without_kpis", Items: []string{"profitability"}}, "", ""},
		{recommend.Evidence{Kind: "no_kpi_data"}, "No hay datos de KPI", "No KPI data"},
	} {
		for _, lang := range locale.Langs() {
			a := mustAnalyse(t, s, lang)
			got := a.EvidenceText(recommend.Recommendation{Evidence: []recommend.Evidence{c.ev}})
			want := lang.Pick(c.es, c.en)
			if want != "" && got != want || got == "" || strings.ContainsAny(got, "{}") {
				t.Errorf("%s %s: %q, want %q", lang, c.ev.Kind, got, want)
			}
		}
	}
}

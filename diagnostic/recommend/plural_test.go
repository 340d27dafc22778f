package recommend

import (
	"errors"
	"strings"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// TestCountOfOneIsSingular: a count of one reads in the singular in both
// languages ("1 questions differ…" / "1 preguntas con diferencias…" before),
// two or more in the plural, with the real rules.
func TestCountOfOneIsSingular(t *testing.T) {
	cases := []struct {
		name   string
		in     Input
		id     string
		es, en string
	}{
		{"one question", Input{Gaps: map[string]Gap{"alignment": {Count: 1, Largest: 2}}}, "departments_disagree",
			"Los departamentos ven «Alineación entre equipos» de forma muy distinta: en una pregunta sus respuestas difieren 2 niveles. Reúnelos para acordar una sola visión y qué cambiar primero.",
			"Departments see \"Cross-team alignment\" very differently: one question differs by 2 levels. Bring them together to agree one view and what to change first."},
		{"three questions", Input{Gaps: map[string]Gap{"alignment": {Count: 3, Largest: 2.5}}}, "departments_disagree",
			"Los departamentos ven de forma muy distinta Alineación entre equipos: 3 preguntas con diferencias de dos niveles o más; la mayor, de 2,5 niveles, en «Alineación entre equipos». Reúnelos una vez para acordar una sola visión de cada área y qué cambiar primero.",
			"Departments see Cross-team alignment very differently: 3 questions differ by two levels or more; the widest gap, 2.5 levels, is in \"Cross-team alignment\". Bring them together once to agree one view of each area and what to change first."},
		{"one KPI without owner", Input{Plan: &PlanFacts{Objectives: []diagnostic.Objective{"grow_revenue"}, KPIs: 2, WithoutOwner: []string{"revenue"}}}, "plan_kpis_without_owner",
			"Un KPI de tu plan no tiene responsable: Ingresos. Asígnale una persona o un equipo que responda de su evolución.",
			"A KPI in your plan has no owner: Revenue. Give it a person or team accountable for how it moves."},
		{"two KPIs without owner", Input{Plan: &PlanFacts{Objectives: []diagnostic.Objective{"grow_revenue"}, KPIs: 2, WithoutOwner: []string{"revenue", "mrr"}}}, "plan_kpis_without_owner",
			"KPI de tu plan sin responsable: Ingresos y Ingresos recurrentes mensuales (MRR). Asigna a cada uno una persona o un equipo que responda de su evolución.",
			"KPIs in your plan without an owner: Revenue and Monthly recurring revenue (MRR). Give each one a person or team accountable for how it moves."},
		{"one objective without KPIs", Input{Plan: &PlanFacts{Objectives: []diagnostic.Objective{"grow_revenue"}, ObjectivesWithoutKPIs: []diagnostic.Objective{"grow_revenue"}}}, "plan_objectives_without_kpis",
			"Un objetivo no tiene ningún KPI que lo mida: Crecer en ingresos. Añade al menos uno de los KPI que sugiere la aplicación y nombra a su responsable.",
			"An objective has no KPI measuring it: Grow revenue. Add at least one of the KPIs the app suggests and name its owner."},
	}
	for _, c := range cases {
		for _, l := range []locale.Lang{locale.ES, locale.EN} {
			recs, err := Generate(c.in, l)
			if err != nil {
				t.Fatal(err)
			}
			rec := fired(recs, c.id)
			if rec == nil {
				t.Errorf("%s (%s): %s did not fire", c.name, l, c.id)
				continue
			}
			if want := l.Pick(c.es, c.en); rec.Text != want {
				t.Errorf("%s (%s):\n got  %q\n want %q", c.name, l, rec.Text, want)
			}
		}
	}
}

// TestNoPluralForOne: with every counting list at one item, no recommendation
// of the real rules reads "1 …s" in English or "1 …s" in Spanish.
func TestNoPluralForOne(t *testing.T) {
	in := Input{
		Gaps: map[string]Gap{},
		Plan: &PlanFacts{Objectives: []diagnostic.Objective{"grow_revenue", "retain_expand"}, KPIs: 3,
			WithoutOwner: []string{"revenue"}, WithoutCadence: []string{"revenue"}, WithoutTarget: []string{"revenue"},
			ObjectivesWithoutKPIs: []diagnostic.Objective{"retain_expand"}},
	}
	for _, p := range Pillars {
		in.Gaps[p] = Gap{Count: 1, Largest: 3}
	}
	for _, l := range []locale.Lang{locale.ES, locale.EN} {
		recs, err := Generate(in, l)
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) < 5 { // the department gaps are one finding

			t.Fatalf("%s: only %d recommendations fired", l, len(recs))
		}
		for _, r := range recs {
			for _, w := range []string{"1 questions", "1 preguntas", "KPIs in your plan without", "KPI de tu plan sin", "Objectives with", "Objetivos sin"} {
				if strings.Contains(r.Text, w) {
					t.Errorf("%s %s: %q has %q for a count of one", l, r.ID, r.Text, w)
				}
			}
		}
	}
}

// TestParseRulesPluralForms: a rule quoting {count} where the count can be
// one needs the singular texts, both of them, and only on a counting rule.
func TestParseRulesPluralForms(t *testing.T) {
	cat, _ := kpi.LoadCatalogue()
	good, _ := LoadRules()
	base := `{"pillar_names":` + mustJSON(good.Pillars) + `,"topic_names":` + mustJSON(good.Topics) + `,"rules":[%s]}`
	gap := `{"id":"xy","team":"revops","impact":2,"effort":1,"horizon_days":30,"when":[{"kind":"alignment_gap","pillar":"*","min":2}],"text_es":"{count} preguntas","text_en":"{count} questions"%s}`
	coverage := `{"id":"xy","team":"sales","impact":2,"effort":1,"horizon_days":30,"when":[{"kind":"coverage_missing","kpis":["win_rate","cac"],"min":%s}],"text_es":"{count} KPI","text_en":"{count} KPIs"}`
	topic := `{"id":"xy","team":"sales","impact":2,"effort":1,"horizon_days":30,"when":[{"kind":"topic_below","topic":"targets","max":2.5}],"text_es":"a","text_en":"b"%s}`
	parse := func(rule string) error {
		_, err := ParseRules([]byte(strings.Replace(base, "%s", rule, 1)), cat)
		return err
	}
	for _, ok := range []string{
		strings.Replace(gap, "%s", `,"text_es_one":"una pregunta","text_en_one":"one question"`, 1),
		strings.Replace(coverage, "%s", "2", 1), // min 2: never one
	} {
		if err := parse(ok); err != nil {
			t.Errorf("rejected: %s (%v)", ok, err)
		}
	}
	for _, bad := range []string{
		strings.Replace(gap, "%s", "", 1),
		strings.Replace(gap, "%s", `,"text_es_one":"una pregunta"`, 1),
		strings.Replace(gap, "%s", `,"text_en_one":"one question"`, 1),
		strings.Replace(gap, "%s", `,"text_es_one":"{nope}","text_en_one":"one"`, 1),
		strings.Replace(coverage, "%s", "1", 1),
		strings.Replace(topic, "%s", `,"text_es_one":"una","text_en_one":"one"`, 1),
	} {
		if err := parse(bad); !errors.Is(err, diagnostic.ErrInvalid) {
			t.Errorf("accepted: %s (%v)", bad, err)
		}
	}
}

package report

import (
	"strings"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// TestDecisionsInReport dismisses the demo's top recommendation, accepts
// the second with an owner, due date and note and marks the third done:
// the first leaves the plan for the appendix, the second prints with its
// owner, date and note, the third in the "done" list.
func TestDecisionsInReport(t *testing.T) {
	needPoppler(t)
	a := analyseDemo(t, locale.EN)
	if len(a.Recommendations) < 4 {
		t.Fatalf("the demo has %d recommendations", len(a.Recommendations))
	}
	r0, r1, r2 := a.Recommendations[0], a.Recommendations[1], a.Recommendations[2]
	meta := Meta{Decisions: map[string]Decision{
		r0.ID: {Status: DecisionDismissed, Note: "Already covered by the CRM project"},
		r1.ID: {Status: DecisionAccepted, Owner: "Zoë Ibáñez", Due: time.Date(2027, 1, 15, 0, 0, 0, 0, time.UTC), Note: "Start with the EMEA team"},
		r2.ID: {Status: DecisionDone},
	}}
	d, err := FromAnalysis(a, meta)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.SetAside) != 1 || len(d.Done) != 1 || len(d.Recommendations)+len(d.Keep)+len(d.Later) != len(a.Recommendations)-2 {
		t.Fatalf("plan %d, done %d, set aside %d", len(d.Recommendations), len(d.Done), len(d.SetAside))
	}
	if d.Recommendations[0].Priority != 1 || d.Recommendations[0].ID != r1.ID {
		t.Errorf("the accepted one should now rank first: %+v", d.Recommendations[0])
	}
	path := renderTo(t, "decisions.pdf", d, Options{Lang: locale.EN})
	text := pdfText(t, path, 0, 0)
	for _, want := range []string{"Zoë Ibáñez", "due Jan 15, 2027", "Note: Start with the EMEA team",
		"Done since the last assessment", "Set aside by the consultant", "Note: Already covered by the CRM project"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	plan := text[strings.Index(text, "30/60/90-day plan"):strings.Index(text, "Done since the last assessment")]
	if title := collapse(r0.Text); strings.Contains(collapse(plan), title[:min(40, len(title))]) {
		t.Errorf("the dismissed recommendation %q is still in the plan", r0.Text)
	}
}

// TestSectionComments prints the consultant's comment under its
// section's title, and nothing for a section without one.
func TestSectionComments(t *testing.T) {
	needPoppler(t)
	d := sampleData(locale.ES)
	d.Comments = map[string]string{SectionSummary: "Un trimestre de transición: el equipo comercial cambió de director.", SectionKPIs: "Los datos de CRM de octubre están incompletos."}
	path := renderTo(t, "comments.pdf", d, Options{})
	p2 := collapse(pdfText(t, path, 2, 2))
	if !strings.Contains(p2, "Comentario del consultor Un trimestre de transición") {
		t.Errorf("the summary page lacks its comment: %.400s", p2)
	}
	text := collapse(pdfText(t, path, 0, 0))
	if strings.Count(text, "Comentario del consultor") != 2 || !strings.Contains(text, "Los datos de CRM de octubre están incompletos.") {
		t.Errorf("want two comments")
	}
}

// TestSynthesisOnPage2 checks the demo report opens with the diagnosis:
// its situation sentence, the client's profile and the stated symptom on
// page 2, in both languages.
func TestSynthesisOnPage2(t *testing.T) {
	needPoppler(t)
	for _, tt := range []struct {
		lang  locale.Lang
		title string
		facts []string
	}{{locale.ES, "Diagnóstico", []string{"Sector:", "Síntoma declarado:"}}, {locale.EN, "Diagnosis", []string{"Industry:", "Stated symptom:"}}} {
		a := analyseDemo(t, tt.lang)
		d, err := FromAnalysis(a, Meta{})
		if err != nil {
			t.Fatal(err)
		}
		if d.Synthesis == nil || d.Synthesis.Situation == "" {
			t.Fatalf("%s: no synthesis", tt.lang)
		}
		path := renderTo(t, "synthesis_"+string(tt.lang)+".pdf", d, Options{})
		p2 := collapse(pdfText(t, path, 2, 2))
		words := strings.Fields(d.Synthesis.Situation)
		for _, want := range append([]string{tt.title, strings.Join(words[:min(6, len(words))], " ")}, tt.facts...) {
			if !strings.Contains(p2, want) {
				t.Errorf("%s: page 2 lacks %q: %.600s", tt.lang, want, p2)
			}
		}
	}
}

package report

import (
	"fmt"
	"strings"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// stressData stretches the layout: eight respondents from six departments,
// forty recommendations with long evidence, a long organisation name and
// every department in the alignment table.
func stressData() Data {
	d := sampleData(locale.ES)
	d.Organisation = "Compañía Iberoamericana de Soluciones en la Nube para Pymes, S.A.U."
	d.Departments = diagnostic.Departments()
	for i := range d.Alignment {
		for j, dep := range diagnostic.Departments() {
			d.Alignment[i].Values[dep] = f64(float64(1 + (i+j)%5))
		}
	}
	d.Appendix.Respondents = nil
	for i := range 8 {
		dep := diagnostic.Departments()[i%len(diagnostic.Departments())]
		d.Appendix.Respondents = append(d.Appendix.Respondents, Respondent{Name: fmt.Sprintf("Persona Núñez %d", i+1), Department: dep})
	}
	for i := range d.Appendix.Answers {
		d.Appendix.Answers[i].Values = []int{1, 2, 3, 4, 5, 0, -1, 3}
	}
	long := strings.Repeat("La tasa de conversión de oportunidad a cliente ha caído del 24 % al 18,5 % en dos trimestres. ", 3)
	d.Recommendations = nil
	for i := range 40 {
		d.Recommendations = append(d.Recommendations, Recommendation{
			Title:  fmt.Sprintf("Acción número %d: revisa la cualificación de oportunidades con el equipo", i+1),
			Detail: "Documenta los criterios y compártelos con marketing.", Evidence: long,
			Owner: string(diagnostic.Departments()[i%6]), Horizon: []Horizon{Horizon30, Horizon60, Horizon90}[i%3], Priority: i + 1,
		})
	}
	return d
}

// TestStressLayout renders the stretched data and checks nothing was
// dropped: every respondent, every recommendation and every department.
func TestStressLayout(t *testing.T) {
	needPoppler(t)
	path := renderTo(t, "stress.pdf", stressData(), Options{})
	text := pdfText(t, path, 0, 0)
	for i := range 8 {
		if name := fmt.Sprintf("Persona Núñez %d", i+1); !strings.Contains(text, name) {
			t.Errorf("respondent %q missing", name)
		}
	}
	for i := range 40 {
		if s := fmt.Sprintf("Acción número %d:", i+1); !strings.Contains(text, s) {
			t.Errorf("recommendation %q missing", s)
		}
	}
	for _, s := range []string{"Dirección", "Ventas", "Marketing", "Éxito del cliente", "Finanzas", "Operaciones"} {
		if !strings.Contains(text, s) {
			t.Errorf("department %q missing", s)
		}
	}
	if pages, _ := pdfPages(t, path); pages < 14 {
		t.Errorf("only %d pages for 40 recommendations and two answer tables", pages)
	}
}

package report

import (
	"strings"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// TestSampleReport renders the sample SaaS company in both languages and
// checks the PDF's text, pages and fonts with poppler-utils.
func TestSampleReport(t *testing.T) {
	needPoppler(t)
	tests := []struct {
		lang      locale.Lang
		size      string   // expected paper from pdfinfo
		titles    []string // every section title
		mustHave  []string // organisation, accents, locale-formatted values
		pageLabel string   // "X of Y" on the second page, with Y filled in
	}{
		{
			lang: locale.ES, size: "(A4)",
			titles: []string{"Resumen ejecutivo", "Madurez", "Alineación entre departamentos", "Cuadro de mando de KPI",
				"Plan de 30, 60 y 90 días", "Anexo", "Respuestas por persona", "Definiciones y fórmulas de los KPI", "Fuentes de las referencias", "Método",
				"Tendencias de los KPI desviados o que empeoran", "Primeros 30 días", "De 30 a 60 días", "De 60 a 90 días"},
			mustHave: []string{
				"Nubéntica Software, S.L.", "Diagnóstico de Revenue Operations", "27 de noviembre de 2026", "12 de mayo de 2026",
				"Lucía Martínez Ortega", "María José Núñez", "Íñigo Peña", "Begoña Ibáñez", "Éxito del cliente",
				// MRR 184250 EUR → "184.250 €" (grouped with a dot, no decimals from 1,000 up)
				"184.250 €", "2.211.000 €",
				// CAC 6840.7 → "6.841 €"; win rate 0.185 → "18,5 %"; churn 0.0215 → "2,15 %" (two decimals below 10 %)
				"6.841 €", "18,5 %", "2,15 %", "1,5 %",
				// NRR target 1.05 → "105 %" (no decimal when whole); sales cycle 63 days; payback 17.5 months
				"105 %", "63 días", "17,5 meses", "2,6×", "1.245",
				"Nivel 3: Definido", "oct 2026", "KeyBanc SaaS Survey 2024", "↓ Empeora", "↑ Mejora", "Desviado", "En riesgo",
				"Cambio desde el 12/05/2026", "Basada en el 93 % del cuestionario", "¿Están escritos los objetivos",
			},
			pageLabel: "Página 2 de ",
		},
		{
			lang: locale.EN, size: "(letter)",
			titles: []string{"Executive summary", "Maturity", "Alignment between departments", "KPI scorecard",
				"30/60/90-day plan", "Appendix", "Answers by respondent", "KPI definitions and formulas", "Benchmark sources", "Method",
				"Trends of KPIs off track or worsening", "First 30 days", "Days 30 to 60", "Days 60 to 90"},
			mustHave: []string{
				"Nubéntica Software, S.L.", "Revenue Operations Diagnostic", "November 27, 2026", "May 12, 2026",
				"Lucía Martínez Ortega", "María José Núñez", "Íñigo Peña",
				// the same values in English conventions
				"€184,250", "€2,211,000", "€6,841", "18.5%", "2.15%", "1.5%", "105%", "63 days", "17.5 months", "2.6×", "1,245",
				"Level 3: Defined", "Oct 2026", "KeyBanc SaaS Survey 2024", "↓ Worsening", "↑ Improving", "Off track", "At risk",
				"Change since May 12, 2026", "Based on 93% of the questionnaire",
			},
			pageLabel: "Page 2 of ",
		},
	}
	for _, tt := range tests {
		t.Run(string(tt.lang), func(t *testing.T) {
			path := renderTo(t, "sample_"+string(tt.lang)+".pdf", sampleData(tt.lang), Options{Lang: tt.lang})
			text := pdfText(t, path, 0, 0)
			for _, s := range append(tt.titles, tt.mustHave...) {
				if !strings.Contains(text, collapse(s)) {
					t.Errorf("PDF text lacks %q", s)
				}
			}
			pages, size := pdfPages(t, path)
			// Cover, summary, maturity, alignment, scorecard, trends,
			// two plan pages and two or three appendix pages: 9 to 12.
			if pages < 9 || pages > 12 {
				t.Errorf("%d pages, want 9 to 12", pages)
			}
			if !strings.Contains(size, tt.size) {
				t.Errorf("page size %q, want %s", size, tt.size)
			}
			if p2 := pdfText(t, path, 2, 2); !strings.Contains(p2, tt.pageLabel+itoa(pages)) {
				t.Errorf("page 2 lacks %q: %.200s", tt.pageLabel+itoa(pages), p2)
			}
			if p1 := pdfText(t, path, 1, 1); strings.Contains(p1, strings.TrimSpace(tt.pageLabel[:5])) {
				t.Errorf("the cover carries a page number: %.300s", p1)
			}
			bad, n := fontsNotEmbedded(t, path)
			if n == 0 || len(bad) > 0 {
				t.Errorf("%d fonts, not embedded: %q", n, bad)
			}
		})
	}
}

// TestSummaryIsOnePage checks the executive summary fills exactly page 2:
// it starts there and the maturity section starts on page 3.
func TestSummaryIsOnePage(t *testing.T) {
	needPoppler(t)
	path := renderTo(t, "summary.pdf", sampleData(locale.ES), Options{})
	p2, p3 := pdfText(t, path, 2, 2), pdfText(t, path, 3, 3)
	for _, s := range []string{"Resumen ejecutivo", "Fortalezas", "Brechas", "Recomendaciones principales", "KPI clave",
		"Referencias y metas · 29", "Define con marketing qué es un lead", "Fija objetivos con fecha", "Net Promoter Score (NPS)"} {
		if !strings.Contains(p2, s) {
			t.Errorf("summary page lacks %q", s)
		}
	}
	// Only the five top recommendations: the sixth is not on the summary.
	if strings.Contains(p2, "Unifica clientes, oportunidades") {
		t.Error("summary shows a sixth recommendation")
	}
	if !strings.Contains(p3, "Madurez") || strings.Contains(p3, "KPI clave") {
		t.Errorf("page 3 is not the maturity section: %.200s", p3)
	}
}

// TestMinimalReport renders an organisation with one respondent, no KPI
// data and no recommendations: it renders, and the sections without data
// are left out rather than printed empty.
func TestMinimalReport(t *testing.T) {
	needPoppler(t)
	path := renderTo(t, "minimal.pdf", minimalData(), Options{})
	text := pdfText(t, path, 0, 0)
	for _, s := range []string{"Panadería Ñandú", "Resumen ejecutivo", "Madurez", "Anexo", "Método", "Nivel 2: Emergente", "7 de marzo de 2026"} {
		if !strings.Contains(text, s) {
			t.Errorf("minimal report lacks %q", s)
		}
	}
	for _, s := range []string{"Alineación entre departamentos", "Cuadro de mando de KPI", "Plan de 30, 60 y 90 días", "Recomendaciones principales", "KPI clave", "Definiciones y fórmulas", "Fuentes de las referencias"} {
		if strings.Contains(text, s) {
			t.Errorf("minimal report shows the empty part %q", s)
		}
	}
	// No strengths or gaps: their headings are left out of the summary
	// (the method text in the appendix still names them).
	if p2 := pdfText(t, path, 2, 2); strings.Contains(p2, "Fortalezas") || strings.Contains(p2, "Brechas") {
		t.Errorf("summary shows empty strengths or gaps: %.300s", p2)
	}
	// Cover, summary, maturity, appendix.
	if pages, size := pdfPages(t, path); pages != 4 || !strings.Contains(size, "A4") {
		t.Errorf("minimal report: %d pages of %s, want 4 of A4", pages, size)
	}
}

// TestSectionsAndPaper renders only the KPI scorecard, in Spanish on
// Letter paper: the other sections are absent.
func TestSectionsAndPaper(t *testing.T) {
	needPoppler(t)
	path := renderTo(t, "kpis_only.pdf", sampleData(locale.ES), Options{Paper: Letter, Sections: []string{SectionKPIs}})
	text := pdfText(t, path, 0, 0)
	if !strings.Contains(text, "Cuadro de mando de KPI") || !strings.Contains(text, "Nubéntica Software, S.L.") {
		t.Error("KPI-only report lacks its section or the organisation")
	}
	for _, s := range []string{"Resumen ejecutivo", "Anexo", "Plan de 30, 60 y 90 días", "Alineación entre departamentos"} {
		if strings.Contains(text, s) {
			t.Errorf("KPI-only report shows %q", s)
		}
	}
	// Cover, scorecard, trends.
	if pages, size := pdfPages(t, path); pages != 3 || !strings.Contains(size, "letter") {
		t.Errorf("KPI-only report: %d pages of %s, want 3 of letter", pages, size)
	}
}

// TestAlignmentNeedsTwoDepartments leaves the alignment section out when
// only one department answered, even with flagged questions.
func TestAlignmentNeedsTwoDepartments(t *testing.T) {
	needPoppler(t)
	d := sampleData(locale.EN)
	d.Departments = d.Departments[:1]
	path := renderTo(t, "one_dept.pdf", d, Options{Sections: []string{SectionMaturity, SectionAlignment}})
	text := pdfText(t, path, 0, 0)
	if strings.Contains(text, "Alignment between departments") {
		t.Error("alignment section printed for one department")
	}
	if !strings.Contains(text, "Maturity") {
		t.Error("maturity section missing")
	}
}

// TestCoverOnly asks for a section without data: the report is the cover
// alone, with no blank page after it.
func TestCoverOnly(t *testing.T) {
	needPoppler(t)
	path := renderTo(t, "cover_only.pdf", minimalData(), Options{Sections: []string{SectionAlignment}})
	if pages, _ := pdfPages(t, path); pages != 1 {
		t.Errorf("%d pages, want the cover alone", pages)
	}
	if text := pdfText(t, path, 0, 0); !strings.Contains(text, "Panadería Ñandú") || strings.Contains(text, "Página") {
		t.Errorf("cover-only text: %.300s", text)
	}
}

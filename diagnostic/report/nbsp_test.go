package report

import (
	"strings"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

func TestCleanKeepsNoBreakSpaces(t *testing.T) {
	// Breaking white space collapses to one space; the no-break space the
	// locale puts before "%" and "€" stays.
	got := clean("  14,3\u00a0%\n en\toct  2026: 1.234\u00a0€ ")
	if want := "14,3\u00a0% en oct 2026: 1.234\u00a0€"; got != want {
		t.Errorf("clean = %q, want %q", got, want)
	}
	// A plain space typed in content between a number and its unit is
	// made unbreakable too.
	if got, want := clean("máximo 100 %, 25 € y 3 meses"), "máximo 100\u00a0%, 25\u00a0€ y 3 meses"; got != want {
		t.Errorf("clean = %q, want %q", got, want)
	}
}

// TestNumbersKeepTheirUnit renders long texts full of numbers with units
// in narrow table cells and wide paragraphs, in both languages, and checks
// that no number is split from its unit across two lines.
func TestNumbersKeepTheirUnit(t *testing.T) {
	needPoppler(t)
	for _, l := range []locale.Lang{locale.ES, locale.EN} {
		var parts []string
		for i := range 40 {
			v := float64(i)*7.3 + 0.4
			parts = append(parts, l.Pick("la tasa", "the rate"), l.Percent(v/100, 1), l.Pick("y", "and"), l.Money(v*1000, "EUR", 0)+";")
		}
		long := strings.Join(parts, " ")
		d := sampleData(l)
		d.Recommendations[0].Title = long
		d.Recommendations[0].Evidence = long
		text := run(t, "pdftotext", "-enc", "UTF-8", renderTo(t, "units-"+string(l)+".pdf", d, Options{Sections: []string{"recommendations"}}), "-")
		lines := 0
		for _, line := range strings.Split(text, "\n") {
			line = strings.TrimSpace(line)
			if strings.Contains(line, l.Pick("la tasa", "the rate")) {
				lines++
			}
			// Spanish puts both units after the number ("14,3 %", "1.234 €");
			// English puts "%" after it and "€" before it ("€1,234").
			if strings.HasPrefix(line, "%") || l == locale.ES && strings.HasPrefix(line, "€") || l == locale.EN && strings.HasSuffix(line, "€") {
				t.Errorf("%s: a number and its unit split across lines: %q", l, line)
			}
		}
		if lines < 10 { // the text must really wrap for the test to mean anything
			t.Errorf("%s: the long text spans only %d lines", l, lines)
		}
	}
}

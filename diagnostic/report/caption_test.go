package report

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

func TestKeepLastTwo(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Fuera de plan · → Estable", "Fuera de plan · →\u00a0Estable"},
		{"Ingresos recurrentes  mensuales (MRR)", "Ingresos recurrentes mensuales\u00a0(MRR)"},
		{"Tasa de", "Tasa de"}, // two words: nothing to keep together
		{"Madurez", "Madurez"},
		{"", ""},
	} {
		if got := keepLastTwo(c.in); got != c.want {
			t.Errorf("keepLastTwo(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

var (
	bboxLine = regexp.MustCompile(`(?s)<line [^>]*>(.*?)</line>`)
	bboxWord = regexp.MustCompile(`<word [^>]*>([^<]*)</word>`)
)

// TestTrendCaptionsHaveNoOrphans renders the KPI trend charts with KPI
// names of growing length, two charts a row, and reads every line of the
// PDF with pdftotext -bbox-layout: no caption may leave its last word alone
// on a line.
func TestTrendCaptionsHaveNoOrphans(t *testing.T) {
	needPoppler(t)
	words := strings.Fields("Ingresos recurrentes mensuales de los clientes activos del segmento de empresas medianas (MRR)")
	for n := 3; n <= len(words); n++ {
		d := sampleData(locale.ES)
		name := strings.Join(words[:n], " ")
		lasts := map[string]bool{}
		for i := range d.KPIs {
			if len(d.KPIs[i].Chart) > 0 {
				d.KPIs[i].Name = name
			}
		}
		lasts[words[n-1]] = true
		for _, tr := range []Trend{TrendImproving, TrendStable, TrendWorsening} {
			s := fmtFor(t, locale.ES).trend(tr)
			lasts[s[strings.LastIndex(s, " ")+1:]] = true
		}
		path := renderTo(t, fmt.Sprintf("captions-%d.pdf", n), d, Options{Sections: []string{SectionKPIs}})
		out := run(t, "pdftotext", "-bbox-layout", "-enc", "UTF-8", path, "-")
		// Only the lines after the trend charts' heading: the scorecard
		// table above wraps the same names in its narrow first column.
		heading, charts := fmtFor(t, locale.ES).t.T("kpis.trends"), false
		for _, l := range bboxLine.FindAllStringSubmatch(out, -1) {
			ws := bboxWord.FindAllStringSubmatch(l[1], -1)
			var text []string
			for _, w := range ws {
				text = append(text, w[1])
			}
			if strings.Join(text, " ") == heading {
				charts = true
			}
			if charts && len(ws) == 1 && lasts[ws[0][1]] {
				t.Errorf("%d-word name: %q alone on a line", n, ws[0][1])
			}
		}
	}
}

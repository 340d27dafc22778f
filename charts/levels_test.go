package charts

import (
	"slices"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

func TestLevelNamesFromContent(t *testing.T) {
	// assets/content/questions.json names level 1 "Inicial" in Spanish and
	// "Ad hoc" in English; the charts use the same names as the report.
	if got := levelNames(locale.ES); got != [5]string{"Inicial", "Emergente", "Definido", "Gestionado", "Optimizado"} {
		t.Errorf("Spanish level names = %q", got)
	}
	if got := levelNames(locale.EN); got[0] != "Ad hoc" || got[4] != "Optimised" {
		t.Errorf("English level names = %q", got)
	}
}

// bandLabels returns the level band labels drawn on a pillar chart, in
// order: the texts whose baseline is just above the plot, among the five
// candidates of each form.
func bandLabels(c *canvas, lang locale.Lang) []string {
	full, short := levelNames(lang), shortLevelNames(lang)
	var out []string
	for _, pt := range c.texts {
		if slices.Contains(full[:], pt.body) || slices.Contains(short[:], pt.body) {
			out = append(out, pt.body)
		}
	}
	return out
}

func TestLevelBandLabelsAllOrNone(t *testing.T) {
	cases := []struct {
		lang  locale.Lang
		width int
		want  []string
	}{
		// Default width 820: each band is about 130 px wide, every name fits.
		{locale.ES, 820, []string{"Inicial", "Emergente", "Definido", "Gestionado", "Optimizado"}},
		{locale.EN, 820, []string{"Ad hoc", "Emerging", "Defined", "Managed", "Optimised"}},
		// The report's size (540 px): "Gestionado"/"Optimizado" no longer fit
		// their band, so all five are numbered, not a mix such as
		// "Inicial · N2 · Definido · N4 · N5".
		{locale.ES, 540, []string{"N1", "N2", "N3", "N4", "N5"}},
		{locale.ES, 400, []string{"N1", "N2", "N3", "N4", "N5"}},
	}
	for _, cc := range cases {
		c, err := pillarBars(samplePillars(cc.lang, true), Options{Lang: cc.lang, Width: cc.width, Height: 400})
		if err != nil {
			t.Fatal(err)
		}
		if got := bandLabels(c, cc.lang); !slices.Equal(got, cc.want) {
			t.Errorf("%s at %d px: band labels %q, want %q", cc.lang, cc.width, got, cc.want)
		}
	}
}

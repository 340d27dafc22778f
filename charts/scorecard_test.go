package charts

import (
	"slices"
	"strings"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

func TestTileTitleWraps(t *testing.T) {
	long := func(l locale.Lang, title string) TileData {
		d := sampleTiles(l)[0]
		d.Title = title
		return d
	}
	cases := []struct {
		lang  locale.Lang
		title string
		want  []string // the title's lines, in order
	}{
		// At the default 360 px these names no longer fit one line next to
		// the period: two lines, whole words, no "…".
		{locale.ES, "Ingresos recurrentes mensuales (MRR)", []string{"Ingresos recurrentes", "mensuales (MRR)"}},
		{locale.ES, "Coste de adquisición de cliente (CAC)", []string{"Coste de adquisición de", "cliente (CAC)"}},
		// Not "(CAC)" alone on the second line: the last two words stay together.
		{locale.EN, "Customer acquisition cost (CAC)", []string{"Customer acquisition", "cost (CAC)"}},
		{locale.ES, "Tasa de cierre", []string{"Tasa de cierre"}},
	}
	for _, cc := range cases {
		c, err := scorecard(long(cc.lang, cc.title), Options{Lang: cc.lang, Unit: diagnostic.UnitPercent})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, pt := range c.texts {
			if pt.b.x == c.px(14) && strings.Contains(cc.title, strings.TrimSuffix(pt.body, "…")) {
				got = append(got, pt.body)
			}
		}
		if !slices.Equal(got, cc.want) {
			t.Errorf("%s: title lines %q, want %q", cc.title, got, cc.want)
		}
	}
	// Beyond two lines the second is cut with "…".
	c, err := scorecard(long(locale.ES, strings.Repeat("Palabra ", 20)), Options{Lang: locale.ES, Unit: diagnostic.UnitPercent})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, pt := range c.texts {
		if strings.HasPrefix(pt.body, "Palabra") {
			n++
			if n == 2 && !strings.HasSuffix(pt.body, "…") {
				t.Errorf("second line of a very long title not cut: %q", pt.body)
			}
		}
	}
	if n != 2 {
		t.Errorf("very long title on %d lines, want 2", n)
	}
}

func TestWrapKeepsNumberAndUnit(t *testing.T) {
	o, err := Options{Lang: locale.ES}.normalise(200, 100)
	if err != nil {
		t.Fatal(err)
	}
	c, err := newCanvas(o)
	if err != nil {
		t.Fatal(err)
	}
	ts := textStyle{size: labelSize}
	// The width just fits "media 14,3": a break at the no-break space would
	// leave "%" alone on the next line.
	w := c.measure("media 14,3", ts) + 1
	for _, line := range c.wrap("media 14,3\u00a0% en oct", ts, w, 3) {
		if strings.HasPrefix(line, "%") || strings.HasSuffix(line, "14,3") {
			t.Errorf("wrap split the number from its unit: line %q", line)
		}
	}
}

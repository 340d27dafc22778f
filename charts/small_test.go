package charts

import (
	"bytes"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// TestSmallSamplesMarked: months resting on few observations get a hollow
// marker and a legend entry, in the chart's language; without them there
// is neither.
func TestSmallSamplesMarked(t *testing.T) {
	for _, l := range []locale.Lang{locale.ES, locale.EN} {
		d := sampleWinRate(l)
		o := Options{Format: SVG, Lang: l, Unit: diagnostic.UnitPercent}
		plain, err := Trend(d, o)
		if err != nil {
			t.Fatal(err)
		}
		d.Points[3].Small, d.Points[4].Small = true, true
		marked, err := Trend(d, o)
		if err != nil {
			t.Fatal(err)
		}
		checkSVG(t, "small "+string(l), marked)
		label := []byte(l.Pick("Pocas observaciones", "Few observations"))
		if bytes.Contains(plain, label) || !bytes.Contains(marked, label) {
			t.Errorf("%s: legend %q in plain %v, in marked %v", l, label, bytes.Contains(plain, label), bytes.Contains(marked, label))
		}
	}
}

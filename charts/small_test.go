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

// TestJudgedLineAndAxisUnit: points with a judged value add the judged
// line and the "each month" legend and label the last judged value, not
// the month's; a days axis names its unit on the top tick.
func TestJudgedLineAndAxisUnit(t *testing.T) {
	for _, l := range []locale.Lang{locale.ES, locale.EN} {
		d := sampleWinRate(l)
		o := Options{Format: SVG, Lang: l, Unit: diagnostic.UnitPercent}
		plain, err := Trend(d, o)
		if err != nil {
			t.Fatal(err)
		}
		j := 0.1234
		for i := range d.Points {
			d.Points[i].Judged = &j
		}
		judged, err := Trend(d, o)
		if err != nil {
			t.Fatal(err)
		}
		checkSVG(t, "judged "+string(l), judged)
		each := []byte(l.Pick("Cada mes", "Each month"))
		last := []byte(l.Percent(j, 1))
		if bytes.Contains(plain, each) || !bytes.Contains(judged, each) || !bytes.Contains(judged, last) {
			t.Errorf("%s: legend %q in plain %v, judged %v; last label %q %v", l, each, bytes.Contains(plain, each),
				bytes.Contains(judged, each), last, bytes.Contains(judged, last))
		}
		d = sampleWinRate(l)
		o.Unit = diagnostic.UnitDays
		days, err := Trend(d, o)
		if err != nil {
			t.Fatal(err)
		}
		if unit := []byte(l.Pick("\u00a0días", "\u00a0days")); bytes.Count(days, unit) < 2 { // the top tick and the last value
			t.Errorf("%s: the days axis does not name its unit", l)
		}
	}
}

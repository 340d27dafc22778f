package chartset

import (
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic/analysis"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// TestTrendJudgedLine: the demo's win rate, judged over trailing windows,
// draws its judged value as the main line, ending on the value the KPI
// table and the diagnosis show; monthly revenue, a sum judged on its own
// month, draws one line.
func TestTrendJudgedLine(t *testing.T) {
	a := analyse(t, analysis.DemoSnapshot(asOf), locale.EN)
	d, _, err := Trend(a, "win_rate")
	if err != nil {
		t.Fatal(err)
	}
	latest, ok := a.Latest("win_rate")
	if !ok || latest.Value == nil {
		t.Fatal("no latest win rate")
	}
	var last *float64
	differs := false
	for _, p := range d.Points {
		if p.Judged != nil {
			last = p.Judged
			differs = differs || p.Value != nil && *p.Value != *p.Judged
		}
	}
	if last == nil || *last != *latest.Value {
		t.Errorf("last judged point %v, want the latest value %v", last, *latest.Value)
	}
	if !differs {
		t.Error("the judged line equals the monthly values: no window was drawn")
	}
	d, _, err = Trend(a, "mrr")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range d.Points {
		if p.Judged != nil {
			t.Fatalf("MRR point %s has a judged value", p.Month)
		}
	}
}

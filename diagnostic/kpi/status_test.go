package kpi

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

func TestStatusRule(t *testing.T) {
	hi, lo := diagnostic.HigherIsBetter, diagnostic.LowerIsBetter
	jan := Period{Month, mon("2024-01")}
	jun := Period{Month, mon("2024-06")}
	dec := Period{Month, mon("2024-12")}
	base := StatusInput{Target: 100, Direction: hi, By: mon("2024-12"), Baseline: 40, BaselinePeriod: jan, HasBaseline: true}
	with := func(f func(*StatusInput)) StatusInput { s := base; f(&s); return s }
	cases := []struct {
		name string
		in   StatusInput
		want Status
	}{
		{"meets target early", with(func(s *StatusInput) { s.Value, s.Period = 101, jun }), OnTrack},
		{"date passed, short", with(func(s *StatusInput) { s.Value, s.Period = 99, dec }), OffTrack},
		// June: 5 of 11 months gone; path expects 40 + 60 × 5/11 = 67.27.
		{"on the path", with(func(s *StatusInput) { s.Value, s.Period = 68, jun }), OnTrack},
		{"behind, slope reaches by date", with(func(s *StatusInput) {
			s.Value, s.Period, s.SlopeKnown, s.HasReach, s.Reach = 60, jun, true, true, Period{Month, mon("2024-11")}
		}), AtRisk},
		{"behind, slope reaches too late", with(func(s *StatusInput) {
			s.Value, s.Period, s.SlopeKnown, s.HasReach, s.Reach = 60, jun, true, true, Period{Month, mon("2025-02")}
		}), OffTrack},
		{"behind, slope heads away", with(func(s *StatusInput) { s.Value, s.Period, s.SlopeKnown = 60, jun, true }), OffTrack},
		// No slope: band = 10 % of (100 − 40) = 6 below 67.27.
		{"behind within band, no slope", with(func(s *StatusInput) { s.Value, s.Period = 62, jun }), AtRisk},
		{"behind beyond band, no slope", with(func(s *StatusInput) { s.Value, s.Period = 55, jun }), OffTrack},
		// Lower is better: churn target 0.02 from 0.05; June path 0.05 − 0.03 × 5/11 = 0.03636.
		{"lower better on path", StatusInput{Value: 0.035, Target: 0.02, Direction: lo, Period: jun, By: mon("2024-12"), Baseline: 0.05, BaselinePeriod: jan, HasBaseline: true}, OnTrack},
		{"lower better behind", StatusInput{Value: 0.045, Target: 0.02, Direction: lo, Period: jun, By: mon("2024-12"), Baseline: 0.05, BaselinePeriod: jan, HasBaseline: true}, OffTrack},
		{"lower better met", StatusInput{Value: 0.019, Target: 0.02, Direction: lo, Period: jun, By: mon("2024-12")}, OnTrack},
	}
	for _, c := range cases {
		if got := StatusOf(c.in); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	b, _ := json.Marshal(struct{ S Status }{NoStatus})
	if string(b) != `{"S":null}` {
		t.Errorf("NoStatus JSON = %s", b)
	}
}

func TestTargetForPeriodAndScaling(t *testing.T) {
	item := diagnostic.PlanItem{KPI: "revenue", Targets: []diagnostic.Target{
		{Value: 10000, By: mon("2024-06"), SetOn: time.Date(2024, 1, 15, 0, 0, 0, 0, time.UTC)},
		{Value: 12000, By: mon("2024-12"), SetOn: time.Date(2024, 4, 2, 0, 0, 0, 0, time.UTC)},
	}}
	if _, ok := TargetFor(item, Period{Month, mon("2023-12")}); ok {
		t.Error("a target applied before it was set")
	}
	if x, _ := TargetFor(item, Period{Month, mon("2024-03")}); x.Value != 10000 {
		t.Errorf("March target = %v", x.Value)
	}
	if x, _ := TargetFor(item, Period{Month, mon("2024-04")}); x.Value != 12000 {
		t.Errorf("April target = %v", x.Value)
	}
	// A monthly revenue target of 12000 is 36000 for a quarter; a rate is not scaled.
	cat, _ := LoadCatalogue()
	rev, _ := cat.Def("revenue")
	wr, _ := cat.Def("win_rate")
	q := Period{Quarter, mon("2024-04")}
	if scaleTarget(12000, rev, q) != 36000 || scaleTarget(0.3, wr, q) != 0.3 {
		t.Error("target scaling wrong")
	}
}

package workback

import (
	"math"
	"testing"
)

// TestVelocityWhatIf: the baseline is the equation of the plan's own
// figures, each lever moves revenue in proportion (the cycle inversely),
// levers combine multiplicatively, and bad levers are refused.
func TestVelocityWhatIf(t *testing.T) {
	p := plan(t, simulate(1, 40, 0.25, 10000, 60), 1_200_000)
	v := p.Velocity
	if v == nil || v.Opportunities != 10 || v.WinRate != *p.Rates.WinRate || v.CycleDays != *p.Rates.CycleDays ||
		!near(v.RevenuePerMonth, 10**p.Rates.WinRate**p.Rates.AvgDealSize / *p.Rates.CycleDays * DaysPerMonth) {
		t.Fatalf("velocity %+v", v)
	}
	for _, c := range []struct {
		l      Levers
		factor float64
	}{
		{Levers{Opportunities: 0.1}, 1.1},
		{Levers{AvgDealSize: -0.2}, 0.8},
		{Levers{CycleDays: -0.5}, 2},
		{Levers{Opportunities: 0.1, WinRate: 0.1, AvgDealSize: 0.1, CycleDays: 0.1}, 1.1 * 1.1},
	} {
		w, err := v.Apply(c.l)
		if err != nil {
			t.Fatal(err)
		}
		if !near(w.Velocity.RevenuePerMonth, v.RevenuePerMonth*c.factor) || !near(w.Effect, v.RevenuePerMonth*(c.factor-1)) {
			t.Errorf("%+v: revenue %v, want %v", c.l, w.Velocity.RevenuePerMonth, v.RevenuePerMonth*c.factor)
		}
	}
	if w, _ := v.Apply(Levers{WinRate: 10}); w.Velocity.WinRate != 1 {
		t.Errorf("win rate beyond 100 %%: %v", w.Velocity.WinRate)
	}
	if _, err := v.Apply(Levers{CycleDays: -1}); err == nil {
		t.Error("a cycle of zero days was accepted")
	}
	l, err := ParseLevers("opportunities=+10%, win_rate=5%,deal_size=-5%,cycle=-10")
	if err != nil || !near(l.Opportunities, 0.1) || !near(l.WinRate, 0.05) || !near(l.AvgDealSize, -0.05) || !near(l.CycleDays, -0.1) {
		t.Errorf("parsed %+v, %v", l, err)
	}
	for _, bad := range []string{"speed=10%", "win_rate", "cycle=abc"} {
		if _, err := ParseLevers(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	if math.IsNaN(v.RevenuePerMonth) {
		t.Error("NaN")
	}
}

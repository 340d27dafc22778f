package pipeline

import (
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// TestFunnelByStage: four monthly snapshots of deals moving through
// Discovery → Demo → Proposal, with one skip, one regression and deals
// still in progress; the order is read from the moves, and every count is
// known.
func TestFunnelByStage(t *testing.T) {
	at := func(d string) time.Time { return day(d) }
	st := func(id, stage string) diagnostic.Deal {
		return diagnostic.Deal{ExternalID: id, Status: diagnostic.DealOpen, Stage: stage, Amount: 1}
	}
	won := func(id string) diagnostic.Deal {
		return diagnostic.Deal{ExternalID: id, Status: diagnostic.DealWon, Stage: "Closed Won", Amount: 1}
	}
	lost := func(id string) diagnostic.Deal {
		return diagnostic.Deal{ExternalID: id, Status: diagnostic.DealLost, Stage: "Closed Lost", Amount: 1}
	}
	snaps := []Snapshot{
		{AsOf: at("2026-01-31"), Deals: []diagnostic.Deal{st("A", "Discovery"), st("B", "Discovery"), st("C", "Discovery"), st("D", "Demo"), st("E", "Discovery")}},
		{AsOf: at("2026-02-28"), Deals: []diagnostic.Deal{st("A", "Demo"), st("B", "Proposal"), lost("C"), st("D", "Proposal"), st("E", "Discovery")}},
		{AsOf: at("2026-03-31"), Deals: []diagnostic.Deal{st("A", "Proposal"), won("B"), lost("C"), st("D", "Demo"), st("E", "Discovery")}},
		{AsOf: at("2026-04-30"), Deals: []diagnostic.Deal{won("A"), won("B"), lost("C"), lost("D"), st("E", "Discovery")}},
	}
	f := FunnelByStage(snaps, nil)
	if f.OrderFrom != "observed" || len(f.Stages) != 3 || f.Stages[0].Stage != "Discovery" || f.Stages[1].Stage != "Demo" || f.Stages[2].Stage != "Proposal" {
		t.Fatalf("stages %+v", f.Stages)
	}
	// Discovery: A, B, C, E reached it, D entered at Demo (passed it too);
	// E is still there. Advanced: A, B, D. Resolved: A, B, C, D.
	// Demo: A, B (skipped it), D. Advanced A, B, D (D reached Proposal before
	// going back). Proposal: A, B, D reached; A and B won, D lost.
	want := []struct{ reached, resolved, advanced int }{{5, 4, 3}, {3, 3, 3}, {3, 3, 2}}
	for i, w := range want {
		s := f.Stages[i]
		if s.Reached != w.reached || s.Resolved != w.resolved || s.Advanced != w.advanced || s.Enough || s.Confidence != "low" {
			t.Errorf("%s: %+v, want %+v", s.Stage, s, w)
		}
	}
	if f.Won != 2 || f.Lost != 2 || f.Skips != 1 || f.Regressions != 1 || f.Deals != 5 || f.Snapshots != 4 {
		t.Errorf("won %d lost %d skips %d regressions %d deals %d", f.Won, f.Lost, f.Skips, f.Regressions, f.Deals)
	}
	// Time in stage: A in Demo from 28 Feb to 31 Mar (31 days); D in
	// Proposal from 28 Feb to 31 Mar (31 days) and in Demo (back) from 31
	// Mar to 30 Apr; B in Proposal 28 Feb → 31 Mar.
	if d := f.Stages[1]; d.MedianDays == nil || d.Timed != 2 {
		t.Errorf("Demo timing %+v", d)
	}
	if g := FunnelByStage(snaps, []string{"Discovery", "Proposal", "Demo"}); g.OrderFrom != "given" || g.Stages[1].Stage != "Proposal" {
		t.Errorf("a given order was not kept: %+v", g.Stages)
	}
}

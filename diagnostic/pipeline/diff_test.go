package pipeline

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func open(id string, amount float64, closeOn string) diagnostic.Deal {
	d := diagnostic.Deal{ExternalID: id, Name: "Deal " + id, Status: diagnostic.DealOpen, Amount: amount, Created: day("2025-12-01")}
	if closeOn != "" {
		d.ExpectedClose = day(closeOn)
	}
	return d
}

func closed(id string, st diagnostic.DealStatus, amount float64, on string) diagnostic.Deal {
	return diagnostic.Deal{ExternalID: id, Name: "Deal " + id, Status: st, Amount: amount, Created: day("2025-12-01"), Closed: day(on)}
}

// twoExports is a hand-made pair of exports with one deal of each movement
// (and D11, D13 for the less obvious ones); the expected figures are
// worked out by hand in docs/PIPELINE.md's example.
func twoExports() (Snapshot, Snapshot) {
	a := Snapshot{AsOf: day("2026-01-31"), MatchKey: diagnostic.MatchRecordID, Deals: []diagnostic.Deal{
		open("D1", 1000, "2026-02-15"), open("D2", 2000, "2026-02-20"), open("D3", 3000, "2026-02-28"),
		open("D4", 4000, "2026-03-31"), open("D5", 5000, "2026-03-31"), open("D6", 6000, "2026-03-31"),
		open("D7", 7000, "2026-03-31"), open("D8", 800, "2026-03-31"), closed("D9", diagnostic.DealWon, 900, "2026-01-10"),
		open("D12", 2500, "2026-02-10"), open("D13", 1000, "2026-02-27"),
	}}
	b := Snapshot{AsOf: day("2026-02-28"), MatchKey: diagnostic.MatchRecordID, Deals: []diagnostic.Deal{
		closed("D1", diagnostic.DealWon, 1000, "2026-02-14"), closed("D2", diagnostic.DealLost, 2000, "2026-02-19"),
		open("D3", 3000, "2026-04-30"), open("D4", 4000, "2026-03-15"), open("D5", 6500, "2026-03-31"),
		open("D6", 5000, "2026-03-31"), open("D8", 800, "2026-03-31"), closed("D9", diagnostic.DealWon, 900, "2026-01-10"),
		open("D10", 1200, "2026-05-31"), closed("D11", diagnostic.DealWon, 1500, "2026-02-10"),
		open("D12", 2500, "2026-02-10"), closed("D13", diagnostic.DealWon, 1300, "2026-02-25"),
	}}
	return a, b
}

func TestComputeKnownMovements(t *testing.T) {
	a, b := twoExports()
	d, err := Compute(a, b)
	if err != nil {
		t.Fatal(err)
	}
	want := map[Category]Movement{
		New: {2, 2700}, Won: {3, 3800}, Lost: {1, 2000}, Pushed: {1, 3000}, PulledIn: {1, 4000},
		Increased: {2, 1800}, Decreased: {1, 1000}, Removed: {1, 7000}, Unchanged: {2, 3300},
	}
	for _, c := range Categories() {
		if d.Moves[c] != want[c] {
			t.Errorf("%s = %+v, want %+v", c, d.Moves[c], want[c])
		}
		if len(d.Deals[c]) != want[c].Count {
			t.Errorf("%s lists %d deals, want %d", c, len(d.Deals[c]), want[c].Count)
		}
	}
	if d.StartOpen != (Movement{10, 32300}) || d.EndOpen != (Movement{7, 23000}) {
		t.Errorf("start %+v end %+v, want {10 32300} {7 23000}", d.StartOpen, d.EndOpen)
	}
	if d.Reconciled() != d.EndOpen.Amount {
		t.Errorf("reconciled %v, end %v", d.Reconciled(), d.EndOpen.Amount)
	}
	s := d.Slippage
	if s.Compared != 6 || s.Pushed != 1 || *s.SharePushed != 1.0/6 || *s.AvgDaysPush != 61 {
		t.Errorf("slippage %+v (share %v, days %v), want 6 compared, 1 pushed by 61 days", s, *s.SharePushed, *s.AvgDaysPush)
	}
	if s.PastDue != (Movement{1, 2500}) || s.Enough || s.Confidence != "low" || s.Interval == nil || s.Interval[0] > 1.0/6 || s.Interval[1] < 1.0/6 {
		t.Errorf("past due %+v enough %v confidence %s interval %v", s.PastDue, s.Enough, s.Confidence, s.Interval)
	}
	if got := d.Deals[Pushed][0]; got.ID != "D3" || got.DaysShifted != 61 || !got.FromClose.Equal(day("2026-02-28")) {
		t.Errorf("pushed deal %+v", got)
	}
	if _, err := Compute(b, a); err == nil {
		t.Error("a later start snapshot was accepted")
	}
}

// TestComputeReconciles checks on random snapshot pairs that the open
// pipeline at the start plus the movements is the open pipeline at the end,
// in count and amount, and that every deal open at both ends is in exactly
// one of pushed, pulled in, unchanged or an amount change.
func TestComputeReconciles(t *testing.T) {
	for seed := range 300 {
		r := rand.New(rand.NewPCG(uint64(seed), 18))
		a := Snapshot{AsOf: day("2026-01-31"), MatchKey: diagnostic.MatchRecordID}
		b := Snapshot{AsOf: day("2026-03-31"), MatchKey: diagnostic.MatchRecordID}
		statuses := []diagnostic.DealStatus{diagnostic.DealOpen, diagnostic.DealOpen, diagnostic.DealWon, diagnostic.DealLost}
		for i := range 40 {
			id := strconv.Itoa(i)
			mk := func(asOf time.Time) diagnostic.Deal {
				st := statuses[r.IntN(len(statuses))]
				amt := float64(r.IntN(50)) * 100
				if st == diagnostic.DealOpen {
					d := open(id, amt, "")
					if r.IntN(4) > 0 {
						d.ExpectedClose = asOf.AddDate(0, 0, r.IntN(120)-30)
					}
					return d
				}
				return closed(id, st, amt, asOf.AddDate(0, 0, -r.IntN(60)).Format("2006-01-02"))
			}
			if r.IntN(5) > 0 {
				a.Deals = append(a.Deals, mk(a.AsOf))
			}
			if r.IntN(5) > 0 {
				b.Deals = append(b.Deals, mk(b.AsOf))
			}
		}
		d, err := Compute(a, b)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(d.Reconciled()-d.EndOpen.Amount) > 1e-6 {
			t.Fatalf("seed %d: start %v + movements = %v, end %v", seed, d.StartOpen.Amount, d.Reconciled(), d.EndOpen.Amount)
		}
		if n := d.StartOpen.Count + d.Moves[New].Count - d.Moves[Won].Count - d.Moves[Lost].Count - d.Moves[Removed].Count; n != d.EndOpen.Count {
			t.Fatalf("seed %d: counts give %d open at the end, want %d", seed, n, d.EndOpen.Count)
		}
		for c, m := range d.Moves {
			sum := 0.0
			for _, ch := range d.Deals[c] {
				sum += ch.Amount
			}
			if math.Abs(sum-m.Amount) > 1e-6 || len(d.Deals[c]) != m.Count {
				t.Fatalf("seed %d: %s totals %+v but its deals sum to %v (%d)", seed, c, m, sum, len(d.Deals[c]))
			}
		}
	}
}

func TestComputeFallbackKey(t *testing.T) {
	a := Snapshot{AsOf: day("2026-01-31"), MatchKey: diagnostic.MatchNameCreated, Deals: []diagnostic.Deal{open("row-2", 100, "")}}
	b := Snapshot{AsOf: day("2026-02-28"), MatchKey: diagnostic.MatchNameCreated, Deals: []diagnostic.Deal{open("row-7", 150, "")}}
	b.Deals[0].Name = a.Deals[0].Name
	d, err := Compute(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if d.Moves[Increased] != (Movement{1, 50}) || d.Moves[New].Count != 0 || d.Moves[Removed].Count != 0 {
		t.Errorf("matched by name and creation day: %+v", d.Moves)
	}
}

package kpi

import (
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// dealFixture: six deals around January–April 2024.
//
//	D1 won  1000 created 2023-12-01 closed 2024-01-11  cycle 41 days
//	D2 won  3000 created 2024-01-05 closed 2024-01-25  cycle 20 days
//	D3 lost  500 created 2024-01-02 closed 2024-01-31  (Wed; its week spans into February)
//	D4 won  2000 created 2024-01-20 closed 2024-02-01  cycle 12 days (Thu of the same week: February)
//	D5 open 4000 created 2024-02-10
//	D6 lost 1000 created 2024-01-15 closed 2024-03-05
//	D7 open  700 created 2024-04-03
func dealFixture() []diagnostic.Deal {
	d := func(id string, st diagnostic.DealStatus, amt float64, created, closed string) diagnostic.Deal {
		x := diagnostic.Deal{ExternalID: id, Status: st, Amount: amt, Created: day(created)}
		if closed != "" {
			x.Closed = day(closed)
		}
		return x
	}
	return []diagnostic.Deal{
		d("D1", diagnostic.DealWon, 1000, "2023-12-01", "2024-01-11"),
		d("D2", diagnostic.DealWon, 3000, "2024-01-05", "2024-01-25"),
		d("D3", diagnostic.DealLost, 500, "2024-01-02", "2024-01-31"),
		d("D4", diagnostic.DealWon, 2000, "2024-01-20", "2024-02-01"),
		d("D5", diagnostic.DealOpen, 4000, "2024-02-10", ""),
		d("D6", diagnostic.DealLost, 1000, "2024-01-15", "2024-03-05"),
		d("D7", diagnostic.DealOpen, 700, "2024-04-03", ""),
	}
}

func TestDealFormulasMonthly(t *testing.T) {
	in := Inputs{Deals: dealFixture(), Observations: []diagnostic.Observation{
		obs("quota", "2024-01", 5000), obs("quota", "2024-02", 6000),
	}}
	r := compute(t, in, "2024-01", "2024-04", Month)
	// January: won D1+D2 (2 deals, 4000), lost D3.
	wantValue(t, r, "deals_won 2024-01", 2)
	wantValue(t, r, "avg_deal_size 2024-01", 2000)    // 4000 ÷ 2
	wantValue(t, r, "win_rate 2024-01", 2.0/3)        // 2 ÷ (2 + 1)
	wantValue(t, r, "sales_cycle_days 2024-01", 30.5) // (41 + 20) ÷ 2
	wantValue(t, r, "sales_cycle_median_days 2024-01", 30.5)
	wantValue(t, r, "quota_attainment 2024-01", 0.8) // 4000 ÷ 5000
	wantValue(t, r, "pipeline_value 2024-01", 3000)  // open at end of January: D4 2000 + D6 1000
	// Velocity: 4 deals created in January (D2, D3, D4, D6) × 2/3 × 2000 ÷ 30.5 days.
	wantValue(t, r, "pipeline_velocity 2024-01", 4*(2.0/3)*2000/30.5)
	// February: D4 closed on the 1st (same week as D3's 31 January) counts here.
	wantValue(t, r, "deals_won 2024-02", 1)
	wantValue(t, r, "win_rate 2024-02", 1)
	wantValue(t, r, "sales_cycle_days 2024-02", 12)
	wantValue(t, r, "pipeline_value 2024-02", 5000)   // D5 4000 + D6 1000
	wantValue(t, r, "pipeline_coverage 2024-02", 0.5) // pipeline at end of January 3000 ÷ quota 6000
	// March: only a lost deal closed: win rate 0, no average deal size.
	wantValue(t, r, "deals_won 2024-03", 0)
	wantValue(t, r, "win_rate 2024-03", 0)
	wantMissing(t, r, "avg_deal_size 2024-03", "won deals=0")
	wantMissing(t, r, "sales_cycle_days 2024-03", "won deals with created date=0")
	wantValue(t, r, "pipeline_value 2024-03", 4000)
	// April: no deal closed at all: win rate not available (zero denominator), never 0.
	wantValue(t, r, "deals_won 2024-04", 0)
	wantMissing(t, r, "win_rate 2024-04", "closed deals=0")
	wantValue(t, r, "pipeline_value 2024-04", 4700)
	// No quota in March: coverage names it.
	wantMissing(t, r, "pipeline_coverage 2024-03", "quota")
}

func TestDealFormulasQuarter(t *testing.T) {
	r := compute(t, Inputs{Deals: dealFixture()}, "2024-01", "2024-03", Quarter)
	// Q1: won D1, D2, D4 (6000), lost D3, D6.
	wantValue(t, r, "deals_won 2024-Q1", 3)
	wantValue(t, r, "win_rate 2024-Q1", 0.6)               // 3 ÷ 5, not the mean of monthly rates
	wantValue(t, r, "avg_deal_size 2024-Q1", 2000)         // 6000 ÷ 3
	wantValue(t, r, "sales_cycle_days 2024-Q1", 73.0/3)    // (41 + 20 + 12) ÷ 3
	wantValue(t, r, "sales_cycle_median_days 2024-Q1", 20) // median of 12, 20, 41
	wantValue(t, r, "pipeline_value 2024-Q1", 4000)        // at the end of March
}

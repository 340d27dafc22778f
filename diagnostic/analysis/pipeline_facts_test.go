package analysis

import (
	"strconv"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/pipeline"
)

// TestPipelineFacts: a company with a year of deals (40 closed a month,
// a quarter won at 1,000), 40 open deals of 1,000 of which 12 are past
// their expected close date, and a slippage of 40 % over 50 compared deals:
// the facts are exact, and each stays unknown below its evidence minimum.
func TestPipelineFacts(t *testing.T) {
	asOf := time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)
	var deals []diagnostic.Deal
	for m := range 12 {
		for i := range 40 {
			closed := day(2025, time.Month(m+1), 1+i%28)
			st := diagnostic.DealLost
			if i%4 == 0 {
				st = diagnostic.DealWon
			}
			deals = append(deals, diagnostic.Deal{ExternalID: strconv.Itoa(m*100 + i), Status: st, Amount: 1000, Created: closed.AddDate(0, 0, -30), Closed: closed})
		}
	}
	for i := range 40 {
		exp := day(2026, 3, 1)
		if i < 12 {
			exp = day(2025, 12, 1)
		}
		deals = append(deals, diagnostic.Deal{ExternalID: "o" + strconv.Itoa(i), Status: diagnostic.DealOpen, Amount: 1000, Created: day(2025, 11, 1), ExpectedClose: exp})
	}
	share := 0.4
	snap := Snapshot{Profile: diagnostic.Profile{Name: "P", Currency: "EUR", Language: locale.EN}, Deals: deals, AsOf: asOf,
		Slippage: &pipeline.Slippage{Compared: 50, Pushed: 20, SharePushed: &share, Enough: true}}
	a := mustAnalyse(t, snap, locale.EN)
	f := a.facts()
	// Won in Oct–Dec 2025: 3 × 10 × 1,000 = 30,000; win rate 25 % → need
	// 120,000; open 40,000 → 1 − 40/120 = 2/3 short.
	if f.PushedShare != 0.4 || !near(f.PastDueShare, 0.3) || !near(f.CoverageShortfall, 2.0/3) {
		t.Errorf("pushed %v past due %v coverage shortfall %v", f.PushedShare, f.PastDueShare, f.CoverageShortfall)
	}
	// The compact form a large organisation is loaded in (the store's
	// column chunks, Deals empty) gives the same facts.
	var buf []byte
	for i := range deals {
		buf = kpi.EncodeDeal(buf, &deals[i])
	}
	compact := snap
	compact.Deals, compact.DealTable = nil, &kpi.DealTable{}
	if err := compact.DealTable.AppendEncoded(buf, len(deals)); err != nil {
		t.Fatal(err)
	}
	if g := mustAnalyse(t, compact, locale.EN).facts(); g.PastDueShare != f.PastDueShare || g.CoverageShortfall != f.CoverageShortfall {
		t.Errorf("from column chunks: past due %v coverage shortfall %v, want %v and %v", g.PastDueShare, g.CoverageShortfall, f.PastDueShare, f.CoverageShortfall)
	}
	snap.Slippage.Enough = false
	snap.Deals = deals[:len(deals)-20] // 20 open deals with a date: below 30
	f = mustAnalyse(t, snap, locale.EN).facts()
	if f.PushedShare != 0 || f.PastDueShare != 0 {
		t.Errorf("below the minimums: pushed %v past due %v", f.PushedShare, f.PastDueShare)
	}
}

package kpi

import (
	"slices"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// TestQualityFindsEachProblem plants one of each problem in clean records
// and checks it is found, counted and tied to the KPIs it touches.
func TestQualityFindsEachProblem(t *testing.T) {
	var deals []diagnostic.Deal
	for i := range 20 {
		closed := day("2024-01-10").AddDate(0, i/2, 0)
		deals = append(deals, diagnostic.Deal{ExternalID: string(rune('a' + i)), Status: diagnostic.DealWon, Amount: 1000,
			Created: closed.AddDate(0, 0, -30), Closed: closed})
	}
	clean := AssessQuality(Inputs{Deals: deals}, day("2025-01-01"))
	if len(clean.Issues) != 0 {
		t.Fatalf("clean deals: %+v", clean.Issues)
	}
	deals[0].Amount = 0                                                       // without amount
	deals[1].Status, deals[1].Closed = diagnostic.DealOpen, day("2024-06-01") // open, close date past
	deals[2].Created = deals[2].Closed                                        // 0-day cycle
	deals[3].Amount = 500000                                                  // 500 × median
	deals = append(deals, deals[4])                                           // duplicate id
	q := AssessQuality(Inputs{Deals: deals}, day("2025-01-01"))
	want := map[string]string{QDealNoAmount: "a", QDealOpenPastClose: "b", QDealZeroCycle: "c", QDealHugeAmount: "d", QDealDuplicate: "e"}
	for code, ex := range want {
		i := slices.IndexFunc(q.Issues, func(is QualityIssue) bool { return is.Code == code })
		if i < 0 || q.Issues[i].Count != 1 || q.Issues[i].Total != 21 || !slices.Equal(q.Issues[i].Examples, []string{ex}) || len(q.Issues[i].KPIs) == 0 {
			t.Errorf("%s: %+v", code, q.Issues)
		}
	}
	// One in 21 (4.8 %) is under the 5 % that lowers confidence.
	if n, _ := q.Downgrade("avg_deal_size"); n != 0 {
		t.Errorf("downgrade for 1 of 21: %d", n)
	}
	// Customers: no MRR in 3 of 10 (30 %) lowers MRR to low confidence.
	var custs []diagnostic.Customer
	for i := range 10 {
		c := diagnostic.Customer{ExternalID: string(rune('k' + i)), Start: day("2024-01-01"), MRR: 100}
		if i < 3 {
			c.MRR = 0
		}
		custs = append(custs, c)
	}
	custs[9].Churned = true
	q = AssessQuality(Inputs{Customers: custs}, day("2025-01-01"))
	if n, codes := q.Downgrade("mrr"); n != 2 || !slices.Contains(codes, QCustNoMRR) {
		t.Errorf("mrr downgrade %d %v", n, codes)
	}
	if n, codes := q.Downgrade("logo_churn"); n != 1 || !slices.Contains(codes, QCustChurnNoEnd) {
		t.Errorf("churn downgrade %d %v (1 of 10 churned without end)", n, codes)
	}
	rows := compute(t, Inputs{Customers: custs}, "2024-06", "2024-06", Month)
	if r := rows["mrr 2024-06"]; r.Confidence != Low || !slices.Contains(r.Quality, QCustNoMRR) {
		t.Errorf("MRR row confidence %s quality %v", r.Confidence, r.Quality)
	}
	// An open deal without a close date, created two years before: stale
	// (older than max(180 days, 3 × the 30-day median cycle)); one created
	// 100 days before is not.
	open := []diagnostic.Deal{deals[5], deals[6],
		{ExternalID: "old", Status: diagnostic.DealOpen, Amount: 1, Created: day("2023-01-01")},
		{ExternalID: "new", Status: diagnostic.DealOpen, Amount: 1, Created: day("2024-09-23")}}
	q = AssessQuality(Inputs{Deals: open}, day("2025-01-01"))
	if i := slices.IndexFunc(q.Issues, func(is QualityIssue) bool { return is.Code == QDealOpenStale }); i < 0 || !slices.Equal(q.Issues[i].Examples, []string{"old"}) {
		t.Errorf("stale open deals: %+v", q.Issues)
	}
	// Months without data: deals in January and April only.
	gap := []diagnostic.Deal{
		{ExternalID: "x", Status: diagnostic.DealWon, Amount: 1, Created: day("2024-01-02"), Closed: day("2024-01-20")},
		{ExternalID: "y", Status: diagnostic.DealWon, Amount: 1, Created: day("2024-04-02"), Closed: day("2024-04-20")},
	}
	q = AssessQuality(Inputs{Deals: gap}, day("2025-01-01"))
	i := slices.IndexFunc(q.Issues, func(is QualityIssue) bool { return is.Code == QMonthsWithoutData })
	if i < 0 || q.Issues[i].Count != 2 || q.Issues[i].Total != 4 || !slices.Equal(q.Issues[i].Examples, []string{"2024-02", "2024-03"}) {
		t.Errorf("months without data: %+v", q.Issues)
	}
}

package kpi

import (
	"math"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

func TestDataRange(t *testing.T) {
	if _, _, ok := DataRange(Inputs{}); ok {
		t.Error("empty inputs have a data range")
	}
	in := Inputs{
		Observations: []diagnostic.Observation{obs("revenue", "2024-05", 1)},
		Deals:        []diagnostic.Deal{{Created: day("2023-11-20"), Closed: day("2024-02-01"), Status: diagnostic.DealWon}},
		Customers:    []diagnostic.Customer{{ExternalID: "A", Start: day("2024-01-01"), End: day("2024-07-15")}},
		Leads:        []diagnostic.Lead{{Created: day("2024-03-03")}},
	}
	from, to, ok := DataRange(in)
	if !ok || from != mon("2023-11") || to != mon("2024-07") {
		t.Errorf("DataRange = %s..%s %v", from, to, ok)
	}
}

// TestMessyRecordsNeverPanicOrLeakNaN feeds inconsistent records: a deal
// closed before it was created, deals without dates, a won deal without a
// close date, NaN and infinite observations, a customer without a start.
func TestMessyRecordsNeverPanicOrLeakNaN(t *testing.T) {
	in := Inputs{
		Deals: []diagnostic.Deal{
			{Status: diagnostic.DealWon, Amount: 100, Created: day("2024-03-10"), Closed: day("2024-02-01")},
			{Status: diagnostic.DealOpen, Amount: 50},
			{Status: diagnostic.DealWon, Amount: 70, Created: day("2024-01-05")},
			{Status: diagnostic.DealLost, Amount: 10, Created: day("1990-01-01"), Closed: day("2030-01-01")},
		},
		Customers: []diagnostic.Customer{{ExternalID: "X", MRR: 10}, {ExternalID: "Y", Start: day("2024-02-01"), End: day("2024-01-01"), MRR: 5}},
		Observations: []diagnostic.Observation{
			{Metric: "revenue", Month: mon("2024-01"), Value: math.NaN()},
			{Metric: "revenue", Month: mon("2024-02"), Value: math.Inf(1)},
			obs("mqls", "2024-01", 0), obs("sqls", "2024-01", 0),
		},
		Transactions: []diagnostic.Transaction{{Date: time.Time{}, Amount: 5}},
	}
	for _, g := range []Grain{Month, Quarter, Year} {
		rows, err := Compute(in, mon("2023-12"), mon("2024-04"), g)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			if r.Value != nil && (math.IsNaN(*r.Value) || math.IsInf(*r.Value, 0)) {
				t.Errorf("%s %s = %v", r.KPI, r.Period, *r.Value)
			}
			if r.Value == nil && len(r.Missing) == 0 {
				t.Errorf("%s %s: no value and nothing named missing", r.KPI, r.Period)
			}
		}
	}
}

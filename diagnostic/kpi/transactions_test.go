package kpi

import (
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic"
)

func TestTransactionFormulas(t *testing.T) {
	p := func(v float64) *float64 { return &v }
	tx := []diagnostic.Transaction{
		{OrderID: "O1", Date: day("2024-01-03"), Amount: 100, Profit: p(40)},
		{OrderID: "O1", Date: day("2024-01-03"), Amount: 50, Profit: p(10)},
		{OrderID: "O2", Date: day("2024-01-31"), Amount: 250, Profit: p(100)},
		{OrderID: "O3", Date: day("2024-02-01"), Amount: 300, Profit: nil}, // no profit column value
	}
	in := Inputs{Transactions: tx, Observations: []diagnostic.Observation{obs("revenue", "2024-01", 99999)}}
	r := compute(t, in, "2024-01", "2024-02", Month)
	wantValue(t, r, "revenue 2024-01", 400)            // transactions win over the typed input
	wantValue(t, r, "gross_margin 2024-01", 150.0/400) // (40 + 10 + 100) ÷ 400
	wantValue(t, r, "avg_order_value 2024-01", 200)    // 400 ÷ 2 orders (O1 has two lines)
	wantValue(t, r, "avg_order_value 2024-02", 300)
	wantMissing(t, r, "gross_margin 2024-02", "transaction profit")
}

package kpi

import (
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// syntheticDeals makes n deals created over 2023–2024, a third open, the
// rest won or lost 1–120 days after creation.
func syntheticDeals(n int) []diagnostic.Deal {
	r := rand.New(rand.NewPCG(1, 2))
	start := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	deals := make([]diagnostic.Deal, n)
	for i := range deals {
		created := start.Add(time.Duration(r.IntN(700*24)) * time.Hour)
		d := diagnostic.Deal{Status: diagnostic.DealOpen, Amount: float64(1000 + r.IntN(50000)), Created: created}
		switch r.IntN(3) {
		case 0:
			d.Status = diagnostic.DealWon
			d.Closed = created.AddDate(0, 0, 1+r.IntN(120))
		case 1:
			d.Status = diagnostic.DealLost
			d.Closed = created.AddDate(0, 0, 1+r.IntN(120))
		}
		deals[i] = d
	}
	return deals
}

// BenchmarkCompute1MDeals computes every KPI for 24 months from 1,000,000
// deals (target: under 1 s per run). Run with -benchtime=1x.
func BenchmarkCompute1MDeals(b *testing.B) {
	in := Inputs{Deals: syntheticDeals(1_000_000), Profile: diagnostic.Profile{Industry: "saas", Segment: "smb", Currency: "USD"}}
	from, to := mon("2023-01"), mon("2024-12")
	if _, err := LoadCatalogue(); err != nil {
		b.Fatal(err)
	}
	if _, err := Benchmarks(); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		rows, err := Compute(in, from, to, Month)
		if err != nil || len(rows) < 24*31 {
			b.Fatalf("%d rows, %v", len(rows), err)
		}
	}
}

// BenchmarkCompute100kCustomers computes every KPI for 24 months from
// 100,000 subscription records (a tenth of them churned).
func BenchmarkCompute100kCustomers(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 4))
	start := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	cs := make([]diagnostic.Customer, 100_000)
	for i := range cs {
		c := diagnostic.Customer{ExternalID: strconv.Itoa(i), Start: start.Add(time.Duration(r.IntN(1000*24)) * time.Hour), MRR: float64(50 + r.IntN(500))}
		if r.IntN(10) == 0 {
			c.End = c.Start.AddDate(0, 1+r.IntN(12), 0)
		}
		cs[i] = c
	}
	in := Inputs{Customers: cs}
	from, to := mon("2023-01"), mon("2024-12")
	b.ResetTimer()
	for b.Loop() {
		if _, err := Compute(in, from, to, Month); err != nil {
			b.Fatal(err)
		}
	}
}

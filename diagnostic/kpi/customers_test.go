package kpi

import (
	"math"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// customerFixture:
//
//	A  2023-01-10 →            MRR 100
//	B  2023-01-15 → 2024-01-20 MRR 200   churns in January 2024
//	C  2023-03-01 → 2023-06-10 MRR  50   churns in June 2023…
//	C  2024-01-05 →            MRR  80   …and returns in January 2024
//	D  2024-01-10 → 2024-01-25 MRR 300   new and gone within January
//	E  2023-06-01 → 2024-01-01 MRR 100   upgrades on 1 January…
//	E  2024-01-01 →            MRR 150   …to 150
//	F  2023-11-01 → 2024-02-10 MRR  60   churns in February…
//	F  2024-03-15 →            MRR  60   …and returns in March
//	G  2023-02-01, churn flag, no end date: cannot be placed, left out
func customerFixture() []diagnostic.Customer {
	c := func(id, start, end string, mrr float64) diagnostic.Customer {
		x := diagnostic.Customer{ExternalID: id, Start: day(start), MRR: mrr}
		if end != "" {
			x.End = day(end)
		}
		return x
	}
	return []diagnostic.Customer{
		c("A", "2023-01-10", "", 100),
		c("B", "2023-01-15", "2024-01-20", 200),
		c("C", "2023-03-01", "2023-06-10", 50),
		c("C", "2024-01-05", "", 80),
		c("D", "2024-01-10", "2024-01-25", 300),
		c("E", "2023-06-01", "2024-01-01", 100),
		c("E", "2024-01-01", "", 150),
		c("F", "2023-11-01", "2024-02-10", 60),
		c("F", "2024-03-15", "", 60),
		{ExternalID: "G", Start: day("2023-02-01"), Churned: true, MRR: 999},
	}
}

func TestCustomerFormulas(t *testing.T) {
	in := Inputs{Customers: customerFixture(), Observations: []diagnostic.Observation{
		obs("sales_marketing_spend", "2024-01", 3000), obs("sales_marketing_spend", "2024-02", 3000),
		obs("leads", "2024-01", 40),
	}}
	r := compute(t, in, "2023-06", "2024-06", Month)
	// June 2023: start cohort (end of May) A, B, C; C leaves on 10 June; E is new.
	wantValue(t, r, "logo_churn 2023-06", 1.0/3)
	// January 2024: cohort at end of December A, B, E, F (4). B leaves. D is new and
	// gone in the month (excluded); C returns (not in the cohort, not new).
	wantValue(t, r, "logo_churn 2024-01", 0.25)
	wantValue(t, r, "mrr 2024-01", 100+80+150+60) // A + C + E upgraded + F
	wantValue(t, r, "arr 2024-01", 390*12)
	wantValue(t, r, "cac 2024-01", 3000) // 3000 ÷ 1 new customer (D; C's return is not an acquisition)
	// Lead to customer from typed leads and the customer records' new
	// customers (no new_customers input, no lead records).
	wantValue(t, r, "lead_to_customer 2024-01", 1.0/40)
	// February: cohort A, C, E, F; F leaves. No new customer: CAC not available.
	wantValue(t, r, "logo_churn 2024-02", 0.25)
	wantMissing(t, r, "cac 2024-02", "new_customers=0")
	// March: cohort A, C, E; nobody leaves; F's return is not counted as kept.
	wantValue(t, r, "logo_churn 2024-03", 0)
	// Annual retention at June 2024: cohort at end of June 2023 = A 100, B 200,
	// E 100 (C left on 10 June) → 400. At end of June 2024: A 100, E 150, B gone.
	// NRR = 250 ÷ 400; GRR = (100 + min(100,150)) ÷ 400 = 200 ÷ 400.
	wantValue(t, r, "nrr 2024-06", 0.625)
	wantValue(t, r, "grr 2024-06", 0.5)
	// January 2024: cohort end of January 2023 = A, B (300); now A only.
	wantValue(t, r, "nrr 2024-01", 100.0/300)
	// Before the records reach back 12 months: named, not zero.
	wantMissing(t, r, "nrr 2023-06", "customers (2022-06)")
}

func TestCustomerChurnQuarterIsMonthlyEquivalent(t *testing.T) {
	r := compute(t, Inputs{Customers: customerFixture()}, "2024-01", "2024-03", Quarter)
	// Q1 2024: cohort at end of December A, B, E, F (4). At end of March A, E and
	// F (left in February, back in March: retained) → 1 lost, 25 % for the
	// quarter, 1 − 0.75^(1/3) = 0.091440 a month.
	wantValue(t, r, "logo_churn 2024-Q1", 1-math.Pow(0.75, 1.0/3))
}

func TestMonthlyInputFormulas(t *testing.T) {
	var o []diagnostic.Observation
	add := func(metric string, vals ...float64) {
		for i, v := range vals {
			o = append(o, obs(metric, mon("2024-01").Add(i).String(), v))
		}
	}
	add("revenue", 10000, 12000, 11000)
	add("gross_profit", 6000, 7200, 6600)
	add("net_profit", 1000, 1500, 800)
	add("marketing_spend", 1000, 1000, 1000)
	add("marketing_attributed_revenue", 3000, 2000, 4000)
	add("sales_marketing_spend", 3000, 3000, 3000)
	add("new_customers", 2, 0, 4)
	add("churned_customers", 2, 1, 3)
	add("customers_start", 100, 100, 99)
	add("leads", 200, 0, 100)
	add("mqls", 50, 0, 40)
	add("sqls", 20, 0, 10)
	add("employees", 10, 10, 12)
	add("nps_promoters", 6, 0, 5)
	add("nps_passives", 2, 0, 3)
	add("nps_detractors", 2, 0, 2)
	add("csat_positive", 45, 40, 38)
	add("csat_responses", 50, 50, 40)
	add("renewals_due", 4, 0, 2)
	add("renewals_renewed", 3, 0, 2)
	o = append(o, obs("revenue", "2023-01", 8000), obs("nps", "2024-02", 30))
	r := compute(t, Inputs{Observations: o}, "2024-01", "2024-03", Month)
	wantValue(t, r, "revenue 2024-01", 10000)
	wantValue(t, r, "revenue_growth 2024-01", 0.25)                  // (10000 − 8000) ÷ 8000
	wantMissing(t, r, "revenue_growth 2024-02", "revenue (2023-02)") // no revenue a year earlier
	wantValue(t, r, "gross_margin 2024-01", 0.6)
	wantValue(t, r, "net_margin 2024-02", 0.125)
	wantValue(t, r, "marketing_spend_share 2024-01", 0.1)
	wantValue(t, r, "romi 2024-01", 2)                  // (3000 − 1000) ÷ 1000
	wantValue(t, r, "cac 2024-01", 1500)                // 3000 ÷ 2
	wantMissing(t, r, "cac 2024-02", "new_customers=0") // zero denominator
	wantValue(t, r, "logo_churn 2024-01", 0.02)         // 2 ÷ 100
	wantValue(t, r, "lead_to_customer 2024-01", 0.01)   // 2 ÷ 200
	wantValue(t, r, "mql_to_sql 2024-01", 0.4)          // 20 ÷ 50
	wantMissing(t, r, "mql_to_sql 2024-02", "mqls=0")
	wantValue(t, r, "revenue_per_employee 2024-01", 12000) // 10000 × 12 ÷ 10
	wantValue(t, r, "nps 2024-01", 40)                     // 100 × (6 − 2) ÷ 10
	wantValue(t, r, "nps 2024-02", 30)                     // no counts (all zero): the NPS typed directly
	wantValue(t, r, "csat 2024-01", 0.9)
	wantValue(t, r, "renewal_rate 2024-01", 0.75)
	wantMissing(t, r, "renewal_rate 2024-02", "renewals_due=0")
	// ARPA = 10000 ÷ 100 = 100 a month; gross margin 0.6 → 60 a month.
	wantValue(t, r, "cac_payback_months 2024-01", 25) // 1500 ÷ 60
	wantValue(t, r, "ltv 2024-01", 3000)              // 60 ÷ 0.02
	wantValue(t, r, "ltv_to_cac 2024-01", 2)          // 3000 ÷ 1500
	wantMissing(t, r, "win_rate 2024-01", "deals")
	wantMissing(t, r, "mrr 2024-01", "customers")

	q := compute(t, Inputs{Observations: o}, "2024-01", "2024-03", Quarter)
	wantValue(t, q, "revenue 2024-Q1", 33000)
	wantValue(t, q, "gross_margin 2024-Q1", 19800.0/33000)
	wantValue(t, q, "nps 2024-Q1", 100*(11.0-4)/20) // counts summed: 11 promoters, 4 detractors, 20 answers
	// Churn: 6 lost over the quarter ÷ 100 at its start = 6 %, 1 − 0.94^(1/3) a month.
	wantValue(t, q, "logo_churn 2024-Q1", 1-math.Pow(0.94, 1.0/3))
}

// TestPrecomputedCohortsMatchScans checks the one-pass precomputation
// against the direct scan it replaces.
func TestPrecomputedCohortsMatchScans(t *testing.T) {
	pre, scan := newCustomerBook(customerFixture()), newCustomerBook(customerFixture())
	var instants []time.Time
	for m := mon("2022-12"); m.Before(mon("2024-08")); m = m.Add(1) {
		instants = append(instants, endOf(m))
	}
	var pairs [][2]int
	for i := range instants {
		for j := i; j < len(instants); j++ {
			pairs = append(pairs, [2]int{i, j})
		}
	}
	pre.precompute(instants, pairs)
	if len(pre.cohorts) == 0 || len(pre.snaps) != len(instants) {
		t.Fatal("nothing precomputed")
	}
	for _, p := range pairs {
		a, b := pre.cohort(instants[p[0]], instants[p[1]]), scan.cohort(instants[p[0]], instants[p[1]])
		if a != b {
			t.Fatalf("cohort %v: precomputed %+v, scanned %+v", p, a, b)
		}
	}
	for _, in := range instants {
		n1, m1 := pre.snapshot(in)
		n2, m2 := scan.snapshot(in)
		if n1 != n2 || m1 != m2 {
			t.Fatalf("snapshot %v: %v/%v vs %v/%v", in, n1, m1, n2, m2)
		}
	}
}

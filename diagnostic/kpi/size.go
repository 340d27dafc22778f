package kpi

import (
	"strconv"
	"unicode"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// Size is what the data say about the size of the customers and of the
// company, in US dollars (the currency of the benchmark sources); zero
// where the data cannot say. Segment is the customer segment the ACV falls
// in (SMB below $25K, enterprise above $100K, mid-market between).
type Size struct {
	ACV     float64            `json:"acv"`     // a year per customer
	ARPA    float64            `json:"arpa"`    // a month per customer
	Revenue float64            `json:"revenue"` // the company's annual revenue (ARR, or the last 12 months)
	Segment diagnostic.Segment `json:"segment"`
}

// Known reports whether the data gave any size.
func (s Size) Known() bool { return s.ACV > 0 || s.ARPA > 0 || s.Revenue > 0 }

// USDPer is the fixed exchange rate used to compare amounts with the
// benchmarks: US dollars per unit of the currency, from the ECB euro
// reference rates of 31 December 2024 (1 EUR = 1.0389 USD = 0.82918 GBP).
// Dated and fixed so that a verdict does not move with the exchange rate;
// docs/METHOD.md says why.
var USDPer = map[string]float64{
	"USD": 1,
	"EUR": 1.0389,
	"GBP": 1.0389 / 0.82918,
}

// RatesDate is the date of USDPer.
const RatesDate = "2024-12-31"

// Segment bounds on ACV in US dollars a year (Benchmarkit's segments).
const (
	SMBMaxACV       = 25000
	EnterpriseACV   = 100000
	minWonDealsSize = 5 // fewer won deals do not say what a customer is worth
)

// SegmentOfACV is the customer segment of an ACV in US dollars.
func SegmentOfACV(acv float64) diagnostic.Segment {
	switch {
	case acv <= 0:
		return ""
	case acv < SMBMaxACV:
		return diagnostic.SegmentSMB
	case acv > EnterpriseACV:
		return diagnostic.SegmentEnterprise
	}
	return diagnostic.SegmentMidMarket
}

// sizeAt reads the size at month to: ACV from the won deals of the 12
// months to it (at least minWonDealsSize), else ARPA × 12; ARPA from the
// customer records (MRR ÷ active customers), else ACV ÷ 12; revenue as ARR,
// else the revenue of the 12 months. Amounts in currency are converted with
// USDPer; an unknown currency gives no size.
func (c *calc) sizeAt(to diagnostic.Month, currency string) Size {
	rate, ok := USDPer[currency]
	if !ok {
		return Size{}
	}
	var s Size
	if r := c.value("avg_deal_size", trailing(12, to)); !r.bad() && r.n >= minWonDealsSize {
		s.ACV = r.v * rate
	}
	m := Period{Month, to}
	if r := c.arpa(m); !r.bad() && r.v > 0 {
		s.ARPA = r.v * rate
	}
	switch {
	case s.ACV == 0 && s.ARPA > 0:
		s.ACV = s.ARPA * 12
	case s.ARPA == 0 && s.ACV > 0:
		s.ARPA = s.ACV / 12
	}
	if r := c.value("arr", m); !r.bad() && r.v > 0 {
		s.Revenue = r.v * rate
	} else if r := c.value("revenue", trailing(12, to)); !r.bad() && r.v > 0 {
		s.Revenue = r.v * rate
	}
	s.Segment = SegmentOfACV(s.ACV)
	return s
}

// latestYear is the most recent four-digit year in a benchmark's year
// ("2025 (2024 data)" → 2025, "~2022" → 2022, "2019–2021" → 2021), 0 when
// undated.
func latestYear(y string) int {
	best := 0
	run := ""
	flush := func() {
		if len(run) == 4 {
			if v, err := strconv.Atoi(run); err == nil && v > best {
				best = v
			}
		}
		run = ""
	}
	for _, r := range y {
		if unicode.IsDigit(r) {
			run += string(r)
			continue
		}
		flush()
	}
	flush()
	return best
}

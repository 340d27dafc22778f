package recommend

import "slices"

// Confidence levels and the factor by which each weighs the money at
// stake in the priority.
const (
	ConfidenceHigh   = "high"
	ConfidenceMedium = "medium"
	ConfidenceLow    = "low"
)

var confidenceFactor = map[string]float64{ConfidenceHigh: 1, ConfidenceMedium: 0.7, ConfidenceLow: 0.4}

// dealKPIs are computed from closed deals, customerKPIs from the customer
// base: their confidence follows those samples.
var (
	dealKPIs = []string{"win_rate", "sales_cycle_days", "sales_cycle_median_days", "avg_deal_size", "quota_attainment",
		"pipeline_coverage", "pipeline_value", "pipeline_velocity", "deals_won"}
	customerKPIs = []string{"nrr", "grr", "logo_churn", "ltv", "ltv_to_cac", "renewal_rate", "cac_payback_months"}
)

// confidence is how far a finding's figures can be trusted. A KPI finding
// takes the confidence of its row (docs/METHOD.md, "Evidence"); a row
// without one follows its sample: closed deals of the last 12 months for deal KPIs (60
// or more high, 20 or more medium), active customers for customer KPIs
// (100 / 30), months of data for the rest (12 / 6). Findings on answers,
// the plan or the checklist are medium: what people say, not measured.
// Preliminary data are always low.
func (e *evaluator) confidence(f fact) string {
	if e.in.Preliminary {
		return ConfidenceLow
	}
	r, isKPI := e.latest[f.subject]
	if isKPI && r.Confidence != "" {
		return string(r.Confidence) // the KPI's own evidence (window, sample, data quality)
	}
	if !isKPI {
		if f.evidence.Kind == "fact_above" {
			return bySample(e.in.Facts.Customers, 100, 30)
		}
		return ConfidenceMedium
	}
	switch {
	case slices.Contains(dealKPIs, f.subject):
		return bySample(e.in.Facts.ClosedDeals12, 60, 20)
	case slices.Contains(customerKPIs, f.subject):
		return bySample(e.in.Facts.Customers, 100, 30)
	}
	return bySample(e.in.Facts.Months, 12, 6)
}

func bySample(n, high, medium int) string {
	switch {
	case n >= high:
		return ConfidenceHigh
	case n >= medium:
		return ConfidenceMedium
	}
	return ConfidenceLow
}

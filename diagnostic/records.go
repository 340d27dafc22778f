package diagnostic

import "time"

// DealStatus is where a deal stands.
type DealStatus string

// The deal statuses every CRM stage vocabulary is mapped to.
const (
	DealOpen DealStatus = "open"
	DealWon  DealStatus = "won"
	DealLost DealStatus = "lost"
)

// Deal is one opportunity from a CRM export. Closed is zero for open deals;
// Created may be zero when the export lacks it.
type Deal struct {
	ExternalID string     `json:"id"`
	Name       string     `json:"name,omitempty"`
	Stage      string     `json:"stage,omitempty"` // the CRM's own stage name
	Status     DealStatus `json:"status"`
	Amount     float64    `json:"amount"`
	Currency   string     `json:"currency,omitempty"`
	Created    time.Time  `json:"created,omitzero"`
	Closed     time.Time  `json:"closed,omitzero"`
	// ExpectedClose is an open deal's expected close date (the CRM's close
	// date while the deal is open); zero when the export has none.
	ExpectedClose time.Time `json:"expected_close,omitzero"`
	Owner         string    `json:"owner,omitempty"`
	Source        string    `json:"source,omitempty"`
	Pipeline      string    `json:"pipeline,omitempty"`
	// ForecastCategory is the CRM's forecast category as exported
	// ("Commit", "Best case", "Pipeline", "Omitted"…); "" when the export
	// has none. pipeline.Category reads it.
	ForecastCategory string `json:"forecast_category,omitempty"`
}

// Customer is one customer or subscription. End is zero while active;
// Churned is set when the export carries a churn flag without an end date.
type Customer struct {
	ExternalID string    `json:"id"`
	Start      time.Time `json:"start,omitzero"`
	End        time.Time `json:"end,omitzero"`
	Churned    bool      `json:"churned"`
	MRR        float64   `json:"mrr"`
	Plan       string    `json:"plan,omitempty"`
}

// Transaction is one order line or invoice line.
type Transaction struct {
	OrderID  string    `json:"order_id,omitempty"`
	Date     time.Time `json:"date"`
	Amount   float64   `json:"amount"`
	Profit   *float64  `json:"profit,omitempty"` // nil when the file has no profit column
	Customer string    `json:"customer,omitempty"`
}

// LeadStage is how far a lead has progressed through the funnel.
type LeadStage string

// The funnel stages of a lead.
const (
	StageLead     LeadStage = "lead"
	StageMQL      LeadStage = "mql"
	StageSQL      LeadStage = "sql"
	StageCustomer LeadStage = "customer"
)

// Lead is one lead from a marketing export.
type Lead struct {
	ExternalID string    `json:"id"`
	Created    time.Time `json:"created"`
	Source     string    `json:"source,omitempty"`
	Stage      LeadStage `json:"stage"`
}

// Source says where a KPI value came from.
type Source string

// Where KPI values come from; an import is identified as "import:<id>".
const (
	SourceManual  Source = "manual"
	SourceDerived Source = "derived"
)

// Observation is one monthly value of a KPI or of an input (revenue, new
// customers, marketing spend…), the unit of KPI data in the store.
type Observation struct {
	Metric string  `json:"metric"` // KPI id or input id
	Month  Month   `json:"period"`
	Value  float64 `json:"value"`
	Source Source  `json:"source"`
}

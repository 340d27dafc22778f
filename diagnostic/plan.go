package diagnostic

import "time"

// Objective is a business objective KPIs are mapped to.
type Objective string

// The objectives of the method; each suggests KPIs from the catalogue.
const (
	ObjGrowRevenue         Objective = "grow_revenue"
	ObjSalesEfficiency     Objective = "sales_efficiency"
	ObjMarketingEfficiency Objective = "marketing_efficiency"
	ObjRetainExpand        Objective = "retain_expand"
	ObjProfitability       Objective = "profitability"
	ObjSatisfaction        Objective = "customer_satisfaction"
)

// allObjectives lists every objective in display order.
var allObjectives = []Objective{ObjGrowRevenue, ObjSalesEfficiency, ObjMarketingEfficiency, ObjRetainExpand, ObjProfitability, ObjSatisfaction}

// Objectives returns a copy of the list above: callers may change it without
// changing it for everyone else.
func Objectives() []Objective { return append([]Objective(nil), allObjectives...) }

// Cadence is how often a KPI is reviewed.
type Cadence string

// The review cadences.
const (
	CadenceWeekly    Cadence = "weekly"
	CadenceMonthly   Cadence = "monthly"
	CadenceQuarterly Cadence = "quarterly"
)

// Target is a KPI's target value to be reached by a month. Targets change
// over time, so a plan keeps a dated list; SetOn is when it was set.
type Target struct {
	Value float64   `json:"value"`
	By    Month     `json:"by"`
	SetOn time.Time `json:"set_on,omitzero"`
}

// PlanItem is one KPI of an organisation's KPI plan.
type PlanItem struct {
	KPI     string   `json:"kpi"`
	Owner   string   `json:"owner,omitempty"` // person or team
	Cadence Cadence  `json:"cadence,omitempty"`
	Targets []Target `json:"targets,omitempty"` // ordered by SetOn
	Retired bool     `json:"retired,omitempty"`
}

// Unit is how a KPI's value is expressed. Percentages are fractions
// (0.215 is 21.5 %).
type Unit string

// The units of KPI values.
const (
	UnitMoney   Unit = "money"
	UnitPercent Unit = "percent"
	UnitRatio   Unit = "ratio"
	UnitDays    Unit = "days"
	UnitMonths  Unit = "months"
	UnitCount   Unit = "count"
	UnitScore   Unit = "score"
)

// Direction says whether higher or lower values of a KPI are better.
type Direction string

// The directions of a KPI.
const (
	HigherIsBetter Direction = "higher"
	LowerIsBetter  Direction = "lower"
)

// CustomKPI is a KPI a user added to the catalogue for one organisation.
type CustomKPI struct {
	ID        string    `json:"id"`
	NameES    string    `json:"name_es"`
	NameEN    string    `json:"name_en"`
	Unit      Unit      `json:"unit"`
	Direction Direction `json:"direction"`
	Cadence   Cadence   `json:"cadence"`
}

package analysis

import (
	"fmt"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
)

// kpiInputs is the KPI engine's view of the snapshot.
func (a *Analysis) kpiInputs() kpi.Inputs {
	s := &a.Snapshot
	return kpi.Inputs{
		Catalogue:    a.Catalogue,
		Observations: s.Observations,
		Deals:        s.Deals,
		DealTable:    s.DealTable,
		Customers:    s.Customers,
		Transactions: s.Transactions,
		Leads:        s.Leads,
		Plan:         s.Plan,
		Profile:      s.Profile,
	}
}

// Window is the most months the KPI rows cover, ending with the latest
// month with data (never past the month of AsOf). Older data still feeds
// year-on-year changes, trends and 12-month retention.
const Window = 24

// computeKPIs computes every KPI monthly from the first month with data to
// the last one, never past the month of AsOf and at most Window months,
// and picks the scorecard.
func (a *Analysis) computeKPIs() error {
	in := a.kpiInputs()
	from, to, ok := kpi.DataRange(in)
	if !ok {
		return nil
	}
	if asOf := diagnostic.MonthOf(a.Snapshot.AsOf); asOf.Before(to) {
		to = asOf
	}
	if to.Before(from) {
		return nil // all the data is dated after AsOf
	}
	if start := to.Add(1 - Window); from.Before(start) {
		from = start
	}
	rows, err := kpi.Compute(in, from, to, kpi.Month)
	if err != nil {
		return fmt.Errorf("computing KPIs %s to %s: %w", from, to, err)
	}
	a.From, a.To, a.HasKPIData, a.KPIRows = from, to, true, rows
	a.Scorecard = scorecard(rows)
	return nil
}

// scorecard keeps, per KPI (rows are grouped by KPI in period order), the
// last row with a value, else the last row.
func scorecard(rows []kpi.Row) []kpi.Row {
	var out []kpi.Row
	for i := 0; i < len(rows); {
		j := i
		for j < len(rows) && rows[j].KPI == rows[i].KPI {
			j++
		}
		pick := rows[j-1]
		for k := j - 1; k >= i; k-- {
			if rows[k].Value != nil {
				pick = rows[k]
				break
			}
		}
		out = append(out, pick)
		i = j
	}
	return out
}

// Latest returns the scorecard row of a KPI: its latest month with a value
// (Value nil when it has none). ok is false for a KPI not computed.
func (a *Analysis) Latest(id string) (kpi.Row, bool) {
	for _, r := range a.Scorecard {
		if r.KPI == id {
			return r, true
		}
	}
	return kpi.Row{}, false
}

// Series returns a KPI's monthly rows From..To, for trend charts.
func (a *Analysis) Series(id string) []kpi.Row {
	var out []kpi.Row
	for _, r := range a.KPIRows {
		if r.KPI == id {
			out = append(out, r)
		}
	}
	return out
}

// PlanKPIs returns the active (not retired) KPI ids of the plan, in plan
// order.
func (a *Analysis) PlanKPIs() []string {
	var out []string
	for _, it := range a.Snapshot.Plan {
		if !it.Retired {
			out = append(out, it.KPI)
		}
	}
	return out
}

// PlanItem returns the plan item of a KPI.
func (a *Analysis) PlanItem(id string) (diagnostic.PlanItem, bool) {
	for _, it := range a.Snapshot.Plan {
		if it.KPI == id {
			return it, true
		}
	}
	return diagnostic.PlanItem{}, false
}

// CurrentTarget returns the target of a plan item in force at AsOf (the
// last one set by then; a target without a date set applies throughout).
func (a *Analysis) CurrentTarget(it diagnostic.PlanItem) (diagnostic.Target, bool) {
	return kpi.TargetFor(it, kpi.PeriodOf(kpi.Month, diagnostic.MonthOf(a.Snapshot.AsOf)))
}

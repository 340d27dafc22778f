package kpi

import (
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// Inputs is everything Compute works from for one organisation: monthly
// observations (inputs such as revenue or leads, or KPI values typed
// directly), raw records, the KPI plan (for targets) and the profile (for
// benchmarks). Catalogue is the catalogue to use, normally
// LoadCatalogue().WithCustom(org's custom KPIs); nil means the embedded one.
type Inputs struct {
	Catalogue    *Catalogue
	Observations []diagnostic.Observation
	Deals        []diagnostic.Deal
	// DealTable, when set, stands for Deals: the same deals in the compact
	// form the store loads for analysis (Deals is then ignored).
	DealTable    *DealTable
	Customers    []diagnostic.Customer
	Transactions []diagnostic.Transaction
	Leads        []diagnostic.Lead
	Plan         []diagnostic.PlanItem
	Profile      diagnostic.Profile
}

// DataRange returns the earliest and latest month holding any observation or
// record, and false when there is no data at all. Commands use it as the
// default --from/--to.
func DataRange(in Inputs) (from, to diagnostic.Month, ok bool) {
	add := func(m diagnostic.Month) {
		if m.IsZero() {
			return
		}
		if !ok || m.Before(from) {
			from = m
		}
		if !ok || to.Before(m) {
			to = m
		}
		ok = true
	}
	at := func(t time.Time) {
		if !t.IsZero() {
			add(diagnostic.MonthOf(t))
		}
	}
	for _, o := range in.Observations {
		add(o.Month)
	}
	dt := in.dealTable()
	for i := range dt.Len() {
		for _, x := range [2]Instant{dt.Created(i), dt.Closed(i)} {
			if !x.IsZero() {
				add(x.Month())
			}
		}
	}
	for _, c := range in.Customers {
		at(c.Start)
		at(c.End)
	}
	for _, t := range in.Transactions {
		at(t.Date)
	}
	for _, l := range in.Leads {
		at(l.Created)
	}
	return from, to, ok
}

// dealTable is the deals the engine reads: in.DealTable when set, else the
// table of in.Deals.
func (in Inputs) dealTable() *DealTable {
	if in.DealTable != nil {
		return in.DealTable
	}
	return DealTableOf(in.Deals)
}

// DealCount is the number of deals of in.
func (in Inputs) DealCount() int {
	if in.DealTable != nil {
		return in.DealTable.Len()
	}
	return len(in.Deals)
}

package usecase

import (
	"context"
	"fmt"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
	"github.com/revopsdx/revopsdx/diagnostic/workback"
)

// WorkBack works back from a revenue target to be won from asOf's month to
// the end of month by: the won deals, opportunities, pipeline and leads it
// takes at the organisation's windowed rates (the KPI engine's, over the 12
// months of data up to asOf), and the gap against today's run rate.
func WorkBack(ctx context.Context, l SnapshotLoader, orgID int64, revenue float64, by diagnostic.Month, asOf time.Time) (workback.Plan, error) {
	snap, err := LoadForAnalysis(ctx, l, orgID) // a large organisation's deals in compact form
	if err != nil {
		return workback.Plan{}, fmt.Errorf("loading organisation %d: %w", orgID, err)
	}
	cat, err := kpi.LoadCatalogue()
	if err != nil {
		return workback.Plan{}, err
	}
	if cat, err = cat.WithCustom(snap.CustomKPIs); err != nil {
		return workback.Plan{}, err
	}
	in := kpi.Inputs{Catalogue: cat, Observations: snap.Observations, Deals: snap.Deals, DealTable: snap.DealTable, Customers: snap.Customers,
		Transactions: snap.Transactions, Leads: snap.Leads, Plan: snap.Plan, Profile: snap.Profile}
	now := diagnostic.MonthOf(asOf)
	_, to, ok := kpi.DataRange(in)
	if !ok {
		return workback.Plan{}, fmt.Errorf("%q has no data to work back from: import its deals first: %w", snap.Profile.Name, diagnostic.ErrNotFound)
	}
	if now.Before(to) {
		to = now
	}
	rows, err := kpi.Compute(in, to.Add(-11), to, kpi.Month)
	if err != nil {
		return workback.Plan{}, fmt.Errorf("computing the rates: %w", err)
	}
	return workback.Compute(workback.Input{Revenue: revenue, Currency: snap.Profile.Currency, From: now, By: by, AsOf: asOf,
		Rows: rows, To: to, Deals: snap.Deals, DealTable: snap.DealTable})
}

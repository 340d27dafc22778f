package store

import (
	"context"
	"database/sql"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// Deals returns the organisation's deals created or closed within the range
// (a zero Range is every deal), in creation order. With two dated deals
// snapshots or more, each deal appears once, as the latest snapshot holding
// it shows it (see mergedDeals).
func (s *Store) Deals(ctx context.Context, orgID int64, r Range) ([]diagnostic.Deal, error) {
	if n, err := s.snapshotCount(ctx, orgID); err != nil {
		return nil, err
	} else if n > 1 {
		return s.mergedDeals(ctx, orgID, r)
	}
	list, err := s.chunkDeals(ctx, orgID, 0)
	if err != nil {
		return nil, err
	}
	return inRange(list, r), nil
}

// inRange keeps, in place, the deals created or closed within r (a zero
// Range keeps them all).
func inRange(list []diagnostic.Deal, r Range) []diagnostic.Deal {
	lo, hi := r.bounds()
	if lo == "0000" && hi == "9999" {
		return list
	}
	kept := list[:0]
	for _, d := range list {
		if inBounds(d.Created, lo, hi) || inBounds(d.Closed, lo, hi) {
			kept = append(kept, d)
		}
	}
	clear(list[len(kept):]) // let the dropped deals' texts go
	return kept
}

// Customers returns the customers active at some time in the range (started
// before its end and not ended before its start; a zero Range is every
// customer), in import order.
func (s *Store) Customers(ctx context.Context, orgID int64, r Range) ([]diagnostic.Customer, error) {
	lo, hi := r.bounds()
	rows, err := s.r.QueryContext(ctx, `SELECT external_id, start_on, end_on, churned, mrr, plan FROM customers
		WHERE org_id = ? AND (start_on IS NULL OR start_on < ?) AND (end_on IS NULL OR end_on >= ?) ORDER BY id`, orgID, hi, lo)
	if err != nil {
		return nil, classify("reading customers", err)
	}
	defer rows.Close()
	var list []diagnostic.Customer
	for rows.Next() {
		var c diagnostic.Customer
		var start, end sql.NullString
		if err := rows.Scan(&c.ExternalID, &start, &end, &c.Churned, &c.MRR, &c.Plan); err != nil {
			return nil, classify("reading customers", err)
		}
		if c.Start, err = parseNullTS(start); err != nil {
			return nil, err
		}
		if c.End, err = parseNullTS(end); err != nil {
			return nil, err
		}
		list = append(list, c)
	}
	return list, classify("reading customers", rows.Err())
}

// Transactions returns the transactions dated within the range (a zero
// Range is all), by date.
func (s *Store) Transactions(ctx context.Context, orgID int64, r Range) ([]diagnostic.Transaction, error) {
	lo, hi := r.bounds()
	rows, err := s.r.QueryContext(ctx, `SELECT order_id, date, amount, profit, customer FROM transactions
		WHERE org_id = ? AND date >= ? AND date < ? ORDER BY date, id`, orgID, lo, hi)
	if err != nil {
		return nil, classify("reading transactions", err)
	}
	defer rows.Close()
	var list []diagnostic.Transaction
	for rows.Next() {
		var t diagnostic.Transaction
		var date string
		var profit sql.NullFloat64
		if err := rows.Scan(&t.OrderID, &date, &t.Amount, &profit, &t.Customer); err != nil {
			return nil, classify("reading transactions", err)
		}
		if t.Date, err = parseTS(date); err != nil {
			return nil, err
		}
		if profit.Valid {
			t.Profit = &profit.Float64
		}
		list = append(list, t)
	}
	return list, classify("reading transactions", rows.Err())
}

// Leads returns the leads created within the range (a zero Range is all),
// by creation time.
func (s *Store) Leads(ctx context.Context, orgID int64, r Range) ([]diagnostic.Lead, error) {
	lo, hi := r.bounds()
	rows, err := s.r.QueryContext(ctx, `SELECT external_id, created, source, stage FROM leads
		WHERE org_id = ? AND created >= ? AND created < ? ORDER BY created, id`, orgID, lo, hi)
	if err != nil {
		return nil, classify("reading leads", err)
	}
	defer rows.Close()
	var list []diagnostic.Lead
	for rows.Next() {
		var l diagnostic.Lead
		var created string
		if err := rows.Scan(&l.ExternalID, &created, &l.Source, &l.Stage); err != nil {
			return nil, classify("reading leads", err)
		}
		if l.Created, err = parseTS(created); err != nil {
			return nil, err
		}
		list = append(list, l)
	}
	return list, classify("reading leads", rows.Err())
}

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
	lo, hi := r.bounds()
	rows, err := s.r.QueryContext(ctx, `SELECT `+dealSelect+`
		FROM deals d WHERE org_id = ?1 AND ((created >= ?2 AND created < ?3) OR (closed >= ?2 AND closed < ?3)
		OR (?2 = '0000' AND ?3 = '9999')) ORDER BY id`, orgID, lo, hi)
	if err != nil {
		return nil, classify("reading deals", err)
	}
	defer rows.Close()
	var list []diagnostic.Deal
	for rows.Next() {
		d, err := scanDeal(rows)
		if err != nil {
			return nil, err
		}
		list = append(list, d)
	}
	return list, classify("reading deals", rows.Err())
}

// dealSelect lists the columns scanDeal reads, of table alias d.
const dealSelect = `d.external_id, d.name, d.stage, d.status, d.amount, d.currency, d.created, d.closed, d.owner, d.source, d.pipeline, d.expected_close, d.forecast_category`

// scanDeal reads one row of dealSelect, then any extra columns into more.
func scanDeal(rows *sql.Rows, more ...any) (diagnostic.Deal, error) {
	var d diagnostic.Deal
	var created, closed, expected sql.NullString
	dest := append([]any{&d.ExternalID, &d.Name, &d.Stage, &d.Status, &d.Amount, &d.Currency, &created, &closed, &d.Owner, &d.Source, &d.Pipeline, &expected, &d.ForecastCategory}, more...)
	if err := rows.Scan(dest...); err != nil {
		return d, classify("reading deals", err)
	}
	var err error
	if d.Created, err = parseNullTS(created); err != nil {
		return d, err
	}
	if d.Closed, err = parseNullTS(closed); err != nil {
		return d, err
	}
	if d.ExpectedClose, err = parseNullTS(expected); err != nil {
		return d, err
	}
	return d, nil
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

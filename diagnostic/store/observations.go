package store

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// sourceImport is the stored source of an imported value; the import's id
// is in import_id and the API shows "import:<id>".
const sourceImport = "import"

// SetObservation saves one monthly value of a KPI or input the moment it is
// typed (source manual, or derived when the application computed it),
// replacing any earlier value of that metric and month.
func (s *Store) SetObservation(ctx context.Context, orgID int64, o diagnostic.Observation) error {
	if o.Source == "" {
		o.Source = diagnostic.SourceManual
	}
	if o.Source != diagnostic.SourceManual && o.Source != diagnostic.SourceDerived {
		return fmt.Errorf("value of %s for %s: source %q is not manual or derived (imports go through Import): %w", o.Metric, o.Month, o.Source, diagnostic.ErrInvalid)
	}
	if err := checkObservation(o); err != nil {
		return err
	}
	return s.write(ctx, fmt.Sprintf("saving %s for %s", o.Metric, o.Month), func(tx *sql.Tx) error {
		if err := s.touchOrg(ctx, tx, orgID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, upsertObservation, orgID, o.Metric, o.Month.String(), o.Value, string(o.Source), nil)
		return err
	})
}

// SetObservations saves several typed values at once (a pasted row, a
// month's inputs, generated demo data) in one transaction: all or none.
func (s *Store) SetObservations(ctx context.Context, orgID int64, list []diagnostic.Observation) error {
	for i := range list {
		if list[i].Source == "" {
			list[i].Source = diagnostic.SourceManual
		}
		if list[i].Source != diagnostic.SourceManual && list[i].Source != diagnostic.SourceDerived {
			return fmt.Errorf("value of %s for %s: source %q is not manual or derived: %w", list[i].Metric, list[i].Month, list[i].Source, diagnostic.ErrInvalid)
		}
		if err := checkObservation(list[i]); err != nil {
			return err
		}
	}
	return s.write(ctx, fmt.Sprintf("saving %d values", len(list)), func(tx *sql.Tx) error {
		if err := s.touchOrg(ctx, tx, orgID); err != nil {
			return err
		}
		st, err := tx.PrepareContext(ctx, upsertObservation)
		if err != nil {
			return err
		}
		defer st.Close()
		for _, o := range list {
			if _, err := st.ExecContext(ctx, orgID, o.Metric, o.Month.String(), o.Value, string(o.Source), nil); err != nil {
				return fmt.Errorf("%s for %s: %w", o.Metric, o.Month, err)
			}
		}
		return nil
	})
}

const upsertObservation = `INSERT INTO observations(org_id, metric, period, value, source, import_id) VALUES (?, ?, ?, ?, ?, ?)
	ON CONFLICT(org_id, metric, period) DO UPDATE SET value = excluded.value, source = excluded.source, import_id = excluded.import_id`

func checkObservation(o diagnostic.Observation) error {
	if err := checkKPIID(o.Metric); err != nil {
		return err
	}
	if o.Month.IsZero() {
		return fmt.Errorf("value of %s has no month: %w", o.Metric, diagnostic.ErrInvalid)
	}
	if math.IsNaN(o.Value) || math.IsInf(o.Value, 0) {
		return fmt.Errorf("value of %s for %s is not a number: %w", o.Metric, o.Month, diagnostic.ErrInvalid)
	}
	return nil
}

// DeleteObservation removes the value of a metric for a month.
func (s *Store) DeleteObservation(ctx context.Context, orgID int64, metric string, m diagnostic.Month) error {
	return s.write(ctx, fmt.Sprintf("deleting %s for %s", metric, m), func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM observations WHERE org_id = ? AND metric = ? AND period = ?`, orgID, metric, m.String())
		if err != nil {
			return err
		}
		if err := mustAffect(res, "value of %s for %s", metric, m); err != nil {
			return err
		}
		return s.touchOrg(ctx, tx, orgID)
	})
}

// Observations returns the organisation's monthly values in the range (a
// zero Range is everything), ordered by metric and month; with metrics,
// only those.
func (s *Store) Observations(ctx context.Context, orgID int64, r Range, metrics ...string) ([]diagnostic.Observation, error) {
	lo, hi := r.months()
	q := `SELECT metric, period, value, source, import_id FROM observations WHERE org_id = ? AND period BETWEEN ? AND ?`
	args := []any{orgID, lo, hi}
	if len(metrics) > 0 {
		q += ` AND metric IN (?` + strings.Repeat(`, ?`, len(metrics)-1) + `)`
		for _, m := range metrics {
			args = append(args, m)
		}
	}
	rows, err := s.r.QueryContext(ctx, q+` ORDER BY metric, period`, args...)
	if err != nil {
		return nil, classify("reading KPI values", err)
	}
	defer rows.Close()
	var list []diagnostic.Observation
	for rows.Next() {
		var o diagnostic.Observation
		var period, source string
		var imp sql.NullInt64
		if err := rows.Scan(&o.Metric, &period, &o.Value, &source, &imp); err != nil {
			return nil, classify("reading KPI values", err)
		}
		if o.Month, err = diagnostic.ParseMonth(period); err != nil {
			return nil, err
		}
		o.Source = diagnostic.Source(source)
		if imp.Valid {
			o.Source = ImportSource(imp.Int64)
		}
		list = append(list, o)
	}
	return list, classify("reading KPI values", rows.Err())
}

// ImportSource is the Source of a value brought by import id: "import:<id>".
func ImportSource(id int64) diagnostic.Source {
	return diagnostic.Source(sourceImport + ":" + strconv.FormatInt(id, 10))
}

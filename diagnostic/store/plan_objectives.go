package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// ApplyObjectives replaces the organisation's objectives and adds to the
// plan, last and in order, each item of suggested whose KPI is not in it
// yet (a retired KPI stays retired), in one transaction. It returns the
// KPIs it added.
func (s *Store) ApplyObjectives(ctx context.Context, orgID int64, objs []diagnostic.Objective, suggested []diagnostic.PlanItem) ([]string, error) {
	for _, o := range objs {
		if !slices.Contains(diagnostic.Objectives(), o) {
			return nil, fmt.Errorf("objective %q (use one of %v): %w", o, diagnostic.Objectives(), diagnostic.ErrInvalid)
		}
	}
	for _, it := range suggested {
		if err := checkKPIID(it.KPI); err != nil {
			return nil, err
		}
		if err := checkCadence(it.Cadence); err != nil {
			return nil, err
		}
	}
	var added []string
	err := s.write(ctx, "saving objectives and the KPI plan", func(tx *sql.Tx) error {
		if err := s.touchOrg(ctx, tx, orgID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM objectives WHERE org_id = ?`, orgID); err != nil {
			return err
		}
		for i, o := range objs {
			if _, err := tx.ExecContext(ctx, `INSERT INTO objectives(org_id, objective, position) VALUES (?, ?, ?)`, orgID, o, i); err != nil {
				return err
			}
		}
		for _, it := range suggested {
			res, err := tx.ExecContext(ctx, `INSERT INTO plan_items(org_id, kpi, owner, cadence, retired, position)
				VALUES (?1, ?2, ?3, ?4, 0, (SELECT coalesce(max(position) + 1, 0) FROM plan_items WHERE org_id = ?1))
				ON CONFLICT(org_id, kpi) DO NOTHING`, orgID, it.KPI, it.Owner, it.Cadence)
			if err != nil {
				return err
			}
			if n, err := res.RowsAffected(); err != nil {
				return err
			} else if n == 1 {
				added = append(added, it.KPI)
			}
		}
		return nil
	})
	return added, err
}

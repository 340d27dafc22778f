package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// Objectives returns the organisation's chosen objectives, in order.
func (s *Store) Objectives(ctx context.Context, orgID int64) ([]diagnostic.Objective, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT objective FROM objectives WHERE org_id = ? ORDER BY position`, orgID)
	if err != nil {
		return nil, classify("reading objectives", err)
	}
	defer rows.Close()
	var list []diagnostic.Objective
	for rows.Next() {
		var o diagnostic.Objective
		if err := rows.Scan(&o); err != nil {
			return nil, classify("reading objectives", err)
		}
		list = append(list, o)
	}
	return list, classify("reading objectives", rows.Err())
}

// SetObjectives replaces the organisation's objectives (in priority order).
func (s *Store) SetObjectives(ctx context.Context, orgID int64, objs []diagnostic.Objective) error {
	for _, o := range objs {
		if !slices.Contains(diagnostic.Objectives(), o) {
			return fmt.Errorf("objective %q (use one of %v): %w", o, diagnostic.Objectives(), diagnostic.ErrInvalid)
		}
	}
	return s.write(ctx, "saving objectives", func(tx *sql.Tx) error {
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
		return nil
	})
}

// Plan returns the organisation's KPI plan, in plan order, each item with
// its targets in the order they were set.
func (s *Store) Plan(ctx context.Context, orgID int64) ([]diagnostic.PlanItem, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT p.kpi, p.owner, p.cadence, p.retired, t.value, t.by_month, t.set_on
		FROM plan_items p LEFT JOIN targets t ON t.org_id = p.org_id AND t.kpi = p.kpi
		WHERE p.org_id = ? ORDER BY p.position, p.kpi, t.set_on, t.id`, orgID)
	if err != nil {
		return nil, classify("reading the KPI plan", err)
	}
	defer rows.Close()
	var plan []diagnostic.PlanItem
	for rows.Next() {
		var it diagnostic.PlanItem
		var val sql.NullFloat64
		var by, setOn sql.NullString
		if err := rows.Scan(&it.KPI, &it.Owner, &it.Cadence, &it.Retired, &val, &by, &setOn); err != nil {
			return nil, classify("reading the KPI plan", err)
		}
		if len(plan) == 0 || plan[len(plan)-1].KPI != it.KPI {
			plan = append(plan, it)
		}
		if val.Valid {
			t := diagnostic.Target{Value: val.Float64}
			if t.By, err = diagnostic.ParseMonth(by.String); err != nil {
				return nil, err
			}
			if t.SetOn, err = parseTS(setOn.String); err != nil {
				return nil, err
			}
			last := &plan[len(plan)-1]
			last.Targets = append(last.Targets, t)
		}
	}
	return plan, classify("reading the KPI plan", rows.Err())
}

// SetPlanItem adds a KPI to the plan or updates its owner, cadence and
// retired flag (targets are kept: see AddTarget). A new item goes last.
func (s *Store) SetPlanItem(ctx context.Context, orgID int64, it diagnostic.PlanItem) error {
	if err := checkKPIID(it.KPI); err != nil {
		return err
	}
	if err := checkCadence(it.Cadence); err != nil {
		return err
	}
	return s.write(ctx, "saving KPI "+it.KPI+" of the plan", func(tx *sql.Tx) error {
		if err := s.touchOrg(ctx, tx, orgID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO plan_items(org_id, kpi, owner, cadence, retired, position)
			VALUES (?1, ?2, ?3, ?4, ?5, (SELECT coalesce(max(position) + 1, 0) FROM plan_items WHERE org_id = ?1))
			ON CONFLICT(org_id, kpi) DO UPDATE SET owner = excluded.owner, cadence = excluded.cadence, retired = excluded.retired`,
			orgID, it.KPI, it.Owner, it.Cadence, it.Retired)
		return err
	})
}

// ReorderPlan sets the plan order: the KPIs named come first, in that
// order; the others keep their relative order after them.
func (s *Store) ReorderPlan(ctx context.Context, orgID int64, kpis []string) error {
	return s.write(ctx, "reordering the KPI plan", func(tx *sql.Tx) error {
		if err := s.touchOrg(ctx, tx, orgID); err != nil {
			return err
		}
		return reorder(ctx, tx, "plan_items", "kpi", orgID, kpis)
	})
}

// reorder renumbers the position column of an organisation's rows of table:
// the keys listed first, then the rest in their current order.
func reorder(ctx context.Context, tx *sql.Tx, table, key string, orgID int64, first []string) error {
	rows, err := tx.QueryContext(ctx, `SELECT `+key+` FROM `+table+` WHERE org_id = ? ORDER BY position, `+key, orgID)
	if err != nil {
		return err
	}
	var rest []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			rows.Close()
			return err
		}
		if !slices.Contains(first, k) {
			rest = append(rest, k)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for i, k := range append(slices.Clone(first), rest...) {
		res, err := tx.ExecContext(ctx, `UPDATE `+table+` SET position = ? WHERE org_id = ? AND `+key+` = ?`, i, orgID, k)
		if err != nil {
			return err
		}
		if err := mustAffect(res, "%s %q", key, k); err != nil {
			return err
		}
	}
	return nil
}

// RemovePlanItem takes a KPI and its targets out of the plan (retiring it
// with SetPlanItem keeps its history instead).
func (s *Store) RemovePlanItem(ctx context.Context, orgID int64, kpi string) error {
	return s.write(ctx, "removing KPI "+kpi+" from the plan", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM plan_items WHERE org_id = ? AND kpi = ?`, orgID, kpi)
		if err != nil {
			return err
		}
		if err := mustAffect(res, "KPI %s in the plan", kpi); err != nil {
			return err
		}
		return s.touchOrg(ctx, tx, orgID)
	})
}

// AddTarget appends a dated target to a KPI of the plan, adding the KPI to
// the plan when it is not there yet. A zero SetOn is now.
func (s *Store) AddTarget(ctx context.Context, orgID int64, kpi string, t diagnostic.Target) error {
	if err := checkKPIID(kpi); err != nil {
		return err
	}
	if t.By.IsZero() {
		return fmt.Errorf("target for %s needs a month to reach it by: %w", kpi, diagnostic.ErrInvalid)
	}
	if t.SetOn.IsZero() {
		t.SetOn = s.opts.Now()
	}
	return s.write(ctx, "adding a target to KPI "+kpi, func(tx *sql.Tx) error {
		if err := s.touchOrg(ctx, tx, orgID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO plan_items(org_id, kpi, position)
			VALUES (?1, ?2, (SELECT coalesce(max(position) + 1, 0) FROM plan_items WHERE org_id = ?1))
			ON CONFLICT(org_id, kpi) DO NOTHING`, orgID, kpi); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO targets(org_id, kpi, value, by_month, set_on) VALUES (?, ?, ?, ?, ?)`,
			orgID, kpi, t.Value, t.By.String(), ts(t.SetOn))
		return err
	})
}

// CustomKPIs returns the KPIs the user added for the organisation, by id.
func (s *Store) CustomKPIs(ctx context.Context, orgID int64) ([]diagnostic.CustomKPI, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, name_es, name_en, unit, direction, cadence FROM custom_kpis WHERE org_id = ? ORDER BY id`, orgID)
	if err != nil {
		return nil, classify("reading custom KPIs", err)
	}
	defer rows.Close()
	var list []diagnostic.CustomKPI
	for rows.Next() {
		var k diagnostic.CustomKPI
		if err := rows.Scan(&k.ID, &k.NameES, &k.NameEN, &k.Unit, &k.Direction, &k.Cadence); err != nil {
			return nil, classify("reading custom KPIs", err)
		}
		list = append(list, k)
	}
	return list, classify("reading custom KPIs", rows.Err())
}

// SetCustomKPI adds or replaces a custom KPI of the organisation.
func (s *Store) SetCustomKPI(ctx context.Context, orgID int64, k diagnostic.CustomKPI) error {
	if err := checkKPIID(k.ID); err != nil {
		return err
	}
	if strings.TrimSpace(k.NameES) == "" && strings.TrimSpace(k.NameEN) == "" {
		return fmt.Errorf("custom KPI %s needs a name: %w", k.ID, diagnostic.ErrInvalid)
	}
	if k.Direction != diagnostic.HigherIsBetter && k.Direction != diagnostic.LowerIsBetter {
		return fmt.Errorf("custom KPI %s: direction %q is not higher or lower: %w", k.ID, k.Direction, diagnostic.ErrInvalid)
	}
	if err := checkCadence(k.Cadence); err != nil {
		return err
	}
	return s.write(ctx, "saving custom KPI "+k.ID, func(tx *sql.Tx) error {
		if err := s.touchOrg(ctx, tx, orgID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO custom_kpis(org_id, id, name_es, name_en, unit, direction, cadence) VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT(org_id, id) DO UPDATE SET name_es = excluded.name_es, name_en = excluded.name_en, unit = excluded.unit,
			direction = excluded.direction, cadence = excluded.cadence`,
			orgID, k.ID, k.NameES, k.NameEN, k.Unit, k.Direction, k.Cadence)
		return err
	})
}

// DeleteCustomKPI removes a custom KPI (its stored values stay).
func (s *Store) DeleteCustomKPI(ctx context.Context, orgID int64, id string) error {
	return s.write(ctx, "deleting custom KPI "+id, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM custom_kpis WHERE org_id = ? AND id = ?`, orgID, id)
		if err != nil {
			return err
		}
		if err := mustAffect(res, "custom KPI %s", id); err != nil {
			return err
		}
		return s.touchOrg(ctx, tx, orgID)
	})
}

// checkKPIID accepts lower-case ids of letters, digits and underscores.
func checkKPIID(id string) error {
	if id == "" || len(id) > 64 || strings.TrimLeft(id, "abcdefghijklmnopqrstuvwxyz0123456789_") != "" {
		return fmt.Errorf("KPI id %q: use lower-case letters, digits and _: %w", id, diagnostic.ErrInvalid)
	}
	return nil
}

func checkCadence(c diagnostic.Cadence) error {
	switch c {
	case "", diagnostic.CadenceWeekly, diagnostic.CadenceMonthly, diagnostic.CadenceQuarterly:
		return nil
	}
	return fmt.Errorf("cadence %q is not weekly, monthly or quarterly: %w", c, diagnostic.ErrInvalid)
}

package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// copyStep copies one table's rows of an organisation from schema src to
// schema main, renumbering integer ids so that the copy never clashes with
// rows already in main. Exports and imports of engagement files are both
// such a copy, so an export imported into an empty database and exported
// again gives the same rows.
type copyStep struct {
	table string
	// where selects the organisation's rows of src.<table> (alias t); "?1"
	// is the source organisation's id.
	where string
	// mapID: create temp.m_<table>(old, new) for the table's integer id and
	// insert rows with the new ids (for tables other rows refer to).
	mapID bool
	// refs: column → table whose map renumbers it (LEFT JOIN: NULL stays
	// NULL).
	refs map[string]string
}

var copySteps = []copyStep{
	{table: "assessments", where: "t.org_id = ?1", mapID: true},
	{table: "kpi_coverage", where: "t.assessment_id IN (SELECT old FROM temp.m_assessments)", refs: map[string]string{"assessment_id": "assessments"}},
	{table: "respondents", where: "t.assessment_id IN (SELECT old FROM temp.m_assessments)", mapID: true, refs: map[string]string{"assessment_id": "assessments"}},
	{table: "answers", where: "t.respondent_id IN (SELECT old FROM temp.m_respondents)", refs: map[string]string{"respondent_id": "respondents"}},
	{table: "form_responses", where: "t.org_id = ?1", refs: map[string]string{"assessment_id": "assessments", "respondent_id": "respondents"}},
	{table: "objectives", where: "t.org_id = ?1"},
	{table: "plan_items", where: "t.org_id = ?1"},
	{table: "targets", where: "t.org_id = ?1"},
	{table: "custom_kpis", where: "t.org_id = ?1"},
	{table: "imports", where: "t.org_id = ?1", mapID: true},
	{table: "observations", where: "t.org_id = ?1", refs: map[string]string{"import_id": "imports"}},
	// A deal's id is its chunk's first_id plus its place: first_id is
	// unique per organisation, so the copy keeps it as it is.
	{table: "deal_chunks", where: "t.org_id = ?1", refs: map[string]string{"import_id": "imports"}},
	{table: "customers", where: "t.org_id = ?1", refs: map[string]string{"import_id": "imports"}},
	{table: "transactions", where: "t.org_id = ?1", refs: map[string]string{"import_id": "imports"}},
	{table: "leads", where: "t.org_id = ?1", refs: map[string]string{"import_id": "imports"}},
	{table: "column_mappings", where: "t.org_id = ?1"},
	{table: "recommendations", where: "t.org_id = ?1"},
	{table: "section_comments", where: "t.org_id = ?1"},
}

// column is one column of a table as pragma table_info describes it.
type column struct {
	name  string
	rowID bool // the INTEGER PRIMARY KEY (an alias of the rowid)
}

func tableColumns(ctx context.Context, q querier, table string) ([]column, error) {
	rows, err := q.QueryContext(ctx, `SELECT name, type, pk, (SELECT count(*) FROM pragma_table_info(?1) WHERE pk > 0)
		FROM pragma_table_info(?1) ORDER BY cid`, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var cols []column
	for rows.Next() {
		var name, typ string
		var pk, pks int
		if err := rows.Scan(&name, &typ, &pk, &pks); err != nil {
			return nil, err
		}
		cols = append(cols, column{name: name, rowID: pk == 1 && pks == 1 && strings.EqualFold(typ, "INTEGER")})
	}
	return cols, rows.Err()
}

// copyOrg copies organisation srcOrg with everything it owns from the
// attached schema "src" into "main" under the name newName, inside tx, and
// returns its new id. Both schemas must be at the same version.
func copyOrg(ctx context.Context, tx *sql.Tx, srcOrg int64, newName string) (int64, error) {
	if err := nameFree(ctx, tx, newName, 0); err != nil {
		return 0, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO main.orgs(name, industry, business_model, segment, employees_band, currency, language, created, updated)
		SELECT ?, industry, business_model, segment, employees_band, currency, language, created, updated FROM src.orgs WHERE id = ?`, newName, srcOrg)
	if err != nil {
		return 0, fmt.Errorf("copying the organisation: %w", err)
	}
	newOrg, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	defer func() {
		for _, st := range copySteps {
			if st.mapID {
				tx.ExecContext(ctx, `DROP TABLE IF EXISTS temp.m_`+st.table)
			}
		}
	}()
	for _, st := range copySteps {
		if err := st.run(ctx, tx, srcOrg, newOrg); err != nil {
			return 0, fmt.Errorf("copying %s: %w", st.table, err)
		}
	}
	return newOrg, nil
}

func (st copyStep) run(ctx context.Context, tx *sql.Tx, srcOrg, newOrg int64) error {
	cols, err := tableColumns(ctx, tx, st.table)
	if err != nil {
		return err
	}
	var names, exprs, joins []string
	order := "t.rowid"
	for _, c := range cols {
		switch {
		case c.rowID && st.mapID:
			names, exprs = append(names, c.name), append(exprs, "m.new")
			joins = append(joins, "JOIN temp.m_"+st.table+" m ON m.old = t."+c.name)
			order = "t." + c.name
		case c.rowID:
			order = "t." + c.name // a fresh id, in the same order
		case c.name == "org_id":
			names, exprs = append(names, c.name), append(exprs, "?2")
		case st.refs[c.name] != "":
			alias := "r_" + c.name
			names, exprs = append(names, c.name), append(exprs, alias+".new")
			joins = append(joins, fmt.Sprintf("LEFT JOIN temp.m_%s %s ON %s.old = t.%s", st.refs[c.name], alias, alias, c.name))
		default:
			names, exprs = append(names, c.name), append(exprs, "t."+c.name)
		}
	}
	if !hasRowID(cols) {
		order = "1" // WITHOUT ROWID: the primary key fixes the content
	}
	if st.mapID {
		if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE m_`+st.table+` AS SELECT t.id AS old,
			(SELECT coalesce(max(id), 0) FROM main.`+st.table+`) + row_number() OVER (ORDER BY t.id) AS new
			FROM src.`+st.table+` t WHERE `+st.where, srcOrg); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `CREATE UNIQUE INDEX temp.m_`+st.table+`_old ON m_`+st.table+`(old)`); err != nil {
			return err
		}
	}
	q := fmt.Sprintf(`INSERT INTO main.%s(%s) SELECT %s FROM src.%s t %s WHERE %s ORDER BY %s`,
		st.table, strings.Join(names, ", "), strings.Join(exprs, ", "), st.table, strings.Join(joins, " "), st.where, order)
	_, err = tx.ExecContext(ctx, q, srcOrg, newOrg)
	return err
}

func hasRowID(cols []column) bool {
	for _, c := range cols {
		if c.rowID {
			return true
		}
	}
	return false
}

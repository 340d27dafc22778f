package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

var errNotFound = diagnostic.ErrNotFound

// Org is an organisation: its id, profile and when it was created and last
// changed (any of its data).
type Org struct {
	ID int64
	diagnostic.Profile
	Created time.Time
	Updated time.Time
}

// OrgSummary is one line of the organisation list (`orgs --json`).
// LastScore is the overall score of the latest scored assessment, or null.
type OrgSummary struct {
	ID          int64               `json:"id"`
	Name        string              `json:"name"`
	Industry    diagnostic.Industry `json:"industry"`
	Segment     diagnostic.Segment  `json:"segment"`
	Currency    string              `json:"currency"`
	Language    locale.Lang         `json:"language"`
	Assessments int                 `json:"assessments"`
	LastScore   *float64            `json:"last_score"`
	Updated     time.Time           `json:"updated"`
}

const orgColumns = `id, name, industry, business_model, segment, employees_band, currency, language, created, updated`

// CreateOrg adds an organisation. The profile is validated (ErrInvalid); a
// name already used, ignoring ASCII case, fails with ErrConflict.
func (s *Store) CreateOrg(ctx context.Context, p diagnostic.Profile) (Org, error) {
	p.Name = strings.TrimSpace(p.Name)
	if err := p.Validate(); err != nil {
		return Org{}, fmt.Errorf("organisation %q: %w", p.Name, err)
	}
	now := s.opts.Now().UTC()
	o := Org{Profile: p, Created: now, Updated: now}
	err := s.write(ctx, fmt.Sprintf("creating organisation %q", p.Name), func(tx *sql.Tx) error {
		if err := nameFree(ctx, tx, p.Name, 0); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO orgs(name, industry, business_model, segment, employees_band, currency, language, created, updated)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			p.Name, p.Industry, p.BusinessModel, p.Segment, p.EmployeeBand, p.Currency, p.Language, ts(now), ts(now))
		if err != nil {
			return err
		}
		o.ID, err = res.LastInsertId()
		return err
	})
	return o, err
}

// nameFree fails with ErrConflict when another organisation (not except)
// already has the name.
func nameFree(ctx context.Context, q querier, name string, except int64) error {
	var id int64
	err := q.QueryRowContext(ctx, `SELECT id FROM orgs WHERE name = ? AND id <> ?`, name, except).Scan(&id)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return err
	}
	return fmt.Errorf("an organisation named %q already exists (id %d): %w", name, id, diagnostic.ErrConflict)
}

// querier is what *sql.DB, *sql.Tx and *sql.Conn share for queries.
type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// UpdateOrg replaces an organisation's profile.
func (s *Store) UpdateOrg(ctx context.Context, id int64, p diagnostic.Profile) error {
	p.Name = strings.TrimSpace(p.Name)
	if err := p.Validate(); err != nil {
		return fmt.Errorf("organisation %q: %w", p.Name, err)
	}
	return s.write(ctx, fmt.Sprintf("updating organisation %d", id), func(tx *sql.Tx) error {
		if err := nameFree(ctx, tx, p.Name, id); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE orgs SET name = ?, industry = ?, business_model = ?, segment = ?, employees_band = ?,
			currency = ?, language = ?, updated = ? WHERE id = ?`,
			p.Name, p.Industry, p.BusinessModel, p.Segment, p.EmployeeBand, p.Currency, p.Language, ts(s.opts.Now()), id)
		if err != nil {
			return err
		}
		return mustAffect(res, "organisation %d", id)
	})
}

// Org returns the organisation with the given id, or ErrNotFound.
func (s *Store) Org(ctx context.Context, id int64) (Org, error) {
	o, err := scanOrg(s.r.QueryRowContext(ctx, `SELECT `+orgColumns+` FROM orgs WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Org{}, fmt.Errorf("organisation %d: %w", id, errNotFound)
	}
	return o, classify(fmt.Sprintf("reading organisation %d", id), err)
}

// FindOrg finds an organisation by name (ignoring ASCII case) or, failing
// that, by numeric id: what every --org flag accepts.
func (s *Store) FindOrg(ctx context.Context, nameOrID string) (Org, error) {
	ref := strings.TrimSpace(nameOrID)
	o, err := scanOrg(s.r.QueryRowContext(ctx, `SELECT `+orgColumns+` FROM orgs WHERE name = ?`, ref))
	if err == nil {
		return o, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return Org{}, classify(fmt.Sprintf("finding organisation %q", ref), err)
	}
	if id, perr := strconv.ParseInt(ref, 10, 64); perr == nil {
		if o, err := s.Org(ctx, id); err == nil || !errors.Is(err, errNotFound) {
			return o, err
		}
	}
	return Org{}, fmt.Errorf("no organisation named %q (see `revopsdx orgs`): %w", ref, errNotFound)
}

func scanOrg(row interface{ Scan(...any) error }) (Org, error) {
	var o Org
	var created, updated string
	err := row.Scan(&o.ID, &o.Name, &o.Industry, &o.BusinessModel, &o.Segment, &o.EmployeeBand, &o.Currency, &o.Language, &created, &updated)
	if err != nil {
		return Org{}, err
	}
	if o.Created, err = parseTS(created); err != nil {
		return Org{}, err
	}
	o.Updated, err = parseTS(updated)
	return o, err
}

// Orgs lists every organisation, by name, with its number of assessments
// and the score of its latest scored assessment.
func (s *Store) Orgs(ctx context.Context) ([]OrgSummary, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT o.id, o.name, o.industry, o.segment, o.currency, o.language, o.updated,
		(SELECT count(*) FROM assessments a WHERE a.org_id = o.id),
		(SELECT a.score FROM assessments a WHERE a.org_id = o.id AND a.score IS NOT NULL ORDER BY a.date DESC, a.id DESC LIMIT 1)
		FROM orgs o ORDER BY o.name, o.id`)
	if err != nil {
		return nil, classify("listing organisations", err)
	}
	defer rows.Close()
	list := []OrgSummary{}
	for rows.Next() {
		var o OrgSummary
		var updated string
		var score sql.NullFloat64
		if err := rows.Scan(&o.ID, &o.Name, &o.Industry, &o.Segment, &o.Currency, &o.Language, &updated, &o.Assessments, &score); err != nil {
			return nil, classify("listing organisations", err)
		}
		if o.Updated, err = parseTS(updated); err != nil {
			return nil, err
		}
		if score.Valid {
			o.LastScore = &score.Float64
		}
		list = append(list, o)
	}
	return list, classify("listing organisations", rows.Err())
}

// DeleteOrg deletes an organisation and everything it owns.
func (s *Store) DeleteOrg(ctx context.Context, id int64) error {
	return s.write(ctx, fmt.Sprintf("deleting organisation %d", id), func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM orgs WHERE id = ?`, id)
		if err != nil {
			return err
		}
		return mustAffect(res, "organisation %d", id)
	})
}

package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Mapping is a column mapping the user confirmed for one file layout of an
// organisation: the importer offers it again for a file with the same
// headers.
type Mapping struct {
	Kind    string            `json:"kind"`    // KindDeals, KindKPITable…
	Layout  string            `json:"layout"`  // LayoutKey of the headers
	Headers []string          `json:"headers"` // the header row, for display
	Fields  map[string]string `json:"mapping"` // field → column (importer's vocabulary)
	Updated time.Time         `json:"updated"`
}

// LayoutKey identifies a header row regardless of case, surrounding spaces
// and column order: the hex SHA-256 of the sorted, normalised names.
func LayoutKey(headers []string) string {
	norm := make([]string, len(headers))
	for i, h := range headers {
		norm[i] = strings.ToLower(strings.TrimSpace(h))
	}
	sortStrings(norm)
	sum := sha256.Sum256([]byte(strings.Join(norm, "\x1f")))
	return hex.EncodeToString(sum[:])
}

// SaveMapping stores (or replaces) the mapping for m.Kind and the layout of
// m.Headers; m.Layout and m.Updated are filled in.
func (s *Store) SaveMapping(ctx context.Context, orgID int64, m Mapping) error {
	m.Layout = LayoutKey(m.Headers)
	headers, err := json.Marshal(m.Headers)
	if err != nil {
		return fmt.Errorf("saving mapping: %w", err)
	}
	fields, err := json.Marshal(nonNil(m.Fields))
	if err != nil {
		return fmt.Errorf("saving mapping: %w", err)
	}
	return s.write(ctx, "saving the column mapping", func(tx *sql.Tx) error {
		if err := s.touchOrg(ctx, tx, orgID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO column_mappings(org_id, kind, layout, headers, mapping, updated) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT(org_id, kind, layout) DO UPDATE SET headers = excluded.headers, mapping = excluded.mapping, updated = excluded.updated`,
			orgID, m.Kind, m.Layout, string(headers), string(fields), ts(s.opts.Now()))
		return err
	})
}

// FindMapping returns the saved mapping for a kind of file with these
// headers, or ErrNotFound.
func (s *Store) FindMapping(ctx context.Context, orgID int64, kind string, headers []string) (Mapping, error) {
	m := Mapping{Kind: kind, Layout: LayoutKey(headers)}
	var hs, fs, updated string
	err := s.r.QueryRowContext(ctx, `SELECT headers, mapping, updated FROM column_mappings WHERE org_id = ? AND kind = ? AND layout = ?`,
		orgID, kind, m.Layout).Scan(&hs, &fs, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return m, fmt.Errorf("saved mapping for this %s layout: %w", kind, errNotFound)
	}
	if err != nil {
		return m, classify("reading the column mapping", err)
	}
	if err := json.Unmarshal([]byte(hs), &m.Headers); err != nil {
		return m, fmt.Errorf("stored mapping headers: %w", err)
	}
	if err := json.Unmarshal([]byte(fs), &m.Fields); err != nil {
		return m, fmt.Errorf("stored mapping: %w", err)
	}
	m.Updated, err = parseTS(updated)
	return m, err
}

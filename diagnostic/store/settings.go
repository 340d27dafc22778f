package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// Settings are the installation's settings: who signs the reports and in
// which language new organisations start.
type Settings struct {
	ConsultantName  string
	Logo            []byte // PNG or JPEG bytes, nil for none
	DefaultLanguage locale.Lang
}

// The keys of table settings.
const (
	keyConsultant = "consultant_name"
	keyLogo       = "logo"
	keyLanguage   = "default_language"
)

// Settings returns the saved settings; missing ones are empty, the
// language defaults to Spanish.
func (s *Store) Settings(ctx context.Context) (Settings, error) {
	st := Settings{DefaultLanguage: locale.ES}
	rows, err := s.r.QueryContext(ctx, `SELECT key, value FROM settings`)
	if err != nil {
		return st, classify("reading settings", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var v []byte
		if err := rows.Scan(&k, &v); err != nil {
			return st, classify("reading settings", err)
		}
		switch k {
		case keyConsultant:
			st.ConsultantName = string(v)
		case keyLogo:
			st.Logo = v
		case keyLanguage:
			st.DefaultLanguage = locale.Lang(v)
		}
	}
	return st, classify("reading settings", rows.Err())
}

// SaveSettings saves every setting at once.
func (s *Store) SaveSettings(ctx context.Context, st Settings) error {
	if !st.DefaultLanguage.Valid() {
		return fmt.Errorf("default language %q is not es or en: %w", st.DefaultLanguage, diagnostic.ErrInvalid)
	}
	return s.write(ctx, "saving settings", func(tx *sql.Tx) error {
		for k, v := range map[string][]byte{keyConsultant: []byte(st.ConsultantName), keyLanguage: []byte(st.DefaultLanguage)} {
			if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)`, k, v); err != nil {
				return err
			}
		}
		if st.Logo == nil {
			_, err := tx.ExecContext(ctx, `DELETE FROM settings WHERE key = ?`, keyLogo)
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)`, keyLogo, st.Logo)
		return err
	})
}

func sortStrings(s []string) { sort.Strings(s) }

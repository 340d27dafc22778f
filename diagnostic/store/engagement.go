package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// EngagementFormat is the version of the engagement-file layout written in
// its meta table; the schema version is the SQLite user_version.
const EngagementFormat = 1

// ExportOptions tune ExportEngagement.
type ExportOptions struct {
	// Passphrase, when not empty, encrypts the file with age (scrypt).
	Passphrase string
	// AppVersion is recorded in the file's meta table.
	AppVersion string
	// WorkFactor is age's scrypt cost, log2 N; 0 is the default, 18
	// (about a second). Tests lower it.
	WorkFactor int
}

// ExportEngagement writes one organisation with everything it owns (profile,
// assessments, answers, objectives, plan, custom KPIs, KPI values, raw
// records, import log, mappings, recommendation states; not the settings)
// to out, a new file: a SQLite database with this schema whose meta table
// says kind=engagement, or that database encrypted with age. out must not
// exist yet (ErrConflict), except as an empty file (an interrupted export's
// leftover), which is replaced. The plain copy is made in the private
// temporary folder (TempDir) and removed on every return.
func (s *Store) ExportEngagement(ctx context.Context, orgID int64, out string, opts ExportOptions) error {
	// An empty file there is what an export killed by an earlier version
	// left: it holds nothing and must not block this one.
	if st, err := os.Lstat(out); err == nil && st.Mode().IsRegular() && st.Size() == 0 {
		if err := os.Remove(out); err != nil {
			return fmt.Errorf("%s: removing the empty file left by an interrupted export: %w", out, permErr(err))
		}
	}
	if fileExists(out) {
		return fmt.Errorf("%s already exists; choose another name: %w", out, diagnostic.ErrConflict)
	}
	org, err := s.Org(ctx, orgID)
	if err != nil {
		return err
	}
	tmp, cleanup, err := s.tempPath("export")
	if err != nil {
		return err
	}
	defer cleanup()
	eng, err := Open(ctx, tmp, Options{engagement: true, Now: s.opts.Now})
	if err != nil {
		return fmt.Errorf("creating the engagement file: %w", err)
	}
	err = eng.withAttached(ctx, s.path, func(tx *sql.Tx) error {
		if _, err := copyOrg(ctx, tx, orgID, org.Name); err != nil {
			return err
		}
		for k, v := range map[string]string{"kind": kindEngagement, "format": fmt.Sprint(EngagementFormat),
			"exported_at": ts(s.opts.Now()), "app_version": opts.AppVersion} {
			if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO main.meta(key, value) VALUES (?, ?)`, k, v); err != nil {
				return err
			}
		}
		return nil
	})
	if cerr := eng.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("exporting %q: %w", org.Name, err)
	}
	if err := singleFile(ctx, tmp); err != nil {
		return err
	}
	if opts.Passphrase != "" {
		// Encrypted in the private folder too, then moved: a process
		// killed while encrypting leaves no partial (or empty) out that
		// would block the next export.
		enc := tmp + ".age"
		if err := encryptFile(tmp, enc, opts.Passphrase, opts.WorkFactor); err != nil {
			return err
		}
		return moveNew(enc, out)
	}
	return moveNew(tmp, out)
}

// withAttached attaches the database file other read-only as schema "src"
// to the writer connection and runs fn in one transaction.
func (s *Store) withAttached(ctx context.Context, other string, fn func(tx *sql.Tx) error) error {
	conn, err := s.w.Conn(ctx)
	if err != nil {
		return classify("attaching", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `ATTACH DATABASE ? AS src`, fileURI(other)+"?mode=ro"); err != nil {
		return classify("attaching "+other, err)
	}
	defer conn.ExecContext(context.Background(), `DETACH DATABASE src`)
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return classify("starting the copy", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return classify("copying", err)
	}
	return classify("committing the copy", tx.Commit())
}

// singleFile switches a closed database to a rollback journal and compacts
// it, so that the one file holds everything and can travel alone.
func singleFile(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite", fileURI(path))
	if err != nil {
		return fmt.Errorf("finishing %s: %w", path, err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `PRAGMA journal_mode = DELETE; VACUUM;`); err != nil {
		return classify("finishing the engagement file", err)
	}
	return db.Close()
}

// moveNew moves tmp to out, failing if out exists. out appears whole or
// not at all: on another file system tmp is first copied to a hidden file
// next to out, which is then linked (or renamed) into place.
func moveNew(tmp, out string) error {
	err := os.Link(tmp, out)
	if errors.Is(err, os.ErrExist) {
		return fmt.Errorf("%s already exists: %w", out, diagnostic.ErrConflict)
	}
	if err == nil {
		return os.Chmod(out, 0o600)
	}
	// Another file system, or links unsupported: copy next to out first.
	f, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".*.tmp")
	if err != nil {
		return fmt.Errorf("writing %s: %w", out, permErr(err))
	}
	near := f.Name()
	f.Close()
	os.Remove(near)
	defer os.Remove(near)
	if err := copyNew(tmp, near); err != nil {
		return fmt.Errorf("writing %s: %w", out, err)
	}
	if err := os.Link(near, out); err != nil {
		if errors.Is(err, os.ErrExist) || fileExists(out) {
			return fmt.Errorf("%s already exists: %w", out, diagnostic.ErrConflict)
		}
		return os.Rename(near, out)
	}
	return nil
}

// ImportOptions tune ImportEngagement.
type ImportOptions struct {
	// Rename gives the organisation a new name (needed when the name is
	// taken in this database).
	Rename string
	// Passphrase is called when the file is encrypted.
	Passphrase func() (string, error)
	// Replace deletes an organisation of the same (final) name in the same
	// transaction instead of failing with ErrConflict: how `demo` recreates
	// Demo, or how a colleague's newer copy of an engagement replaces ours.
	Replace bool
}

// ImportEngagement brings the organisation of an engagement file into this
// database, all or nothing, and returns it. A name already used fails with
// ErrConflict unless opts.Rename gives another; a wrong passphrase fails
// with ErrPassphrase, a damaged or tampered file with ErrNotDatabase or
// ErrTampered; in every failure nothing is imported.
func (s *Store) ImportEngagement(ctx context.Context, file string, opts ImportOptions) (Org, error) {
	tmp, cleanup, err := s.tempPath("import")
	if err != nil {
		return Org{}, err
	}
	defer cleanup()
	if err := plainCopy(file, tmp, opts.Passphrase); err != nil {
		return Org{}, err
	}
	srcOrg, name, err := checkEngagement(ctx, tmp, file)
	if err != nil {
		return Org{}, err
	}
	if r := strings.TrimSpace(opts.Rename); r != "" {
		if err := diagnostic.CheckName(r, diagnostic.MaxNameLength); err != nil {
			return Org{}, fmt.Errorf("new name %q: %w", r, err)
		}
		name = r
	} else if err := diagnostic.CheckName(name, diagnostic.MaxNameLength); err != nil {
		// The file's own name is checked as a typed one would be.
		return Org{}, fmt.Errorf("%s: the organisation's name %q: %w; import it with --rename NEW", file, cut(name, 80), err)
	}
	if err := s.checkEngagementNames(ctx, tmp, file); err != nil {
		return Org{}, err
	}
	var newID int64
	err = s.withAttached(ctx, tmp, func(tx *sql.Tx) error {
		if opts.Replace {
			if _, err := tx.ExecContext(ctx, `DELETE FROM main.orgs WHERE name = ?`, name); err != nil {
				return err
			}
		}
		var err error
		if newID, err = copyOrg(ctx, tx, srcOrg, name); err != nil {
			if errors.Is(err, diagnostic.ErrConflict) && opts.Rename == "" {
				return fmt.Errorf("%w; import it under another name with --rename NEW", err)
			}
			return err
		}
		return nil
	})
	if err != nil {
		return Org{}, fmt.Errorf("importing %s: %w", file, err)
	}
	return s.Org(ctx, newID)
}

// checkEngagement opens the plain copy of an engagement file (migrating it
// when it comes from an older version), checks its integrity and that it
// holds exactly one organisation, and returns that organisation's id and
// name. file is the user's name for it, for messages.
func checkEngagement(ctx context.Context, tmp, file string) (int64, string, error) {
	if err := checkHeader(tmp); err != nil {
		return 0, "", fmt.Errorf("%s: %w (not an engagement file)", file, ErrNotDatabase)
	}
	eng, err := Open(ctx, tmp, Options{engagement: true, Now: time.Now, noCheck: true})
	if errors.Is(err, ErrDamaged) {
		// Not the database's hint (restore a backup from a folder that is
		// the temporary copy's): the engagement file is what is damaged.
		return 0, "", fmt.Errorf("%s: %w; nothing was imported", file, ErrDamaged)
	}
	if err != nil {
		return 0, "", fmt.Errorf("engagement file %s: %w", file, hideTemp(err, tmp, file))
	}
	defer eng.Close()
	var check, kind string
	if err := eng.r.QueryRowContext(ctx, `PRAGMA integrity_check(1)`).Scan(&check); err != nil || check != "ok" {
		detail := check
		if err != nil {
			detail = err.Error()
		}
		return 0, "", fmt.Errorf("%s: %w (%s); nothing was imported", file, ErrDamaged, cut(detail, maxIntegrityDetail))
	}
	if err := eng.r.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'kind'`).Scan(&kind); err != nil || kind != kindEngagement {
		return 0, "", fmt.Errorf("%s: %w (a database, not an engagement file: use restore for backups)", file, ErrNotDatabase)
	}
	var n int
	var id int64
	var name string
	if err := eng.r.QueryRowContext(ctx, `SELECT count(*), min(id), min(name) FROM orgs`).Scan(&n, &id, &name); err != nil || n != 1 {
		return 0, "", fmt.Errorf("%s: %w (holds %d organisations, want 1: %v)", file, ErrNotDatabase, n, err)
	}
	return id, name, nil
}

// checkEngagementNames applies diagnostic.CheckName to the respondents of
// the engagement file's copy tmp, as typing them would.
func (s *Store) checkEngagementNames(ctx context.Context, tmp, file string) error {
	db, err := sql.Open("sqlite", fileURI(tmp)+"?mode=ro")
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, `SELECT name FROM respondents`)
	if err != nil {
		return classify(file, err)
	}
	defer rows.Close()
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return classify(file, err)
		}
		if err := diagnostic.CheckName(n, diagnostic.MaxNameLength); err != nil {
			return fmt.Errorf("%s: respondent %q: name: %w; nothing was imported", file, n, err)
		}
	}
	return classify(file, rows.Err())
}

package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

// migrationFS holds the numbered migrations, NNNN_what.sql, applied in order.
//
//go:embed migrations/*.sql
var migrationFS embed.FS

// migrationSource is where migrations() reads them; tests swap it to add a
// migration.
var migrationSource fs.FS = migrationFS

// migration is one numbered schema change.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations lists the embedded migrations in order; it panics on a badly
// named file, which TestMigrationsAreNumbered catches.
func migrations() []migration {
	names, err := fs.Glob(migrationSource, "migrations/*.sql")
	if err != nil {
		panic(err)
	}
	var ms []migration
	for _, n := range names {
		base := strings.TrimPrefix(n, "migrations/")
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || len(num) != 4 {
			panic(fmt.Sprintf("migration %s is not named NNNN_what.sql", n))
		}
		b, err := fs.ReadFile(migrationSource, n)
		if err != nil {
			panic(err)
		}
		ms = append(ms, migration{version: v, name: base, sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms
}

// latestVersion is the schema version this build writes.
func latestVersion() int {
	ms := migrations()
	return ms[len(ms)-1].version
}

// afterMigration is the Go part of a migration (by file name), run in its
// transaction after its SQL: 0005 fills deal_columns from the deals
// already stored, 0009 moves every deal into deal_chunks (migrate_deals.go).
var afterMigration = map[string]func(ctx context.Context, tx *sql.Tx) error{
	"0005_deal_columns.sql": backfillDealColumns,
	"0009_deal_chunks.sql":  chunkStoredDeals,
}

// migrate applies every migration newer than version, each in its own
// transaction together with the new user_version, so a crash leaves the
// file at the previous version, never between two.
func (s *Store) migrate(ctx context.Context, version int) error {
	for _, m := range migrations() {
		if m.version <= version {
			continue
		}
		tx, err := s.w.BeginTx(ctx, nil)
		if err != nil {
			return classify(fmt.Sprintf("%s: starting migration %s", s.path, m.name), err)
		}
		// Another process may have migrated since the file was inspected:
		// re-read the version now that this transaction holds the lock.
		var current int
		if err := tx.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&current); err != nil {
			tx.Rollback()
			return classify(fmt.Sprintf("%s: reading the schema version", s.path), err)
		}
		if current >= m.version {
			if err := tx.Rollback(); err != nil {
				return classify(s.path, err)
			}
			continue
		}
		stmts := m.sql + fmt.Sprintf("\nPRAGMA user_version = %d;", m.version)
		if m.version == 1 {
			stmts += fmt.Sprintf("\nPRAGMA application_id = %d;\nINSERT INTO meta(key, value) VALUES ('kind', '%s');", appID, kindDatabase)
		}
		if _, err := tx.ExecContext(ctx, stmts); err != nil {
			tx.Rollback()
			return classify(fmt.Sprintf("%s: migration %s", s.path, m.name), err)
		}
		if after := afterMigration[m.name]; after != nil {
			if err := after(ctx, tx); err != nil {
				tx.Rollback()
				return classify(fmt.Sprintf("%s: migration %s", s.path, m.name), err)
			}
		}
		if err := tx.Commit(); err != nil {
			return classify(fmt.Sprintf("%s: committing migration %s", s.path, m.name), err)
		}
	}
	return nil
}

// SchemaVersion is the schema version of the open database.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	if err := s.r.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
		return 0, classify("reading the schema version", err)
	}
	return v, nil
}

package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode/utf8"
)

// maxIntegrityDetail caps how much of SQLite's report goes into a message.
const maxIntegrityDetail = 200

// checkIntegrity runs PRAGMA quick_check on the file at path through a
// read-only connection (WAL included) and fails with ErrDamaged when the
// file's b-trees are damaged: a page zeroed or overwritten, a broken list of
// free pages, a row that does not fit its table. It writes nothing. It is
// what keeps a damaged database from being written to, backed up over good
// backups, or restored over good data. quick_check reads every page but
// skips the index-content comparison of integrity_check; its cost is
// measured in docs/STORE.md (BenchmarkQuickCheck).
func checkIntegrity(ctx context.Context, path string) error {
	uri := fileURI(path) + "?mode=ro"
	if !fileExists(path + "-wal") {
		uri += "&immutable=1"
	}
	db, err := sql.Open("sqlite", uri)
	if err != nil {
		return fmt.Errorf("%s: %w (%v)", path, ErrNotDatabase, err)
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, `PRAGMA quick_check(5)`)
	if err != nil {
		return damaged(path, err.Error())
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return damaged(path, err.Error())
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return damaged(path, err.Error())
	}
	if len(problems) > 0 {
		return damaged(path, strings.Join(problems, "; "))
	}
	return nil
}

func damaged(path, detail string) error {
	return fmt.Errorf("%s: %w (%s); the file was not changed: restore a backup (revopsdx restore FILE) from %s",
		path, ErrDamaged, cut(detail, maxIntegrityDetail), BackupDir(path))
}

// cut shortens s to at most n bytes (on a character boundary), marking the
// cut with "…": what a message quotes of a file stays short.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// renamedError shows an error with a temporary file's name replaced by the
// name the user knows; errors.Is and As still see the original.
type renamedError struct {
	err      error
	from, to string
}

func (e renamedError) Error() string { return strings.ReplaceAll(e.err.Error(), e.from, e.to) }
func (e renamedError) Unwrap() error { return e.err }

// hideTemp names file instead of the temporary copy tmp in err's message.
func hideTemp(err error, tmp, file string) error {
	if err == nil {
		return nil
	}
	return renamedError{err: err, from: tmp, to: file}
}

package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"syscall"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// appID is written to the SQLite header (PRAGMA application_id) of every
// file this application creates: "RVDX".
const appID = 0x52564458

// Options tune Open. The zero value is what tests want: no automatic
// backups, the real clock, a 5-second busy timeout.
type Options struct {
	// AutoBackup takes a rolling backup at start-up when the newest one is
	// more than a day old (the application and the command line set it).
	AutoBackup bool
	// BackupDir is where rolling backups go; default BackupDir(path).
	BackupDir string
	// Keep is how many rolling backups to keep; default 5.
	Keep int
	// BusyTimeout is how long a write waits for another process's lock
	// before failing with ErrLocked; default 5 s.
	BusyTimeout time.Duration
	// Now is the clock; default time.Now.
	Now func() time.Time
	// Warn receives problems that do not stop the database from opening
	// (the start-up backup failed, e.g. on a full disk); nil ignores them.
	Warn func(error)

	// ReadOnly opens an existing database for reading only, as read-only
	// commands do when the file or its folder cannot be written: no
	// migration, no backup, no sweep; a write fails with ErrReadOnly.
	ReadOnly bool

	engagement bool // the file is an engagement file (export/import only)
	// noCheck skips the integrity check: Restore opens a damaged database
	// to replace its content, after keeping a raw copy of it.
	noCheck bool
}

func (o Options) withDefaults(path string) Options {
	if o.BackupDir == "" {
		o.BackupDir = BackupDir(path)
	}
	if o.Keep <= 0 {
		o.Keep = 5
	}
	if o.BusyTimeout <= 0 {
		o.BusyTimeout = 5 * time.Second
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// Store is an open RevOps Diagnostic database. It is safe for concurrent
// use; writes are serialised on one connection.
type Store struct {
	path string
	opts Options
	w    *sql.DB // the one writer connection
	r    *sql.DB // readers (WAL lets them run while a write is in progress)
}

// Path is the database file's path.
func (s *Store) Path() string { return s.path }

// Open opens the database at path, creating it (mode 0600, and its folder
// 0700 when missing) if it does not exist, and brings its schema up to date.
//
// A file that is not a RevOps Diagnostic database (not SQLite, or another
// application's) fails with ErrNotDatabase, a damaged one (PRAGMA
// quick_check, run before anything is written) with ErrDamaged, a file
// written by a newer version with ErrNewerVersion; all leave the file
// untouched. A
// read-only file or folder fails with ErrReadOnly. Before any migration the
// file is copied to the backup folder.
func Open(ctx context.Context, path string, opts Options) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("database %s: %w", path, err)
	}
	opts = opts.withDefaults(abs)
	if opts.ReadOnly {
		return openReadOnly(ctx, path, abs, opts)
	}
	// Checks and messages use the path as the user gave it.
	fresh, err := prepareFile(path)
	if err != nil {
		return nil, err
	}
	if !opts.engagement {
		// Plain copies a killed export or import left behind go first.
		if err := sweepTemp(abs, opts.Now()); err != nil && opts.Warn != nil {
			opts.Warn(err)
		}
	}
	version := 0
	if !fresh {
		if version, err = inspect(ctx, path, opts.engagement); err != nil {
			return nil, err
		}
		// Before the first write of this run (a migration, the start-up
		// backup, any change): a damaged file is refused, untouched.
		if !opts.noCheck {
			if err := checkIntegrity(ctx, path); err != nil {
				return nil, err
			}
		}
	}
	// An engagement file is a private plain copy of the user's file (which
	// stays untouched): a backup of it would leave client data in clear
	// text next to the temporary copy.
	if version > 0 && version < latestVersion() && !opts.engagement {
		if _, err := backupFile(ctx, abs, opts, fmt.Sprintf("pre-migration-v%d", version)); err != nil {
			return nil, fmt.Errorf("%s: copying the database before upgrading it: %w", abs, err)
		}
	}
	if fresh {
		if err := setPageSize(ctx, abs, opts); err != nil {
			return nil, err
		}
	}
	s := &Store{path: abs, opts: opts}
	if s.w, err = sql.Open("sqlite", dsn(abs, opts, false)); err != nil {
		return nil, fmt.Errorf("opening %s: %w", abs, err)
	}
	s.w.SetMaxOpenConns(1)
	s.w.SetConnMaxIdleTime(0)
	if err := s.migrateWaiting(ctx, version); err != nil {
		s.w.Close()
		return nil, err
	}
	if s.r, err = sql.Open("sqlite", dsn(abs, opts, true)); err != nil {
		s.w.Close()
		return nil, fmt.Errorf("opening %s: %w", abs, err)
	}
	s.r.SetMaxOpenConns(4)
	if opts.AutoBackup && !fresh {
		if err := s.rollingBackup(ctx); err != nil && opts.Warn != nil {
			opts.Warn(err)
		}
	}
	return s, nil
}

// migrateWaiting runs the migrations, waiting up to the busy timeout while
// another process holds the database. SQLite's own busy handler does not
// cover every case here: two processes creating the same new file race to
// switch it to WAL, and the loser gets SQLITE_BUSY at once.
func (s *Store) migrateWaiting(ctx context.Context, version int) error {
	deadline := time.Now().Add(s.opts.BusyTimeout)
	for {
		err := s.migrate(ctx, version)
		if err == nil || !errors.Is(err, ErrLocked) || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// Close checkpoints and closes the database.
func (s *Store) Close() error {
	var errs []error
	if s.r != nil {
		errs = append(errs, s.r.Close())
	}
	if s.w != nil {
		errs = append(errs, s.w.Close())
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("closing %s: %w", s.path, err)
	}
	return nil
}

// dsn builds the driver's connection string. Pragmas, for every connection:
//
//   - journal_mode=WAL: readers never block the writer nor the writer the
//     readers, and a crash can only lose a transaction that had not
//     committed; the WAL is replayed on the next open.
//   - synchronous=FULL: in WAL mode this costs one fsync of the WAL per
//     commit. NORMAL would survive an application crash but could lose the
//     last commits on power loss or an OS crash; an answer typed by hand is
//     worth one fsync (the benchmark commits one in well under 5 ms), and a
//     bulk import is one transaction, so one fsync too.
//   - busy_timeout: a second process waits for the lock instead of failing
//     at once; after the timeout the write fails with ErrLocked.
//   - cache_size: up to 64 MiB of page cache on a reader (memory is taken
//     only as pages are used), 16 MiB on the writer. A bulk import fills the
//     writer's cache with new pages that must reach the WAL anyway, so a
//     bigger cache only delays writing them: importing 1,000,000 deals took
//     the same time with 16 MiB as with 64 MiB, and peak RSS went from 196
//     to 101 MB.
//   - foreign_keys=ON: cascades and references are enforced (SQLite's
//     default is off, per connection).
//   - _txlock=immediate on the writer: every transaction takes the write
//     lock at BEGIN, so two processes cannot deadlock upgrading read locks.
//
// The readers are query_only, a guard against writing on the wrong handle.
func dsn(path string, opts Options, reader bool) string {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", opts.BusyTimeout.Milliseconds()))
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(FULL)")
	if reader {
		q.Add("_pragma", "cache_size(-65536)")
		q.Add("_pragma", "query_only(1)")
	} else {
		q.Add("_pragma", "cache_size(-16384)")
		q.Set("_txlock", "immediate")
	}
	return fileURI(path) + "?" + q.Encode()
}

// fileURI turns a path into a SQLite "file:" URI, escaping the characters
// that URIs reserve.
func fileURI(path string) string {
	// A relative path would read as the URI's authority ("file:a.db" is
	// refused by SQLite): make it absolute first.
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(path)}
	if filepath.VolumeName(path) != "" { // C:\x → file:///C:/x
		u.Path = "/" + u.Path
	}
	return u.String()
}

// prepareFile checks the folder and the file before SQLite sees them, and
// creates a missing database file empty with mode 0600 (and a missing folder
// with 0700). It reports whether the database is new.
func prepareFile(path string) (fresh bool, err error) {
	dir := filepath.Dir(path)
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return false, fmt.Errorf("creating the database folder %s: %w", dir, permErr(err))
		}
	case err != nil:
		return false, fmt.Errorf("database folder %s: %w", dir, err)
	case !st.IsDir():
		return false, fmt.Errorf("database folder %s is not a folder: %w", dir, ErrNotDatabase)
	}
	if err := checkDirWritable(dir); err != nil {
		return false, err
	}
	st, err = os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if errors.Is(err, os.ErrExist) {
			return prepareFile(path) // another process created it a moment ago
		}
		if err != nil {
			return false, fmt.Errorf("creating the database %s: %w", path, permErr(err))
		}
		return true, f.Close()
	}
	if err != nil {
		return false, fmt.Errorf("database %s: %w", path, err)
	}
	if st.IsDir() {
		return false, fmt.Errorf("%s: %w (it is a folder)", path, ErrNotDatabase)
	}
	if st.Mode().Perm()&0o200 == 0 {
		return false, fmt.Errorf("database %s is %w (its permissions are %v); make it writable or use another file with --db", path, ErrReadOnly, st.Mode().Perm())
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return false, fmt.Errorf("database %s: %w", path, permErr(err))
	}
	defer f.Close()
	if st.Size() == 0 {
		return true, nil
	}
	header := make([]byte, 100)
	if _, err := io.ReadFull(f, header); err != nil || string(header[:16]) != "SQLite format 3\x00" {
		return false, fmt.Errorf("%s: %w (no SQLite header)", path, ErrNotDatabase)
	}
	if st.Mode().Perm()&0o077 != 0 {
		if err := os.Chmod(path, 0o600); err != nil {
			return false, fmt.Errorf("restricting %s to its owner: %w", path, err)
		}
	}
	return false, nil
}

// checkDirWritable fails with ErrReadOnly when the folder cannot hold the
// database's journal files: its write bit is off, or a probe file cannot be
// created.
func checkDirWritable(dir string) error {
	st, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("database folder %s: %w", dir, err)
	}
	if st.Mode().Perm()&0o200 == 0 {
		return fmt.Errorf("database folder %s is %w (its permissions are %v); the database needs to write its journal next to it", dir, ErrReadOnly, st.Mode().Perm())
	}
	f, err := os.CreateTemp(dir, ".revopsdx-probe-*")
	if err != nil {
		return fmt.Errorf("database folder %s: %w", dir, permErr(err))
	}
	name := f.Name()
	f.Close()
	if err := os.Remove(name); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("database folder %s: %w", dir, permErr(err))
	}
	return nil
}

// permErr turns permission and read-only file system errors into ErrReadOnly.
func permErr(err error) error {
	if errors.Is(err, os.ErrPermission) || errors.Is(err, syscall.EROFS) {
		return fmt.Errorf("%w (%v)", ErrReadOnly, err)
	}
	return err
}

// inspect opens an existing file read-only and checks that it is a RevOps
// Diagnostic database this version can use, returning its schema version.
// It writes nothing.
func inspect(ctx context.Context, path string, engagement bool) (int, error) {
	// Without a -wal file the main file holds every committed change, and
	// immutable=1 keeps SQLite from creating -wal and -shm files next to a
	// file that may not be ours.
	uri := fileURI(path) + "?mode=ro"
	if !fileExists(path + "-wal") {
		uri += "&immutable=1"
	}
	db, err := sql.Open("sqlite", uri)
	if err != nil {
		return 0, fmt.Errorf("%s: %w (%v)", path, ErrNotDatabase, err)
	}
	defer db.Close()
	var id, version, tables int
	row := db.QueryRowContext(ctx, `SELECT (SELECT application_id FROM pragma_application_id),
		(SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_schema)`)
	if err := row.Scan(&id, &version, &tables); err != nil {
		switch c := sqliteCode(err) & 0xff; c {
		case codeBusy, codeLocked:
			return 0, fmt.Errorf("%s: %w", path, ErrLocked)
		case codeCorrupt:
			return 0, damaged(path, err.Error())
		}
		return 0, fmt.Errorf("%s: %w (%v)", path, ErrNotDatabase, err)
	}
	switch {
	case id == 0 && tables == 0:
		return 0, nil // an empty SQLite file: initialise it
	case id != appID:
		return 0, fmt.Errorf("%s: %w (a SQLite file of another application, id %#x)", path, ErrNotDatabase, id)
	case version > latestVersion():
		return 0, fmt.Errorf("%s: %w (schema version %d; this version knows up to %d): update the application; the file was not changed",
			path, ErrNewerVersion, version, latestVersion())
	}
	var kind string
	if version > 0 {
		err := db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'kind'`).Scan(&kind)
		if sqliteCode(err)&0xff == codeCorrupt {
			return 0, damaged(path, err.Error())
		}
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return 0, fmt.Errorf("%s: %w (%v)", path, ErrNotDatabase, err)
		}
	}
	if kind == kindEngagement && !engagement {
		return 0, fmt.Errorf("%s: %w (it is an engagement file: bring it in with import-engagement)", path, ErrNotDatabase)
	}
	return version, nil
}

// openReadOnly opens an existing, current, undamaged database through
// read-only connections only (Options.ReadOnly).
func openReadOnly(ctx context.Context, path, abs string, opts Options) (*Store, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("database %s: %w", path, err)
	}
	if st.IsDir() || st.Size() == 0 {
		return nil, fmt.Errorf("%s: %w (empty, or a folder)", path, ErrNotDatabase)
	}
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	version, err := inspect(ctx, path, false)
	if err != nil {
		return nil, err
	}
	if version != latestVersion() {
		return nil, fmt.Errorf("database %s is %w and needs upgrading (schema version %d, this version uses %d): make it writable once", path, ErrReadOnly, version, latestVersion())
	}
	if err := checkIntegrity(ctx, path); err != nil {
		return nil, err
	}
	q := url.Values{}
	q.Set("mode", "ro")
	if !fileExists(abs + "-wal") {
		q.Set("immutable", "1")
	}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", opts.BusyTimeout.Milliseconds()))
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "query_only(1)")
	dsn := fileURI(abs) + "?" + q.Encode()
	s := &Store{path: abs, opts: opts}
	if s.w, err = sql.Open("sqlite", dsn); err != nil {
		return nil, fmt.Errorf("opening %s: %w", abs, err)
	}
	s.w.SetMaxOpenConns(1)
	if s.r, err = sql.Open("sqlite", dsn); err != nil {
		s.w.Close()
		return nil, fmt.Errorf("opening %s: %w", abs, err)
	}
	s.r.SetMaxOpenConns(4)
	return s, nil
}

// pageSize is the page size of the files this version creates. Deals are
// stored as chunks of a few megabytes (deal_chunks): at SQLite's default
// of 4 KiB each chunk is a chain of a thousand overflow pages, each a
// write to the log and another to the file, and the system calls were a
// large share of a big import's time (docs/BENCHMARKS-scale.md). Files
// made by earlier versions keep their page size.
const pageSize = 32768

// setPageSize gives a new, empty database file its page size and WAL mode,
// which writes the header that fixes the page size (the connections'
// pragmas set WAL first, which would fix the default).
// Another process creating the same file at the same moment waits for the
// lock (busy_timeout) and finds the size already set, which it keeps.
func setPageSize(ctx context.Context, path string, opts Options) error {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", opts.BusyTimeout.Milliseconds()))
	db, err := sql.Open("sqlite", fileURI(path)+"?"+q.Encode())
	if err != nil {
		return fmt.Errorf("creating %s: %w", path, err)
	}
	defer db.Close()
	for _, q := range []string{fmt.Sprintf("PRAGMA page_size = %d", pageSize), "PRAGMA journal_mode = WAL"} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("creating %s: %s: %w", path, q, err)
		}
	}
	return db.Close()
}

package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"modernc.org/sqlite"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// The kinds of file, recorded in table meta under "kind".
const (
	kindDatabase   = "database"
	kindEngagement = "engagement"
)

// stampFormat names backups so that name order is time order.
const stampFormat = "20060102T150405Z"

// BackupDir is the folder of a database's rolling backups: "backups" next
// to it.
func BackupDir(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), "backups") }

// Backups lists the rolling backups of the database, newest first.
func (s *Store) Backups() ([]string, error) { return listBackups(s.opts.BackupDir, s.path) }

func listBackups(dir, dbPath string) ([]string, error) {
	prefix := backupPrefix(dbPath)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("listing backups in %s: %w", dir, err)
	}
	var list []string
	for _, e := range entries {
		if !e.IsDir() && isBackupOf(e.Name(), prefix) {
			list = append(list, filepath.Join(dir, e.Name()))
		}
	}
	sort.Sort(sort.Reverse(sort.StringSlice(list)))
	return list, nil
}

func backupPrefix(dbPath string) string {
	return strings.TrimSuffix(filepath.Base(dbPath), filepath.Ext(dbPath)) + "-"
}

// isBackupOf reports whether a file name is <prefix><UTC time>[-label].db:
// the time must follow the prefix at once, so that the backups of
// "rev-old.db" ("rev-old-2026…") are not taken for those of "rev.db".
func isBackupOf(name, prefix string) bool {
	rest, ok := strings.CutPrefix(name, prefix)
	if !ok || !strings.HasSuffix(rest, ".db") || len(rest) < len(stampFormat) {
		return false
	}
	_, err := time.Parse(stampFormat, rest[:len(stampFormat)])
	return err == nil
}

// backupFile copies the database at path (a consistent snapshot, WAL
// included) into the backup folder as <name>-<UTC time>[-label].db and
// applies the keeping rules (prune). It writes nothing to the database.
func backupFile(ctx context.Context, path string, opts Options, label string) (string, error) {
	if err := os.MkdirAll(opts.BackupDir, 0o700); err != nil {
		return "", fmt.Errorf("creating the backup folder: %w", permErr(err))
	}
	name := backupPrefix(path) + opts.Now().UTC().Format(stampFormat)
	if label != "" {
		name += "-" + label
	}
	out := filepath.Join(opts.BackupDir, name+".db")
	for i := 2; fileExists(out); i++ {
		out = filepath.Join(opts.BackupDir, fmt.Sprintf("%s-%d.db", name, i))
	}
	if err := vacuumInto(ctx, path, out); err != nil {
		return "", err
	}
	return out, prune(opts, path)
}

// prune applies the keeping rules, one per purpose, so that backups of one
// purpose never push out those of another:
//
//   - rolling (start-up) backups: the newest opts.Keep are kept;
//   - pre-restore and pre-migration copies (and any other labelled copy) are
//     never removed automatically: they hold work that a restore or an
//     upgrade replaced, and only the user may decide it is no longer needed.
func prune(opts Options, path string) error {
	list, err := listBackups(opts.BackupDir, path)
	if err != nil {
		return err
	}
	kept := 0
	for _, b := range list { // newest first
		if purposeOf(b, path) != "" {
			continue
		}
		if kept++; kept <= opts.Keep {
			continue
		}
		if err := os.Remove(b); err != nil {
			return fmt.Errorf("removing old backup: %w", err)
		}
	}
	return nil
}

// purposeOf names why the backup file was taken: "" for a rolling
// (start-up) backup, "pre-restore", "pre-migration", or the label of any
// other kind. Backups of different purposes are kept by separate rules
// (see prune).
func purposeOf(file, dbPath string) string {
	rest := strings.TrimPrefix(filepath.Base(file), backupPrefix(dbPath))
	rest = strings.TrimSuffix(rest, ".db")
	if len(rest) < len(stampFormat) {
		return ""
	}
	label := strings.TrimPrefix(rest[len(stampFormat):], "-")
	// A "-N" suffix only tells apart two backups taken in the same second.
	i := strings.LastIndexByte(label, '-')
	if _, err := strconv.Atoi(label[i+1:]); err == nil {
		label = label[:max(i, 0)]
	}
	if strings.HasPrefix(label, "pre-migration") {
		return "pre-migration"
	}
	return label
}

func fileExists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// vacuumInto writes a compact, consistent copy of the database at src to
// the new file out (mode 0600), through a read-only connection.
func vacuumInto(ctx context.Context, src, out string) error {
	if fileExists(out) {
		return fmt.Errorf("%s already exists; choose another name: %w", out, diagnostic.ErrConflict)
	}
	f, err := os.OpenFile(out, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("creating %s: %w", out, permErr(err))
	}
	f.Close()
	db, err := sql.Open("sqlite", fileURI(src)+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		os.Remove(out)
		return fmt.Errorf("opening %s for backup: %w", src, err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `VACUUM INTO ?`, out); err != nil {
		os.Remove(out)
		return classify(fmt.Sprintf("copying %s to %s", src, out), err)
	}
	return nil
}

// rollingBackup takes the start-up backup unless one is less than a day old.
func (s *Store) rollingBackup(ctx context.Context) error {
	list, err := s.Backups()
	if err != nil {
		return fmt.Errorf("%s: start-up backup: %w", s.path, err)
	}
	// Only a rolling backup counts: a pre-restore copy holds the content
	// before the restore, not the content being opened.
	for _, b := range list {
		if purposeOf(b, s.path) != "" {
			continue
		}
		if st, err := os.Stat(b); err == nil && s.opts.Now().Sub(st.ModTime()) < 24*time.Hour {
			return nil
		}
		break
	}
	if _, err := backupFile(ctx, s.path, s.opts, ""); err != nil {
		return fmt.Errorf("%s: start-up backup: %w", s.path, err)
	}
	return nil
}

// Backup writes a consistent copy of the whole database to out, a file that
// must not exist yet (ErrConflict). The copy is a normal database: open it
// with --db or bring it back with Restore.
// A damaged database is refused (ErrDamaged) and nothing is written.
func (s *Store) Backup(ctx context.Context, out string) error {
	if err := checkIntegrity(ctx, s.path); err != nil {
		return err
	}
	return vacuumInto(ctx, s.path, out)
}

// Restore replaces the content of the database at dbPath with the backup
// src, after checking that src is a RevOps Diagnostic database this version
// can read and after taking a rolling backup of the current content. The
// copy goes through SQLite's online-backup API, so another process holding
// the database sees either the old or the new content. An older backup is
// migrated on the way.
func Restore(ctx context.Context, dbPath, src string, opts Options) error {
	srcAbs, err := filepath.Abs(src)
	if err != nil {
		return fmt.Errorf("backup %s: %w", src, err)
	}
	if st, err := os.Stat(srcAbs); err != nil {
		return fmt.Errorf("backup %s: %w", src, err)
	} else if st.Size() == 0 {
		return fmt.Errorf("%s: %w (empty file)", src, ErrNotDatabase)
	}
	if err := checkHeader(srcAbs); err != nil {
		return err
	}
	if _, err := inspect(ctx, srcAbs, false); err != nil {
		return err
	}
	if err := checkIntegrity(ctx, srcAbs); err != nil {
		return err
	}
	// The database being replaced may itself be damaged (the reason to
	// restore): then its bytes are kept as they are, since a damaged file
	// cannot be copied page by page.
	targetDamaged := false
	if st, err := os.Stat(dbPath); err == nil && st.Size() > 0 {
		if err := checkIntegrity(ctx, dbPath); errors.Is(err, ErrDamaged) {
			targetDamaged = true
		}
	}
	opts.noCheck = true // checked just above
	if targetDamaged {
		if err := rawBackup(dbPath, opts.withDefaults(dbPath), "pre-restore-damaged"); err != nil {
			return fmt.Errorf("%s: backup before restoring: %w", dbPath, err)
		}
		opts.AutoBackup = false
	}
	s, err := Open(ctx, dbPath, opts)
	if err != nil {
		return err
	}
	if !targetDamaged {
		if _, err := backupFile(ctx, s.path, s.opts, "pre-restore"); err != nil {
			s.Close()
			return fmt.Errorf("%s: backup before restoring: %w", s.path, err)
		}
	}
	conn, err := s.w.Conn(ctx)
	if err != nil {
		s.Close()
		return classify("restoring", err)
	}
	err = conn.Raw(func(dc any) error {
		r, ok := dc.(interface {
			NewRestore(string) (*sqlite.Backup, error)
		})
		if !ok {
			return fmt.Errorf("the SQLite driver cannot restore")
		}
		b, err := r.NewRestore(fileURI(srcAbs) + "?mode=ro")
		if err != nil {
			return err
		}
		for more := true; more && err == nil; {
			more, err = b.Step(-1)
		}
		return errors.Join(err, b.Finish())
	})
	conn.Close()
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return classify(fmt.Sprintf("restoring %s into %s", src, dbPath), err)
	}
	s, err = Open(ctx, dbPath, opts) // migrates an older backup
	if err != nil {
		return err
	}
	return s.Close()
}

// rawBackup copies a damaged database's bytes (and its -wal file, if any)
// into the backup folder under label, for whoever wants to salvage it.
func rawBackup(path string, opts Options, label string) error {
	if err := os.MkdirAll(opts.BackupDir, 0o700); err != nil {
		return fmt.Errorf("creating the backup folder: %w", permErr(err))
	}
	name := filepath.Join(opts.BackupDir, backupPrefix(path)+opts.Now().UTC().Format(stampFormat)+"-"+label)
	out := name + ".db"
	for i := 2; fileExists(out); i++ {
		out = fmt.Sprintf("%s-%d.db", name, i)
	}
	if err := copyNew(path, out); err != nil {
		return fmt.Errorf("copying %s: %w", path, err)
	}
	if fileExists(path + "-wal") {
		if err := copyNew(path+"-wal", out+"-wal"); err != nil {
			return fmt.Errorf("copying %s-wal: %w", path, err)
		}
	}
	return nil
}

// checkHeader fails with ErrNotDatabase unless the file starts with the
// SQLite header.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	defer f.Close()
	b := make([]byte, 16)
	if n, _ := f.Read(b); n < 16 || string(b) != "SQLite format 3\x00" {
		return fmt.Errorf("%s: %w (no SQLite header)", path, ErrNotDatabase)
	}
	return nil
}

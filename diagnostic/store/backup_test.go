package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// withMigration makes migrations() return the embedded ones plus one more,
// numbered after the last, with the given SQL, for the duration of the
// test. It returns the new migration's file name.
func withMigration(t *testing.T, sql string) string {
	t.Helper()
	migrationSource = migrationFS
	next := fmt.Sprintf("%04d_test.sql", latestVersion()+1)
	m := fstest.MapFS{}
	names, _ := fs.Glob(migrationFS, "migrations/*.sql")
	for _, n := range names {
		b, _ := migrationFS.ReadFile(n)
		m[n] = &fstest.MapFile{Data: b}
	}
	m["migrations/"+next] = &fstest.MapFile{Data: []byte(sql)}
	migrationSource = m
	t.Cleanup(func() { migrationSource = migrationFS })
	return next
}

func TestMigrationCopiesFirstAndIsAtomic(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustOrg(t, s, "Acme")
	s.Close()
	base := latestVersion()

	// A migration that fails half-way changes nothing.
	name := withMigration(t, `ALTER TABLE orgs ADD COLUMN website TEXT; INSERT INTO no_such_table VALUES (1);`)
	if _, err := Open(ctx, path, Options{}); err == nil || !strings.Contains(err.Error(), "migration "+name) {
		t.Fatalf("failing migration: %v", err)
	}
	migrationSource = migrationFS
	s, err = Open(ctx, path, Options{})
	if err != nil {
		t.Fatalf("after a failed migration: %v", err)
	}
	if v, _ := s.SchemaVersion(ctx); v != base {
		t.Errorf("version after failed migration %d, want %d", v, base)
	}
	if cols, _ := tableColumns(ctx, s.r, "orgs"); len(cols) != 10 {
		t.Errorf("orgs has %d columns after a rolled-back migration, want 10", len(cols))
	}
	s.Close()

	// A good migration: the file is copied first, then upgraded.
	withMigration(t, `ALTER TABLE orgs ADD COLUMN website TEXT NOT NULL DEFAULT '';`)
	s, err = Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, _ := s.SchemaVersion(ctx); v != base+1 {
		t.Errorf("version %d, want %d", v, base+1)
	}
	list, _ := s.Backups()
	// Two pre-migration copies: the failed attempt's and this one's.
	if len(list) != 2 || !strings.Contains(list[0], fmt.Sprintf("pre-migration-v%d", base)) {
		t.Fatalf("backups %v", list)
	}
	migrationSource = migrationFS
	old, err := Open(ctx, list[0], Options{BackupDir: t.TempDir()})
	if err != nil {
		t.Fatalf("the pre-migration copy does not open with the old schema: %v", err)
	}
	defer old.Close()
	if v, _ := old.SchemaVersion(ctx); v != base {
		t.Errorf("copy at version %d, want %d", v, base)
	}
	if o, err := old.FindOrg(ctx, "Acme"); err != nil || o.Name != "Acme" {
		t.Errorf("copy lacks the data: %v", err)
	}
}

func TestRollingBackups(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "r.db")
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	open := func() {
		t.Helper()
		s, err := Open(ctx, path, Options{AutoBackup: true, Now: clock})
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
	open() // new database: nothing to back up
	if list, _ := listBackups(BackupDir(path), path); len(list) != 0 {
		t.Errorf("backup of a new database: %v", list)
	}
	for day := 0; day < 7; day++ {
		now = now.Add(25 * time.Hour)
		open()
		open() // same day: no second backup
		// backupFile stamps the clock's time but the once-a-day check
		// reads the file's modification time: make it match the clock.
		list, _ := listBackups(BackupDir(path), path)
		os.Chtimes(list[0], now, now)
	}
	list, _ := listBackups(BackupDir(path), path)
	// 7 daily backups taken, the newest 5 kept: days 3..7.
	if len(list) != 5 || !strings.Contains(list[0], "20260308T") || !strings.Contains(list[4], "20260304T") {
		t.Errorf("backups %v", list)
	}
	if st, _ := os.Stat(BackupDir(path)); st.Mode().Perm() != 0o700 {
		t.Errorf("backup folder mode %v", st.Mode().Perm())
	}
	if st, _ := os.Stat(list[0]); st.Mode().Perm() != 0o600 {
		t.Errorf("backup file mode %v", st.Mode().Perm())
	}
	// A backup folder that cannot be written does not stop the database
	// from opening: the problem goes to Warn.
	os.RemoveAll(BackupDir(path))
	os.WriteFile(BackupDir(path), []byte("a file where the folder should be"), 0o600)
	now = now.Add(25 * time.Hour)
	var warned error
	s, err := Open(ctx, path, Options{AutoBackup: true, Now: clock, Warn: func(err error) { warned = err }})
	if err != nil || warned == nil || !strings.Contains(warned.Error(), "start-up backup") {
		t.Errorf("open with a broken backup folder: %v, warning %v", err, warned)
	}
	if s != nil {
		s.Close()
	}
}

func TestRestore(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "live.db")
	s, _ := Open(ctx, path, Options{})
	mustOrg(t, s, "Before")
	bak := filepath.Join(dir, "bak.db")
	if err := s.Backup(ctx, bak); err != nil {
		t.Fatal(err)
	}
	mustOrg(t, s, "After")
	s.Close()
	if err := Restore(ctx, path, filepath.Join(dir, "missing.db"), Options{}); err == nil {
		t.Error("restoring a missing file worked")
	}
	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, []byte("junk"), 0o600)
	if err := Restore(ctx, path, junk, Options{}); !errors.Is(err, ErrNotDatabase) {
		t.Errorf("restoring junk: %v", err)
	}
	if err := Restore(ctx, path, bak, Options{}); err != nil {
		t.Fatal(err)
	}
	s, _ = Open(ctx, path, Options{})
	defer s.Close()
	list, _ := s.Orgs(ctx)
	if len(list) != 1 || list[0].Name != "Before" {
		t.Errorf("after restore: %+v", list)
	}
	// The content before the restore was kept.
	backups, _ := s.Backups()
	if len(backups) != 1 || !strings.Contains(backups[0], "pre-restore") {
		t.Fatalf("backups %v", backups)
	}
	kept, err := Open(ctx, backups[0], Options{BackupDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer kept.Close()
	if l, _ := kept.Orgs(ctx); len(l) != 2 {
		t.Errorf("pre-restore copy has %d organisations, want 2", len(l))
	}
}

func TestLockedDatabase(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "l.db")
	a, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	o := mustOrg(t, a, "Acme")
	b, err := Open(ctx, path, Options{BusyTimeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	// a holds the write lock (as another process would, mid-import).
	tx, err := a.w.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	tx.Exec(`UPDATE orgs SET industry = 'services'`)
	start := time.Now()
	err = b.SetObservation(ctx, o.ID, diagnostic.Observation{Metric: "revenue", Month: month("2026-01"), Value: 1})
	if !errors.Is(err, ErrLocked) || time.Since(start) < 150*time.Millisecond {
		t.Errorf("write while locked: %v after %v", err, time.Since(start))
	}
	// Readers are not blocked by the writer (WAL).
	if _, err := b.Orgs(ctx); err != nil {
		t.Errorf("read while locked: %v", err)
	}
	tx.Commit()
	if err := b.SetObservation(ctx, o.ID, diagnostic.Observation{Metric: "revenue", Month: month("2026-01"), Value: 1}); err != nil {
		t.Errorf("write after the lock was released: %v", err)
	}
}

// TestBackupsOfSiblingDatabasesStayApart checks that the rolling backups of
// "r.db" and of "r-old.db" in the same folder are told apart: listing,
// pruning and the once-a-day check of one ignore the other's files.
func TestBackupsOfSiblingDatabasesStayApart(t *testing.T) {
	dir := t.TempDir()
	bdir := filepath.Join(dir, "backups")
	if err := os.MkdirAll(bdir, 0o700); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"r-20260301T090000Z.db", "r-20260302T090000Z-pre-restore.db", "r-old-20260303T090000Z.db", "r-notes.db", "r-20260301T090000Z.txt"} {
		if err := os.WriteFile(filepath.Join(bdir, n), nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	names := func(db string) []string {
		list, err := listBackups(bdir, filepath.Join(dir, db))
		if err != nil {
			t.Fatal(err)
		}
		for i, p := range list {
			list[i] = filepath.Base(p)
		}
		return list
	}
	if got := names("r.db"); !slices.Equal(got, []string{"r-20260302T090000Z-pre-restore.db", "r-20260301T090000Z.db"}) {
		t.Errorf("backups of r.db: %v", got)
	}
	if got := names("r-old.db"); !slices.Equal(got, []string{"r-old-20260303T090000Z.db"}) {
		t.Errorf("backups of r-old.db: %v", got)
	}
}

// TestSixRestoresKeepTheOriginalWork is the reproduction of issue 20 item 1:
// restoring another file six times must leave the work from before the first
// restore in a backup (pre-restore copies are never rotated out), while the
// daily backups keep their own count.
func TestSixRestoresKeepTheOriginalWork(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "live.db")
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	opts := Options{AutoBackup: true, Now: func() time.Time { now = now.Add(time.Minute); return now }}
	s, err := Open(ctx, path, opts)
	if err != nil {
		t.Fatal(err)
	}
	mustOrg(t, s, "Original work")
	s.Close()
	otherPath := filepath.Join(dir, "other.db")
	o, err := Open(ctx, otherPath, Options{BackupDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	mustOrg(t, o, "Other")
	o.Close()
	for i := 0; i < 6; i++ {
		if err := Restore(ctx, path, otherPath, opts); err != nil {
			t.Fatalf("restore %d: %v", i+1, err)
		}
	}
	list, err := listBackups(BackupDir(path), path)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, b := range list {
		k, err := Open(ctx, b, Options{BackupDir: t.TempDir()})
		if err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		if _, err := k.FindOrg(ctx, "Original work"); err == nil {
			found = true
		}
		k.Close()
	}
	if !found {
		t.Errorf("after six restores the original work is in none of the backups %v", list)
	}
	// The daily backups still rotate on their own: days of start-ups keep
	// at most Keep of them, and no pre-restore copy goes.
	for day := 0; day < 7; day++ {
		now = now.Add(25 * time.Hour)
		s, err := Open(ctx, path, opts)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		l, _ := listBackups(BackupDir(path), path)
		for _, b := range l {
			if purposeOf(b, path) == "" {
				os.Chtimes(b, now, now)
			}
		}
	}
	list, _ = listBackups(BackupDir(path), path)
	rolling, pre := 0, 0
	for _, b := range list {
		switch purposeOf(b, path) {
		case "":
			rolling++
		case "pre-restore":
			pre++
		}
	}
	if rolling != 5 || pre != 6 {
		t.Errorf("%d daily and %d pre-restore backups, want 5 and 6: %v", rolling, pre, list)
	}
}

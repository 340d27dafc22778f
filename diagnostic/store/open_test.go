package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOpenCreatesPrivateFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new")
	path := filepath.Join(dir, "x.db")
	s, err := Open(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	v, err := s.SchemaVersion(context.Background())
	if err != nil || v != latestVersion() {
		t.Errorf("schema version %d, %v; want %d", v, err, latestVersion())
	}
	var mode, fk string
	var busy int
	s.w.QueryRow(`PRAGMA journal_mode`).Scan(&mode)
	s.w.QueryRow(`PRAGMA foreign_keys`).Scan(&fk)
	s.w.QueryRow(`PRAGMA busy_timeout`).Scan(&busy)
	if mode != "wal" || fk != "1" || busy != 5000 {
		t.Errorf("pragmas: journal_mode %s foreign_keys %s busy_timeout %d", mode, fk, busy)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]os.FileMode{path: 0o600, dir: 0o700} {
		st, err := os.Stat(p)
		if err != nil || st.Mode().Perm() != want {
			t.Errorf("%s: mode %v, %v; want %v", p, st.Mode().Perm(), err, want)
		}
	}
	// Opening again is a no-op migration.
	s, err = Open(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
}

func TestOpenRefusesForeignFilesUnchanged(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte(strings.Repeat("hello, not a database\n", 20)), 0o600)
	// A valid SQLite header followed by garbage: corrupt.
	corrupt := filepath.Join(dir, "corrupt.db")
	junk := []byte("SQLite format 3\x00")
	for len(junk) < 8192 {
		junk = append(junk, byte(len(junk)*7))
	}
	os.WriteFile(corrupt, junk, 0o600)
	// Another application's SQLite database.
	other := filepath.Join(dir, "other.db")
	s, err := Open(context.Background(), other, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.w.Exec(`PRAGMA application_id = 42`)
	s.Close()
	for _, p := range []string{text, corrupt, other} {
		before, _ := os.ReadFile(p)
		_, err := Open(context.Background(), p, Options{})
		if !errors.Is(err, ErrNotDatabase) || !strings.HasPrefix(err.Error(), p+": not a RevOps Diagnostic database (") {
			t.Errorf("%s: got %v", filepath.Base(p), err)
		}
		after, _ := os.ReadFile(p)
		if string(before) != string(after) {
			t.Errorf("%s was changed", filepath.Base(p))
		}
		if fileExists(p+"-wal") || fileExists(p+"-shm") {
			t.Errorf("%s: journal files left behind", filepath.Base(p))
		}
	}
}

func TestOpenRefusesNewerVersionUnchanged(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	s, err := Open(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.w.Exec(`PRAGMA user_version = 999`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before, _ := os.ReadFile(path)
	_, err = Open(context.Background(), path, Options{})
	if !errors.Is(err, ErrNewerVersion) || !strings.Contains(err.Error(), "schema version 999") {
		t.Fatalf("got %v", err)
	}
	after, _ := os.ReadFile(path)
	if string(before) != string(after) {
		t.Error("newer database was changed")
	}
}

func TestOpenReadOnly(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "ro.db")
	s, err := Open(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	os.Chmod(path, 0o400)
	if _, err := Open(context.Background(), path, Options{}); !errors.Is(err, ErrReadOnly) {
		t.Errorf("read-only file: got %v", err)
	}
	os.Chmod(path, 0o600)
	os.Chmod(dir, 0o500)
	defer os.Chmod(dir, 0o700)
	if _, err := Open(context.Background(), path, Options{}); !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "folder") {
		t.Errorf("read-only folder: got %v", err)
	}
}

func TestMigrationsAreNumbered(t *testing.T) {
	ms := migrations()
	for i, m := range ms {
		if m.version != i+1 {
			t.Errorf("migration %s has version %d, want %d (no gaps)", m.name, m.version, i+1)
		}
	}
}

package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// dealsDB creates a database with one organisation and enough deals to
// fill several pages, checkpointed so that the main file holds everything.
func dealsDB(t *testing.T, path string) *Store {
	t.Helper()
	ctx := context.Background()
	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	o := mustOrg(t, s, "Acme")
	_, err = s.Import(ctx, o.ID, ImportRecord{FileName: "deals.csv", SHA256: sha('d'), Kind: KindDeals}, func(w *ImportWriter) error {
		for i := 0; i < 3000; i++ {
			d := diagnostic.Deal{ExternalID: fmt.Sprintf("D-%05d", i), Name: "A deal with a name long enough", Status: diagnostic.DealWon,
				Amount: float64(i), Created: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), Closed: time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)}
			if err := w.AddDeal(d); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.w.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		t.Fatal(err)
	}
	return s
}

// zeroDealsPage overwrites with zeros the root page of the deals table in
// the database file at path (an interior page: the table spans many), the
// damage of issue 20's reproduction.
func zeroDealsPage(t *testing.T, s *Store, path string) {
	t.Helper()
	var root int64
	if err := s.r.QueryRow(`SELECT rootpage FROM sqlite_schema WHERE name = 'deal_chunks'`).Scan(&root); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	size := int64(binary.BigEndian.Uint16(b[16:18]))
	if size == 1 {
		size = 65536
	}
	copy(b[(root-1)*size:root*size], make([]byte, size))
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestDamagedDatabaseRefused: a zeroed page of the deals (deal_chunks) is found
// before anything is written, backed up or restored, the message says the
// file is damaged (not "not a RevOps Diagnostic database"), and the file
// stays byte for byte the same.
func TestDamagedDatabaseRefused(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.db")
	s := dealsDB(t, bad)
	s.Close()
	s, err := Open(ctx, bad, Options{})
	if err != nil {
		t.Fatal(err)
	}
	zeroDealsPage(t, s, bad)
	s.Close()
	before, _ := os.ReadFile(bad)

	// Opening (the first write of a run, the start-up backup) refuses.
	_, err = Open(ctx, bad, Options{AutoBackup: true})
	if !errors.Is(err, ErrDamaged) || errors.Is(err, ErrNotDatabase) || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("open of a damaged file: %v", err)
	}
	if after, _ := os.ReadFile(bad); !bytes.Equal(before, after) {
		t.Error("the damaged file was changed by Open")
	}
	if list, _ := listBackups(BackupDir(bad), bad); len(list) != 0 {
		t.Errorf("backups taken of a damaged file: %v", list)
	}

	// Restoring the damaged file over good data refuses; the good data and
	// the damaged file are untouched.
	good := filepath.Join(dir, "good.db")
	g, err := Open(ctx, good, Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustOrg(t, g, "Good")
	g.Close()
	goodBefore, _ := os.ReadFile(good)
	if err := Restore(ctx, good, bad, Options{AutoBackup: true}); !errors.Is(err, ErrDamaged) {
		t.Errorf("restore of a damaged file: %v", err)
	}
	if after, _ := os.ReadFile(good); !bytes.Equal(goodBefore, after) {
		t.Error("restoring a damaged file changed the good database")
	}
	if after, _ := os.ReadFile(bad); !bytes.Equal(before, after) {
		t.Error("the damaged file was changed by Restore")
	}

	// A damaged database can be replaced by a good backup; its bytes are
	// kept in the backup folder.
	if err := Restore(ctx, bad, good, Options{AutoBackup: true}); err != nil {
		t.Fatalf("restoring over a damaged database: %v", err)
	}
	r, err := Open(ctx, bad, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.FindOrg(ctx, "Good"); err != nil {
		t.Errorf("after restoring over a damaged database: %v", err)
	}
	r.Close()
	list, _ := listBackups(BackupDir(bad), bad)
	kept := false
	for _, b := range list {
		if c, _ := os.ReadFile(b); purposeOf(b, bad) == "pre-restore-damaged" && bytes.Equal(c, before) {
			kept = true
		}
	}
	if !kept {
		t.Errorf("the damaged content was not kept: %v", list)
	}
}

// TestBackupOfDamagedDatabaseRefused: a database damaged while open (by
// the disk, say) is not copied over as a backup.
func TestBackupOfDamagedDatabaseRefused(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "live.db")
	s := dealsDB(t, path)
	defer s.Close()
	zeroDealsPage(t, s, path)
	out := filepath.Join(dir, "copy.db")
	if err := s.Backup(context.Background(), out); !errors.Is(err, ErrDamaged) {
		t.Errorf("backup of a damaged database: %v", err)
	}
	if fileExists(out) {
		t.Error("a backup file was written")
	}
}

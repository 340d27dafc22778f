package store

import (
	"context"
	"testing"
)

// TestRelativePath: `revopsdx --db a.db` opens a.db in the current folder
// (a relative path once made the SQLite URI invalid).
func TestRelativePath(t *testing.T) {
	t.Chdir(t.TempDir())
	for i := 0; i < 2; i++ { // create, then reopen
		s, err := Open(context.Background(), "a.db", Options{})
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

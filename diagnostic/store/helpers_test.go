package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// clock is a fake clock that advances one second per reading.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { c.t = c.t.Add(time.Second); return c.t }

// newTestStore opens a fresh database in a temporary folder with a fake
// clock starting at 2026-01-01T00:00:00Z.
func newTestStore(t testing.TB) *Store {
	t.Helper()
	c := &clock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "db", "revopsdx.db"), Options{Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	return s
}

// mustOrg creates an organisation with a valid profile.
func mustOrg(t testing.TB, s *Store, name string) Org {
	t.Helper()
	o, err := s.CreateOrg(context.Background(), diagnostic.Profile{Name: name, Industry: diagnostic.IndustrySaaS,
		Segment: diagnostic.SegmentSMB, Currency: "EUR", Language: "es"})
	if err != nil {
		t.Fatal(err)
	}
	return o
}

package app

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic/analysis"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// demoAsOf fixes "today" of the demo organisation in tests.
var demoAsOf = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

// seedDemo stores the demo organisation (analysis.DemoSnapshot) with the
// store's SaveSnapshot, as `revopsdx demo` does, and returns its id.
func seedDemo(t testing.TB, db *store.Store) int64 {
	t.Helper()
	snap, err := analysis.LoadDemo(demoAsOf)
	if err != nil {
		t.Fatal(err)
	}
	o, err := db.SaveSnapshot(context.Background(), snap, store.SaveOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return o.ID
}

// TestWriteDemoDB writes a database holding the demo organisation to the
// path in REVOPSDX_DEMO_DB, for looking at the real binary under Xvfb.
func TestWriteDemoDB(t *testing.T) {
	path := os.Getenv("REVOPSDX_DEMO_DB")
	if path == "" {
		t.Skip("set REVOPSDX_DEMO_DB=FILE to write a database with the demo organisation")
	}
	db := openTestStore(t, path)
	defer db.Close()
	seedDemo(t, db)
}

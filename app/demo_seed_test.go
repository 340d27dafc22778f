package app

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic/analysis"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// demoAsOf fixes "today" of the demo organisation in tests.
var demoAsOf = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

// seedDemo stores the demo organisation (analysis.DemoSnapshot) through
// the store's public API and returns its id.
func seedDemo(t testing.TB, db *store.Store) int64 {
	t.Helper()
	ctx := context.Background()
	snap, err := analysis.LoadDemo(demoAsOf)
	if err != nil {
		t.Fatal(err)
	}
	o, err := db.CreateOrg(ctx, snap.Profile)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range snap.Assessments {
		a.OrgID = o.ID
		if _, err := db.CreateAssessment(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(db.SetObjectives(ctx, o.ID, snap.Objectives))
	for _, k := range snap.CustomKPIs {
		must(db.SetCustomKPI(ctx, o.ID, k))
	}
	for _, it := range snap.Plan {
		must(db.SetPlanItem(ctx, o.ID, it))
		for _, tg := range it.Targets {
			must(db.AddTarget(ctx, o.ID, it.KPI, tg))
		}
	}
	must(db.SetObservations(ctx, o.ID, snap.Observations))
	_, err = db.Import(ctx, o.ID, store.ImportRecord{FileName: "demo-records", SHA256: strings.Repeat("d", 64), Kind: store.KindDeals}, func(w *store.ImportWriter) error {
		for _, d := range snap.Deals {
			if err := w.AddDeal(d); err != nil {
				return err
			}
		}
		for _, c := range snap.Customers {
			if err := w.AddCustomer(c); err != nil {
				return err
			}
		}
		for _, x := range snap.Transactions {
			if err := w.AddTransaction(x); err != nil {
				return err
			}
		}
		for _, l := range snap.Leads {
			if err := w.AddLead(l); err != nil {
				return err
			}
		}
		return nil
	})
	must(err)
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

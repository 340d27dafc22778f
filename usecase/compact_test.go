package usecase

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/analysis"
	"github.com/revopsdx/revopsdx/diagnostic/importer"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// recordsOnly hides the store's compact loader: AnalyseOrg then takes the
// record-level path (every deal read as a record), the reference.
type recordsOnly struct{ s *store.Store }

func (r recordsOnly) LoadSnapshot(ctx context.Context, orgID int64) (analysis.Snapshot, error) {
	return r.s.LoadSnapshot(ctx, orgID)
}

// sameBothWays analyses and diagnoses an organisation from its records
// and from its compact snapshot and fails unless the two agree on every
// KPI row, the scorecard, the facts and recommendations, the diagnosis,
// the data-quality report and a work-back (its run rate walks the deals).
func sameBothWays(t *testing.T, s *store.Store, orgID int64, what string) {
	t.Helper()
	ctx := context.Background()
	for _, lang := range []locale.Lang{locale.ES, locale.EN} {
		want, wd, err := DiagnoseOrg(ctx, recordsOnly{s}, orgID, lang, asOf)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		got, gd, err := DiagnoseOrg(ctx, s, orgID, lang, asOf)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if got.Snapshot.Deals != nil || got.Snapshot.DealTable.Len() != len(want.Snapshot.Deals) {
			t.Fatalf("%s: the compact path read %d deal records, %d in its table (want none, %d)", what,
				len(got.Snapshot.Deals), got.Snapshot.DealTable.Len(), len(want.Snapshot.Deals))
		}
		for name, pair := range map[string][2]any{
			"KPI rows": {got.KPIRows, want.KPIRows}, "scorecard": {got.Scorecard, want.Scorecard},
			"range":                {[2]diagnostic.Month{got.From, got.To}, [2]diagnostic.Month{want.From, want.To}},
			"recommendation input": {got.RecommendInput, want.RecommendInput}, "recommendations": {got.Recommendations, want.Recommendations},
			"warnings": {got.Warnings, want.Warnings}, "diagnosis": {gd, wd},
			"quality": {quality(got.Snapshot), quality(want.Snapshot)},
		} {
			if !reflect.DeepEqual(pair[0], pair[1]) {
				t.Errorf("%s (%s): %s differ between the compact and the record path", what, lang, name)
			}
		}
	}
	by := diagnostic.MonthOf(asOf).Add(11)
	want, werr := WorkBack(ctx, recordsOnly{s}, orgID, 1_000_000, by, asOf)
	got, gerr := WorkBack(ctx, s, orgID, 1_000_000, by, asOf)
	if (werr == nil) != (gerr == nil) || !reflect.DeepEqual(got, want) {
		t.Errorf("%s: work-back differs between the compact and the record path:\n%+v (%v)\n%+v (%v)", what, got, gerr, want, werr)
	}
}

func quality(s analysis.Snapshot) kpi.QualityReport {
	return kpi.AssessQuality(kpi.Inputs{Observations: s.Observations, Deals: s.Deals, DealTable: s.DealTable, Customers: s.Customers,
		Transactions: s.Transactions, Leads: s.Leads}, asOf)
}

// TestCompactAnalysisOnDemo: the demo organisation.
func TestCompactAnalysisOnDemo(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	res, err := EnsureDemo(ctx, s, false, asOf)
	if err != nil {
		t.Fatal(err)
	}
	sameBothWays(t, s, res.Org.ID, "demo")
}

// TestCompactAnalysisOnRandomDeals: the demo's assessments and monthly
// figures with random deals instead of its own, over many seeds (a
// property test of the two paths).
func TestCompactAnalysisOnRandomDeals(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	seeds := uint64(25)
	if testing.Short() {
		seeds = 5
	}
	for seed := range seeds {
		snap, err := analysis.LoadDemo(asOf)
		if err != nil {
			t.Fatal(err)
		}
		r := rand.New(rand.NewPCG(seed, 21))
		snap.Profile.Name = fmt.Sprint("Random ", seed)
		snap.Deals = randomDeals(r, 20+r.IntN(600))
		o, err := s.SaveSnapshot(ctx, snap, store.SaveOptions{})
		if err != nil {
			t.Fatal(err)
		}
		sameBothWays(t, s, o.ID, snap.Profile.Name)
	}
}

// randomDeals draws deals over the two years before asOf: every status,
// missing ids and dates, repeated ids, times of day, amounts of zero and
// far above the rest.
func randomDeals(r *rand.Rand, n int) []diagnostic.Deal {
	start := asOf.AddDate(-2, 0, 0)
	statuses := []diagnostic.DealStatus{diagnostic.DealOpen, diagnostic.DealWon, diagnostic.DealLost}
	out := make([]diagnostic.Deal, n)
	for i := range out {
		d := diagnostic.Deal{Status: statuses[r.IntN(3)], Amount: float64(r.IntN(5000000)) / 100}
		if r.IntN(30) == 0 {
			d.Amount = 0
		}
		if r.IntN(50) == 0 {
			d.Amount *= 1000
		}
		if r.IntN(8) > 0 {
			d.ExternalID = fmt.Sprint("D", r.IntN(n))
		}
		if r.IntN(15) > 0 {
			d.Created = start.Add(time.Duration(r.Int64N(int64(700 * 24 * time.Hour))))
		}
		if d.Status != diagnostic.DealOpen && r.IntN(20) > 0 {
			base := d.Created
			if base.IsZero() {
				base = start
			}
			d.Closed = base.Add(time.Duration(r.Int64N(int64(150*24*time.Hour))) - 24*time.Hour)
		}
		out[i] = d
	}
	return out
}

// TestCompactAnalysisOnRealFiles: the real CRM exports of
// ../shared/data/real imported as they are.
func TestCompactAnalysisOnRealFiles(t *testing.T) {
	ctx := context.Background()
	_, here, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(here), "..", "..", "shared", "data", "real")
	files := []string{"maven_crm_sales_pipeline.csv", "maven_crm_sales_pipeline_excel_resaved_us_dates.csv"}
	for _, f := range files {
		p := filepath.Join(dir, f)
		if _, err := os.Stat(p); err != nil {
			t.Skipf("real data file %s not found (expected at ../shared/data/real from the repository root): %v", f, err)
		}
		s := openTemp(t)
		snap, err := analysis.LoadDemo(asOf)
		if err != nil {
			t.Fatal(err)
		}
		snap.Deals = nil
		o, err := s.SaveSnapshot(ctx, snap, store.SaveOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ImportIntoStore(ctx, s, o.ID, p, importer.Options{}, false); err != nil {
			t.Fatalf("importing %s: %v", f, err)
		}
		if n, err := s.DealTable(ctx, o.ID); err != nil || n.Len() == 0 {
			t.Fatalf("%s: %d deals imported (%v)", f, n.Len(), err)
		}
		sameBothWays(t, s, o.ID, f)
	}
}

func openTemp(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "u.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

package analysis

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// demoAsOf is the "today" of the demo fixture in these tests: the last
// month of data is October 2026.
var demoAsOf = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

// mustAnalyse analyses s in lang or fails the test.
func mustAnalyse(t testing.TB, s Snapshot, lang locale.Lang) *Analysis {
	t.Helper()
	a, err := Analyse(context.Background(), s, lang)
	if err != nil {
		t.Fatalf("Analyse: %v", err)
	}
	return a
}

// near reports whether a and b agree to within 1e-9 (relative for large).
func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

// value returns the value of a KPI row at a month, failing when missing.
func value(t *testing.T, a *Analysis, id string, m diagnostic.Month) float64 {
	t.Helper()
	for _, r := range a.Series(id) {
		if r.Of.First == m {
			if r.PeriodValue == nil { // the month's own value, before any evidence window
				t.Fatalf("%s %s: no value (missing %v)", id, m, r.PeriodMissing)
			}
			return *r.PeriodValue
		}
	}
	t.Fatalf("%s %s: no row", id, m)
	return 0
}

// observed returns the demo's observation of metric in month m.
func observed(t *testing.T, s Snapshot, metric string, m diagnostic.Month) float64 {
	t.Helper()
	for _, o := range s.Observations {
		if o.Metric == metric && o.Month == m {
			return o.Value
		}
	}
	t.Fatalf("no observation %s %s", metric, m)
	return 0
}

func ptr[T any](v T) *T { return &v }

func mon(y int, m time.Month) diagnostic.Month { return diagnostic.Month{Year: y, Month: m} }

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 12, 0, 0, 0, time.UTC) }

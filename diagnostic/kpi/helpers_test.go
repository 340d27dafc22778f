package kpi

import (
	"math"
	"slices"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func mon(s string) diagnostic.Month {
	m, err := diagnostic.ParseMonth(s)
	if err != nil {
		panic(err)
	}
	return m
}

// byKey indexes rows by "kpi period".
func byKey(rows []Row) map[string]Row {
	out := map[string]Row{}
	for _, r := range rows {
		out[r.KPI+" "+r.Period] = r
	}
	return out
}

func compute(t *testing.T, in Inputs, from, to string, g Grain) map[string]Row {
	t.Helper()
	rows, err := Compute(in, mon(from), mon(to), g)
	if err != nil {
		t.Fatal(err)
	}
	return byKey(rows)
}

// wantValue checks a row's own period value (the formula over the period,
// before any evidence window) to 1e-6 relative.
func wantValue(t *testing.T, rows map[string]Row, key string, want float64) {
	t.Helper()
	r, ok := rows[key]
	if !ok {
		t.Errorf("%s: no row", key)
		return
	}
	if r.PeriodValue == nil {
		t.Errorf("%s: not available, missing %v; want %g", key, r.PeriodMissing, want)
		return
	}
	if math.Abs(*r.PeriodValue-want) > 1e-6*math.Max(1, math.Abs(want)) {
		t.Errorf("%s = %.6f, want %.6f", key, *r.PeriodValue, want)
	}
}

// wantMissing checks a row's own period value is not available and names
// the given input.
func wantMissing(t *testing.T, rows map[string]Row, key, name string) {
	t.Helper()
	r, ok := rows[key]
	if !ok {
		t.Errorf("%s: no row", key)
		return
	}
	if r.PeriodValue != nil {
		t.Errorf("%s = %g, want not available (missing %s)", key, *r.PeriodValue, name)
		return
	}
	if r.Value == nil && !slices.Equal(r.Missing, r.PeriodMissing) {
		t.Errorf("%s: missing %v, period missing %v", key, r.Missing, r.PeriodMissing)
	}
	for _, m := range r.PeriodMissing {
		if m == name {
			return
		}
	}
	t.Errorf("%s: missing %v, want it to name %q", key, r.PeriodMissing, name)
}

func obs(metric, month string, v float64) diagnostic.Observation {
	return diagnostic.Observation{Metric: metric, Month: mon(month), Value: v, Source: diagnostic.SourceManual}
}

package kpi

import (
	"math"
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

// wantValue checks a row's value to 1e-6 relative.
func wantValue(t *testing.T, rows map[string]Row, key string, want float64) {
	t.Helper()
	r, ok := rows[key]
	if !ok {
		t.Errorf("%s: no row", key)
		return
	}
	if r.Value == nil {
		t.Errorf("%s: not available, missing %v; want %g", key, r.Missing, want)
		return
	}
	if math.Abs(*r.Value-want) > 1e-6*math.Max(1, math.Abs(want)) {
		t.Errorf("%s = %.6f, want %.6f", key, *r.Value, want)
	}
}

// wantMissing checks a row is not available and names the given input.
func wantMissing(t *testing.T, rows map[string]Row, key, name string) {
	t.Helper()
	r, ok := rows[key]
	if !ok {
		t.Errorf("%s: no row", key)
		return
	}
	if r.Value != nil {
		t.Errorf("%s = %g, want not available (missing %s)", key, *r.Value, name)
		return
	}
	for _, m := range r.Missing {
		if m == name {
			return
		}
	}
	t.Errorf("%s: missing %v, want it to name %q", key, r.Missing, name)
}

func obs(metric, month string, v float64) diagnostic.Observation {
	return diagnostic.Observation{Metric: metric, Month: mon(month), Value: v, Source: diagnostic.SourceManual}
}

package kpi

import (
	"errors"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// TestBenchmarkLoadErrorNotHidden: when the benchmark table cannot be
// loaded, Compute fails with the reason instead of showing every KPI
// without a benchmark, and FindBenchmark returns the error.
func TestBenchmarkLoadErrorNotHidden(t *testing.T) {
	if _, err := Benchmarks(); err != nil { // the once has run
		t.Fatal(err)
	}
	saved, savedErr := benches, benchErr
	benches, benchErr = nil, errors.New("benchmarks.json: broken")
	t.Cleanup(func() { benches, benchErr = saved, savedErr })

	if _, _, err := FindBenchmark("win_rate", diagnostic.Profile{}); err == nil {
		t.Error("FindBenchmark hid the load error")
	}
	m := diagnostic.Month{Year: 2025, Month: 1}
	in := Inputs{Observations: []diagnostic.Observation{{Metric: "revenue", Month: m, Value: 1}}}
	if _, err := Compute(in, m, m, Month); err == nil {
		t.Error("Compute hid the benchmark load error")
	}
}

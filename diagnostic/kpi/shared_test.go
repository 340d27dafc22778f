package kpi

import "testing"

// TestCachedContentUnmodifiable: the catalogue and the benchmark table are
// handed out as copies; changing one changes nothing for the next caller.
func TestCachedContentUnmodifiable(t *testing.T) {
	c, err := LoadCatalogue()
	if err != nil {
		t.Fatal(err)
	}
	id := c.KPIs[0].ID
	c.KPIs[0].ID = "hacked"
	b, err := Benchmarks()
	if err != nil {
		t.Fatal(err)
	}
	kpi := b[0].KPI
	b[0].KPI = "hacked"
	if len(b[0].Industries) > 0 {
		b[0].Industries[0] = "hacked"
	}
	c2, _ := LoadCatalogue()
	b2, _ := Benchmarks()
	if c2.KPIs[0].ID != id || b2[0].KPI != kpi || len(b2[0].Industries) > 0 && b2[0].Industries[0] == "hacked" {
		t.Error("a caller changed the shared catalogue or benchmark table")
	}
	h := CSVHeader()
	h[0] = "hacked"
	if CSVHeader()[0] == "hacked" {
		t.Error("a caller changed CSVHeader")
	}
}

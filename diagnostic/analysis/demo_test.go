package analysis

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

func TestDemoIsDeterministic(t *testing.T) {
	a, b := DemoSnapshot(demoAsOf), DemoSnapshot(demoAsOf)
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if string(ja) != string(jb) {
		t.Fatal("two demo snapshots with the same as-of differ")
	}
	// A later as-of shifts the dates but keeps the shape: same counts.
	c := DemoSnapshot(demoAsOf.AddDate(0, 3, 0))
	if len(c.Deals) != len(a.Deals) || len(c.Customers) != len(a.Customers) || len(c.Observations) != len(a.Observations) {
		t.Errorf("shape changed with as-of: %d/%d/%d deals/customers/observations, want %d/%d/%d",
			len(c.Deals), len(c.Customers), len(c.Observations), len(a.Deals), len(a.Customers), len(a.Observations))
	}
}

func TestDemoShape(t *testing.T) {
	s, err := LoadDemo(demoAsOf)
	if err != nil {
		t.Fatal(err)
	}
	p := s.Profile
	want := diagnostic.Profile{Name: "Demo", Industry: diagnostic.IndustrySaaS, BusinessModel: diagnostic.ModelSubscription,
		Segment: diagnostic.SegmentMidMarket, EmployeeBand: "11-50", Currency: "EUR", Language: "es"}
	if !reflect.DeepEqual(p, want) {
		t.Errorf("profile %+v, want %+v", p, want)
	}
	if len(s.Assessments) != 2 {
		t.Fatalf("%d assessments, want 2", len(s.Assessments))
	}
	prev, last := s.Assessments[0], s.Assessments[1]
	if n := len(last.Respondents); n != 3 {
		t.Errorf("latest assessment has %d respondents, want 3", n)
	}
	// Six months apart: 190 − 7 = 183 days.
	if d := last.Date.Sub(prev.Date); d != 183*24*time.Hour {
		t.Errorf("assessments %v apart, want 183 days", d)
	}
	// 26 months × 10–13 deals: about 300.
	if n := len(s.Deals); n < 260 || n > 340 {
		t.Errorf("%d deals, want about 300", n)
	}
	ids := map[string]bool{}
	for _, c := range s.Customers {
		ids[c.ExternalID] = true
		if c.MRR <= 0 {
			t.Errorf("customer %s has MRR %v", c.ExternalID, c.MRR)
		}
	}
	if n := len(ids); n < 140 || n > 200 {
		t.Errorf("%d customers, want about 150–170", n)
	}
	// 24 months of 20 inputs (19 catalogue inputs and the custom KPI).
	months := map[diagnostic.Month]bool{}
	for _, o := range s.Observations {
		months[o.Month] = true
	}
	if len(months) != DemoMonths {
		t.Errorf("observations over %d months, want %d", len(months), DemoMonths)
	}
	first, last2 := diagnostic.MonthOf(demoAsOf).Add(-DemoMonths), diagnostic.MonthOf(demoAsOf).Add(-1)
	if !months[first] || !months[last2] {
		t.Errorf("observations do not run from %s to %s", first, last2)
	}
	for _, d := range s.Deals {
		if d.Status != diagnostic.DealOpen && !d.Closed.Before(last2.End()) {
			t.Errorf("deal %s closed %v, after the last month of data", d.ExternalID, d.Closed)
		}
	}
	if len(s.Plan) != 14 || len(s.CustomKPIs) != 1 {
		t.Errorf("plan of %d items and %d custom KPIs, want 14 and 1", len(s.Plan), len(s.CustomKPIs))
	}
}

package store

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/analysis"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// TestSnapshotRoundTrip saves the demo organisation and loads it back: the
// data are the same (up to the ids the store gives and the order of the
// monthly values), and so is its analysis.
func TestSnapshotRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t)
	asOf := time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC)
	demo := analysis.DemoSnapshot(asOf)
	o, err := s.SaveSnapshot(ctx, demo, SaveOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.LoadSnapshot(ctx, o.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.OrgID != o.ID || got.Profile != demo.Profile {
		t.Errorf("profile: %d %+v, want %d %+v", got.OrgID, got.Profile, o.ID, demo.Profile)
	}
	got.OrgID, got.AsOf = 0, asOf
	for i := range got.Assessments {
		a := &got.Assessments[i]
		if a.ID == 0 || a.OrgID != o.ID {
			t.Errorf("assessment %d: id %d org %d", i, a.ID, a.OrgID)
		}
		a.ID, a.OrgID = 0, 0
		for j := range a.Respondents {
			a.Respondents[j].ID = 0
		}
	}
	byKey := func(x, y diagnostic.Observation) int {
		return strings.Compare(x.Metric+x.Month.String(), y.Metric+y.Month.String())
	}
	want := demo
	want.Observations = slices.Clone(demo.Observations)
	slices.SortFunc(want.Observations, byKey)
	slices.SortFunc(got.Observations, byKey)
	for i := range want.Observations {
		if want.Observations[i].Source == "" {
			want.Observations[i].Source = diagnostic.SourceManual
		}
	}
	wj, _ := json.Marshal(want)
	gj, _ := json.Marshal(got)
	if string(wj) != string(gj) {
		t.Errorf("round trip differs:\n got %.2000s\nwant %.2000s", gj, wj)
	}
	// The demo has two assessments, ~300 deals and 24 months of inputs.
	if len(got.Assessments) != 2 || len(got.Deals) < 250 || len(got.Customers) == 0 || len(got.Observations) == 0 || len(got.Plan) == 0 {
		t.Errorf("demo: %d assessments, %d deals, %d customers, %d values, %d plan items",
			len(got.Assessments), len(got.Deals), len(got.Customers), len(got.Observations), len(got.Plan))
	}
	// The same analysis from both.
	a1, err := analysis.Analyse(ctx, demo, locale.EN)
	if err != nil {
		t.Fatal(err)
	}
	a2, err := analysis.Analyse(ctx, got, locale.EN)
	if err != nil {
		t.Fatal(err)
	}
	r1, _ := json.Marshal([]any{a1.Result.Overall, a1.KPIRows, a1.Recommendations})
	r2, _ := json.Marshal([]any{a2.Result.Overall, a2.KPIRows, a2.Recommendations})
	if string(r1) != string(r2) {
		t.Error("the analysis of the loaded snapshot differs from the original's")
	}
	// Each assessment's overall score is stored: orgs shows the latest.
	list, err := s.Orgs(ctx)
	if err != nil || len(list) != 1 || list[0].LastScore == nil || *list[0].LastScore != *a1.Result.Overall.Score || list[0].Assessments != 2 {
		t.Errorf("orgs: %+v %v", list, err)
	}
}

// TestSaveSnapshotAtomic: a name clash fails without Replace; with it the
// organisation is replaced; a snapshot with a bad row stores nothing and
// leaves the old organisation in place.
func TestSaveSnapshotAtomic(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t)
	demo := analysis.DemoSnapshot(time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC))
	first, err := s.SaveSnapshot(ctx, demo, SaveOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveSnapshot(ctx, demo, SaveOptions{}); !errors.Is(err, diagnostic.ErrConflict) {
		t.Errorf("clash: %v", err)
	}
	bad := demo
	bad.Deals = slices.Clone(demo.Deals)
	bad.Deals[len(bad.Deals)-1].Status = "maybe"
	if _, err := s.SaveSnapshot(ctx, bad, SaveOptions{Replace: true}); !errors.Is(err, diagnostic.ErrInvalid) {
		t.Errorf("bad deal: %v", err)
	}
	if o, err := s.FindOrg(ctx, "Demo"); err != nil || o.ID != first.ID {
		t.Errorf("after the failed replace: %+v %v", o, err)
	}
	second, err := s.SaveSnapshot(ctx, demo, SaveOptions{Replace: true})
	// SQLite may give the new row the old id; the creation time tells them
	// apart (the fake clock ticks on every reading).
	if err != nil || !second.Created.After(first.Created) {
		t.Fatalf("replace: %+v %v", second, err)
	}
	if o, err := s.FindOrg(ctx, "Demo"); err != nil || !o.Created.Equal(second.Created) {
		t.Errorf("after the replace: %+v %v", o, err)
	}
	if _, err := s.LoadSnapshot(ctx, 999); !errors.Is(err, diagnostic.ErrNotFound) {
		t.Errorf("unknown organisation: %v", err)
	}
	list, _ := s.Orgs(ctx)
	if len(list) != 1 {
		t.Errorf("orgs: %+v", list)
	}
}

// TestApplyObjectives: objectives are replaced, suggested KPIs not yet in
// the plan are added last, existing and retired ones are left alone.
func TestApplyObjectives(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t)
	o := mustOrg(t, s, "Acme")
	if err := s.SetPlanItem(ctx, o.ID, diagnostic.PlanItem{KPI: "win_rate", Owner: "Ana", Cadence: diagnostic.CadenceMonthly}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetPlanItem(ctx, o.ID, diagnostic.PlanItem{KPI: "cac", Retired: true}); err != nil {
		t.Fatal(err)
	}
	added, err := s.ApplyObjectives(ctx, o.ID, []diagnostic.Objective{"sales_efficiency", "grow_revenue"}, []diagnostic.PlanItem{
		{KPI: "win_rate", Cadence: diagnostic.CadenceWeekly}, {KPI: "cac"}, {KPI: "revenue", Cadence: diagnostic.CadenceMonthly}})
	if err != nil || !slices.Equal(added, []string{"revenue"}) {
		t.Fatalf("added %v, %v", added, err)
	}
	plan, _ := s.Plan(ctx, o.ID)
	objs, _ := s.Objectives(ctx, o.ID)
	if len(plan) != 3 || plan[0].KPI != "win_rate" || plan[0].Owner != "Ana" || plan[0].Cadence != "monthly" || !plan[1].Retired || plan[2].KPI != "revenue" {
		t.Errorf("plan %+v", plan)
	}
	if !slices.Equal(objs, []diagnostic.Objective{"sales_efficiency", "grow_revenue"}) {
		t.Errorf("objectives %v", objs)
	}
	if _, err := s.ApplyObjectives(ctx, o.ID, []diagnostic.Objective{"world_peace"}, nil); !errors.Is(err, diagnostic.ErrInvalid) {
		t.Errorf("bad objective: %v", err)
	}
	if _, err := s.ApplyObjectives(ctx, 99, nil, nil); !errors.Is(err, diagnostic.ErrNotFound) {
		t.Errorf("unknown organisation: %v", err)
	}
}

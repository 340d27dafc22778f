package report

import (
	"strings"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/recommend"
)

// TestPlanPhases: the demo's plan in the report keeps the diagnosis's
// capacity (at most recommend.PerWindow items in the first 30 days, at most
// recommend.PerTeam per team), lists the time frames in order with the
// money findings first within each, keeps celebrations out of the work,
// and names owners from the client's own departments and people, never a
// RevOps team the client lacks.
func TestPlanPhases(t *testing.T) {
	for _, l := range locale.Langs() {
		a := analyseDemo(t, l)
		d, err := FromAnalysis(a, Meta{})
		if err != nil {
			t.Fatal(err)
		}
		team := map[string]string{}
		for _, r := range a.Recommendations {
			team[r.ID] = r.Team
		}
		in30, perTeam := 0, map[string]int{}
		last, sawNoMoney := Horizon(0), false
		for i, r := range d.Recommendations {
			if r.Priority != i+1 {
				t.Errorf("%s: item %d numbered %d", l, i+1, r.Priority)
			}
			if r.Kind == KindCelebration || r.Later {
				t.Errorf("%s: %s (%s, later %v) is in the plan", l, r.ID, r.Kind, r.Later)
			}
			h := bucket(r.Horizon)
			if h < last {
				t.Errorf("%s: %s starts at %d days after an item at %d", l, r.ID, h, last)
			}
			if h != last {
				sawNoMoney = false
			}
			last = h
			if r.Impact == nil {
				sawNoMoney = true
			} else if sawNoMoney {
				t.Errorf("%s: %s has money at stake but follows an item without, in the same time frame", l, r.ID)
			}
			if h == Horizon30 {
				in30++
				perTeam[team[r.ID]]++
			}
			if r.Owner == "" || strings.EqualFold(r.Owner, "revops") || r.Owner == recommend.OwnerToAssign {
				t.Errorf("%s: %s owned by %q", l, r.ID, r.Owner)
			}
		}
		if in30 == 0 || in30 > recommend.PerWindow {
			t.Errorf("%s: %d items in the first 30 days, want 1…%d", l, in30, recommend.PerWindow)
		}
		for tm, n := range perTeam {
			if n > recommend.PerTeam {
				t.Errorf("%s: team %s has %d items in the first 30 days", l, tm, n)
			}
		}
		for _, r := range d.Keep {
			if r.Kind != KindCelebration {
				t.Errorf("%s: %s (%s) in the keep list", l, r.ID, r.Kind)
			}
		}
	}
}

// TestPlanOwnerToAssign: a client without the departments a finding's
// team maps to gets "to assign" in its own language, not "RevOps".
func TestPlanOwnerToAssign(t *testing.T) {
	a := analyseDemo(t, locale.ES)
	d, err := FromAnalysis(a, Meta{})
	if err != nil {
		t.Fatal(err)
	}
	var want string
	for _, r := range a.Recommendations {
		if r.Owner == recommend.OwnerToAssign {
			want = a.OwnerName(r.Owner)
		}
	}
	if want == "" {
		// Make one: the same finding owned by nobody the client has.
		r := a.Recommendations[0]
		r.Owner = recommend.OwnerToAssign
		a2 := *a
		a2.Recommendations = []recommend.Recommendation{r}
		if d, err = FromAnalysis(&a2, Meta{}); err != nil {
			t.Fatal(err)
		}
		want = a.OwnerName(recommend.OwnerToAssign)
	}
	if want == "" || want == recommend.OwnerToAssign {
		t.Fatalf("owner_to_assign has no Spanish name: %q", want)
	}
	found := false
	for _, r := range append(d.Recommendations, d.Keep...) {
		found = found || r.Owner == want
	}
	if !found {
		t.Errorf("no plan item owned by %q", want)
	}
}

// TestOwnerNotRepeated: an assignee equal to the owning team (the area a
// re-imported plan carries) prints once, not "Ventas (Ventas)".
func TestOwnerNotRepeated(t *testing.T) {
	cat, err := content()
	if err != nil {
		t.Fatal(err)
	}
	d := &doc{t: cat[locale.ES], f: formatter{lang: locale.ES, t: cat[locale.ES]}}
	for _, c := range []struct {
		r    Recommendation
		want string
	}{
		{Recommendation{Owner: "Ventas", Assignee: "ventas"}, "ventas"},
		{Recommendation{Owner: "Ventas", Assignee: "Ana Ruiz"}, "Ana Ruiz (Ventas)"},
		{Recommendation{Owner: "Ventas"}, "Ventas"},
	} {
		if got := d.owner(c.r); got != c.want {
			t.Errorf("owner(%+v) = %q, want %q", c.r, got, c.want)
		}
	}
}

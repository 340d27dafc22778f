package app

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/revopsdx/revopsdx/diagnostic/recommend"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// openRecs opens the demo organisation on the recommendations screen and
// returns the screen's state (the first content object after loading).
func openRecs(t *testing.T, u *ui, org int64) *recsScreen {
	t.Helper()
	u.openOrg(org)
	u.settle()
	u.goTo(screenRecommendations)
	u.settle()
	s := u.recs
	if s == nil || len(s.order) == 0 {
		t.Fatalf("no recommendations shown: %q", texts(u))
	}
	return s
}

// TestRecommendationActions accepts the first recommendation, dismisses
// the second, moves the third up and writes a note, then reads the states
// back from the store and reopens the screen to see the same order.
func TestRecommendationActions(t *testing.T) {
	path := tempDB(t)
	db := openTestStore(t, path)
	defer db.Close()
	org := seedDemo(t, db)
	u := newTestUI(t, db)
	s := openRecs(t, u, org)
	if len(s.order) < 3 {
		t.Fatalf("%d recommendations, want at least 3", len(s.order))
	}
	first, second, third := s.order[0].ID, s.order[1].ID, s.order[2].ID
	if !shows(u, "1. "+s.order[0].Text[:10]) {
		t.Errorf("first recommendation not listed: %q", texts(u))
	}

	s.list.Select(0)
	// Alt+A accepts, as the Accept button does.
	s.onAltKey(fyne.KeyA)
	s.list.Select(1)
	tapButton(t, u, "Dismiss")
	s.list.Select(2)
	tapButton(t, u, "Move up") // third becomes second
	u.settle()
	if s.order[1].ID != third || s.order[2].ID != second {
		t.Fatalf("order after moving up: %s, %s; want %s, %s", s.order[1].ID, s.order[2].ID, third, second)
	}
	note := findEntry(t, u, "Who does it")
	test.Type(note, "Ana, by March")
	tapButton(t, u, "Save note")
	u.settle()

	states, err := db.RecStates(context.Background(), org)
	if err != nil {
		t.Fatal(err)
	}
	// Every recommendation shown got a state when the order was changed:
	// first (accepted), third (moved up, with the note), second (dismissed).
	if len(states) != len(s.order) {
		t.Fatalf("%d states stored, want %d", len(states), len(s.order))
	}
	want := []struct {
		id     string
		status store.RecStatus
		note   string
	}{{first, store.RecAccepted, ""}, {third, store.RecOpen, "Ana, by March"}, {second, store.RecDismissed, ""}}
	for i, w := range want {
		if states[i].RuleID != w.id || states[i].Status != w.status || states[i].Note != w.note {
			t.Errorf("state %d = %s %s %q, want %s %s %q", i, states[i].RuleID, states[i].Status, states[i].Note, w.id, w.status, w.note)
		}
	}

	// Reopening shows the stored order.
	u.goTo(screenStart)
	u.settle()
	s = openRecs(t, u, org)
	if s.order[0].ID != first || s.order[1].ID != third || s.order[2].ID != second {
		t.Errorf("order after reopening: %s %s %s, want %s %s %s", s.order[0].ID, s.order[1].ID, s.order[2].ID, first, third, second)
	}
}

// TestRecommendationFilters keeps only the 30-day recommendations and
// checks the list shows just those.
func TestRecommendationFilters(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	org := seedDemo(t, db)
	u := newTestUI(t, db)
	s := openRecs(t, u, org)
	want, keep := 0, 0
	for _, r := range s.order {
		switch recommend.Phase(r) {
		case 30:
			want++
		case recommend.PhaseKeep:
			keep++
		}
	}
	s.horizon.SetSelected("30 days")
	if len(s.shown) != want || want == 0 || want > recommend.PerWindow {
		t.Fatalf("%d shown with the 30-day filter, want %d (1…%d)", len(s.shown), want, recommend.PerWindow)
	}
	for _, i := range s.shown {
		if r := s.order[i]; r.HorizonDays != 30 || r.Kind == recommend.KindCelebration {
			t.Errorf("%s (%s) has horizon %d", r.ID, r.Kind, r.HorizonDays)
		}
	}
	// The plan view: the first 30 days within the capacity, celebrations
	// in their own column, owners from the client's company.
	s.horizon.SetSelected("All")
	tapButtonRadio(t, u, "30/60/90-day plan")
	if !shows(u, fmt.Sprintf("Next 30 days (%d)", want)) || !shows(u, "Next 90 days") || keep == 0 || !shows(u, fmt.Sprintf("To keep (%d)", keep)) {
		t.Errorf("plan columns not shown (30 days: %d, keep: %d): %q", want, keep, texts(u))
	}
	if !shows(u, "Javier Morales · €93,000 a year at stake") || shows(u, "RevOps ·") {
		t.Errorf("plan owners: %q", texts(u))
	}
}

// TestRecRowWrapsTwoLines: a recommendation row shows a long text on two
// lines, the second ending in "…", instead of one cut line; the row is as
// tall as two lines plus the team line, whatever the text.
func TestRecRowWrapsTwoLines(t *testing.T) {
	test.NewTempApp(t)
	s := &recsScreen{}
	row := s.createItem()
	box := row.(*fyne.Container).Objects[0].(*fyne.Container)
	label := box.Objects[0].(*fyne.Container).Objects[0].(*widget.Label)
	label.SetText("1. " + strings.Repeat("Tardas 32,1 meses en recuperar el coste de captar un cliente ", 4))
	row.Resize(fyne.NewSize(400, row.MinSize().Height))
	var lines []string
	for _, o := range test.LaidOutObjects(label) {
		if tx, ok := o.(*canvas.Text); ok && tx.Text != "" {
			lines = append(lines, tx.Text)
		}
	}
	if len(lines) != 2 || !strings.HasSuffix(lines[1], "…") {
		t.Errorf("rendered lines %q, want two, the second ending in …", lines)
	}
	short := s.createItem()
	short.(*fyne.Container).Objects[0].(*fyne.Container).Objects[0].(*fyne.Container).Objects[0].(*widget.Label).SetText("1. Short")
	if a, b := row.MinSize().Height, short.MinSize().Height; a != b {
		t.Errorf("row heights differ with the text: %v and %v", a, b)
	}
}

package app

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// TestNewOrganisationValidation types bad profiles and expects messages
// that name what to fix, then a good one that is stored and opened, then a
// name already used.
func TestNewOrganisationValidation(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	u := newTestUI(t, db)
	if !shows(u, "Take the 10-minute RevOps diagnostic") {
		t.Errorf("no call to action: %q", texts(u))
	}
	if !shows(u, "There are no organisations yet") {
		t.Errorf("an empty database does not invite to start: %q", texts(u))
	}

	f := newOrgForm(u, nil)
	f.show()
	cases := []struct{ name, currency, want string }{
		{"", "EUR", "Type the company name."},
		{"   ", "EUR", "Type the company name."},
		{strings.Repeat("x", 201), "EUR", "shorten it to 200 characters"},
		{"Acme", "EURO", "Currency: type a three-letter code"},
		{"Acme", "", "Currency: type a three-letter code"},
	}
	for _, c := range cases {
		f.name.SetText(c.name)
		f.currency.SetText(c.currency)
		f.submit()
		u.settle()
		if !f.problem.Visible() || !strings.Contains(f.problem.Text, c.want) {
			t.Errorf("name %q currency %q: problem %q (visible %v), want %q", c.name, c.currency, f.problem.Text, f.problem.Visible(), c.want)
		}
	}
	orgs, _ := db.Orgs(context.Background())
	if len(orgs) != 0 {
		t.Fatalf("invalid profiles stored %d organisations", len(orgs))
	}

	f.name.SetText("  Acme Software ")
	f.currency.SetText("usd") // upper-cased
	f.choices["segment"].set(string(diagnostic.SegmentSMB))
	f.submit()
	u.settle()
	orgs, _ = db.Orgs(context.Background())
	if len(orgs) != 1 || orgs[0].Name != "Acme Software" || orgs[0].Currency != "USD" || orgs[0].Segment != diagnostic.SegmentSMB {
		t.Fatalf("stored %+v", orgs)
	}
	if u.sess.org.Name != "Acme Software" || u.selected != screenDiagnostic {
		t.Errorf("the new organisation is not open on the diagnostic (org %q, screen %d)", u.sess.org.Name, u.selected)
	}

	g := newOrgForm(u, nil)
	g.name.SetText("acme software")
	g.submit()
	u.settle()
	if !strings.Contains(g.problem.Text, "You already have an organisation called") {
		t.Errorf("duplicate name: problem %q", g.problem.Text)
	}

	u.goTo(screenStart)
	u.settle()
	if !shows(u, "Acme Software") || !shows(u, "No score yet") {
		t.Errorf("the start list does not show the new organisation: %q", texts(u))
	}
}

// TestDatabaseErrorShown attaches a database that failed to open: the
// screens say so in words, with no crash, and the actions are disabled.
func TestDatabaseErrorShown(t *testing.T) {
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefLanguage, "en")
	u, err := newUI(a, Options{DBPath: "/nowhere/x.db"})
	if err != nil {
		t.Fatal(err)
	}
	defer u.saver.close()
	u.attach(nil, fmt.Errorf("opening the database /nowhere/x.db: %w", store.ErrNotDatabase))
	if !shows(u, "The file is not a RevOps Diagnostic database") {
		t.Errorf("no message: %q", texts(u))
	}
	if shows(u, "The demo is not available") {
		t.Errorf("a failed database is blamed on a missing demo: %q", texts(u))
	}
	for _, o := range test.LaidOutObjects(u.content) {
		if b, ok := o.(*widget.Button); ok && b.Text == "New organisation" && !b.Disabled() {
			t.Errorf("New organisation is enabled without a database")
		}
	}
	u.goTo(screenDiagnostic)
	if !shows(u, "The database could not be opened") {
		t.Errorf("diagnostic screen: %q", texts(u))
	}
}

// TestDemoNoteOnlyWhenOpen: while the database opens the start screen says
// so and nothing about the demo; once open, the demo-unavailable line
// shows only when there is no demo, and not when there is one.
func TestDemoNoteOnlyWhenOpen(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefLanguage, "en")
	u, err := newUI(a, Options{DBPath: db.Path()})
	if err != nil {
		t.Fatal(err)
	}
	defer u.saver.close()
	u.post = u.queued.add
	const note = "The demo is not available"
	if !shows(u, "Opening the database") || shows(u, note) {
		t.Errorf("while opening: %q", texts(u))
	}
	u.attach(db, nil) // no demo hook
	u.settle()
	if !shows(u, note) {
		t.Errorf("open, no demo, but no note: %q", texts(u))
	}
	u.demo = func(context.Context) (store.Org, error) { return store.Org{}, nil }
	u.goTo(screenStart) // rebuilds the start screen
	u.settle()
	if shows(u, note) {
		t.Errorf("open with a demo, but the note shows: %q", texts(u))
	}
}

// TestReviewStoresScore: reaching the review page stores the score, which
// the start list then shows without a visit to the results.
func TestReviewStoresScore(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	org := mustOrg(t, db, "Theta")
	u := newTestUI(t, db)
	u.openOrg(org.ID)
	u.settle()
	u.addRespondent(diagnostic.Respondent{Name: "Ana", Department: diagnostic.DeptSales})
	u.settle()
	for range u.q.Questions {
		test.TypeOnCanvas(u.win.Canvas(), "5")
		key(u, fyne.KeyReturn)
	}
	if u.sess.page != len(u.q.Questions) || !shows(u, "All 31 questions answered") {
		t.Fatalf("not on the review page after 31 answers: page %d", u.sess.page)
	}
	u.settle()
	orgs, _ := db.Orgs(context.Background())
	// Every question at 5 scores 100; the empty KPI checklist pulls the
	// KPI-selection pillar, and so the overall score, below 100.
	if orgs[0].LastScore == nil || *orgs[0].LastScore <= 80 || *orgs[0].LastScore > 100 {
		t.Fatalf("stored score %v", orgs[0].LastScore)
	}
	u.goTo(screenStart)
	u.settle()
	want := "Score " + u.lang().Number(*orgs[0].LastScore, 1)
	if !shows(u, want) {
		t.Errorf("start list lacks %q: %q", want, texts(u))
	}
}

// TestEditProfileAndSwitchLanguage edits the current organisation's
// profile from the diagnostic, then switches the language in the middle of
// the questionnaire: the page and respondent stay.
func TestEditProfileAndSwitchLanguage(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	org := mustOrg(t, db, "Iota")
	u := newTestUI(t, db)
	u.openOrg(org.ID)
	u.settle()
	u.addRespondent(diagnostic.Respondent{Name: "Ana", Department: diagnostic.DeptSales})
	u.settle()
	test.TypeOnCanvas(u.win.Canvas(), "2")
	key(u, fyne.KeyRight)

	tapButton(t, u, "Company profile")
	f := newOrgForm(u, &u.sess.org)
	if f.name.Text != "Iota" || f.currency.Text != "EUR" {
		t.Fatalf("form not filled: %q %q", f.name.Text, f.currency.Text)
	}
	f.name.SetText("Iota Labs")
	f.choices["industry"].set(string(diagnostic.IndustryServices))
	f.submit()
	u.settle()
	got, err := db.Org(context.Background(), org.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Iota Labs" || got.Industry != diagnostic.IndustryServices {
		t.Errorf("stored profile %+v", got.Profile)
	}
	if !shows(u, "Iota Labs") {
		t.Errorf("new name not shown: %q", texts(u))
	}

	u.setLanguage("es")
	if u.sess.page != 1 || u.current().Name != "Ana" || !shows(u, u.q.Questions[1].Text.ES) {
		t.Errorf("after switching to Spanish: page %d, %q", u.sess.page, texts(u))
	}
	if !shows(u, "Pregunta 2 de 31") {
		t.Errorf("position not in Spanish: %q", texts(u))
	}
}

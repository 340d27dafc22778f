package app

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/store"
	"github.com/revopsdx/revopsdx/usecase"
)

// TestStartShowsProgress: an organisation part-way through shows how many
// answers it has, and the first-run card does not repeat the buttons.
func TestStartShowsProgress(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	u := newTestUI(t, db)
	n := 0
	for _, o := range test.LaidOutObjects(u.content) {
		if b, ok := o.(*widget.Button); ok && b.Text == "New organisation" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d New organisation buttons on the first run, want 1", n)
	}
	org := mustOrg(t, db, "Acme")
	ans := map[string]diagnostic.Answer{}
	for _, q := range u.q.Questions[:12] {
		ans[q.ID] = diagnostic.Answer{Value: 3}
	}
	if _, err := db.CreateAssessment(context.Background(), diagnostic.Assessment{
		OrgID: org.ID, Language: "en", QuestionnaireVersion: u.q.Version,
		Respondents: []diagnostic.Respondent{{Name: "Ana", Department: diagnostic.DeptSales, Answers: ans}},
	}); err != nil {
		t.Fatal(err)
	}
	u.goTo(screenStart)
	u.settle()
	if !shows(u, "12 of 31 answers") {
		t.Errorf("no progress on Start: %q", texts(u))
	}
}

// TestReviewLeadsToContextThenResults: after the last question the review
// page leads on to the context questions and the KPI checklist, whose
// dialog leads on to the results; "Open the demo" lands on the results.
func TestReviewLeadsToContextThenResults(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	u := newTestUI(t, db)
	u.demo = func(ctx context.Context) (store.Org, error) {
		res, err := usecase.EnsureDemo(ctx, db, false, time.Now())
		return res.Org, err
	}
	u.goTo(screenStart)
	u.settle()
	tapButton(t, u, "Open the demo")
	u.settle()
	if u.selected != screenResults {
		t.Errorf("the demo opened on screen %d, want the results", u.selected)
	}
	u.goTo(screenDiagnostic) // the demo is complete: the review page
	u.settle()
	tapButton(t, u, "Next: context and KPIs")
	if !overlayShows(u, "Context and KPIs") {
		t.Fatalf("no context and KPI checklist after the last question")
	}
	var results *widget.Button
	for _, o := range test.LaidOutObjects(u.win.Canvas().Overlays().Top()) {
		if b, ok := o.(*widget.Button); ok && b.Text == "See the results" {
			results = b
		}
	}
	if results == nil {
		t.Fatal("the checklist does not lead on to the results")
	}
	u.goTo(screenDiagnostic)
	test.Tap(results)
	u.settle()
	if u.selected != screenResults {
		t.Errorf("screen %d after See the results, want the results", u.selected)
	}
}

// TestNewOrgLanguageFromSettings: the new organisation form starts in the
// language chosen in Settings for new organisations, not the interface's.
func TestNewOrgLanguageFromSettings(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	if err := db.SaveSettings(context.Background(), store.Settings{DefaultLanguage: "es"}); err != nil {
		t.Fatal(err)
	}
	u := newTestUI(t, db) // in English
	tapButton(t, u, "New organisation")
	u.settle()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no form")
	}
	found := false
	for _, o := range test.LaidOutObjects(top) {
		if s, ok := o.(*widget.Select); ok && s.Selected == "Spanish" {
			found = true
		}
	}
	if !found {
		t.Errorf("the form's language is not the Settings' Spanish")
	}
}

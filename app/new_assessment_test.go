package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// tapOverlayButton taps the button with the given text on the top dialog.
func tapOverlayButton(t *testing.T, u *ui, text string) {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog open to tap %q", text)
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no button %q on the dialog", text)
}

// answerAllByKeys answers every question of the current respondent with
// the digit d, pressing Enter after each.
func answerAllByKeys(u *ui, d string) {
	for range u.q.Questions {
		test.TypeOnCanvas(u.win.Canvas(), d)
		key(u, fyne.KeyReturn)
	}
}

// TestNewAssessmentForReturningClient answers an assessment in full (two
// respondents, every answer 2), starts a new one from the diagnostic
// screen, answers it with 4 everywhere, and expects the earlier one kept
// and marked complete, the respondents carried over without answers, and
// the results to show the change.
func TestNewAssessmentForReturningClient(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	org := mustOrg(t, db, "Returning")
	u := newTestUI(t, db)
	ctx := context.Background()
	u.openOrg(org.ID)
	u.settle()
	if shows(u, "New assessment") {
		t.Errorf("a new assessment is offered before any answer: %q", texts(u))
	}
	u.addRespondent(diagnostic.Respondent{Name: "Ana", Department: diagnostic.DeptSales})
	u.settle()
	answerAllByKeys(u, "2")
	u.settle()
	if !shows(u, "New assessment") {
		t.Errorf("Ana, the only respondent, is done: a new assessment should be offered: %q", texts(u))
	}
	u.addRespondent(diagnostic.Respondent{Name: "Luis", Department: diagnostic.DeptMarketing})
	u.settle()
	if shows(u, "New assessment") {
		t.Errorf("a new assessment is offered while Luis has not answered: %q", texts(u))
	}
	answerAllByKeys(u, "2")
	u.settle()
	if !shows(u, "All 31 questions answered") {
		t.Fatalf("not on the finished review page: %q", texts(u))
	}
	first := u.sess.assessment.ID

	tapButton(t, u, "New assessment")
	if !overlayShows(u, "Start a new assessment?") {
		t.Fatal("no confirmation dialog")
	}
	tapOverlayButton(t, u, "Start the new assessment")
	u.settle()

	infos, err := db.Assessments(ctx, org.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(infos) != 2 || infos[0].ID != first || infos[0].Status != diagnostic.StatusComplete || infos[1].Status != diagnostic.StatusInProgress {
		t.Fatalf("assessments after starting a new one: %+v", infos)
	}
	latest := mustLatest(t, u, org.ID)
	if latest.ID != infos[1].ID || len(latest.Respondents) != 2 ||
		latest.Respondents[0].Name != "Ana" || latest.Respondents[0].Department != diagnostic.DeptSales ||
		latest.Respondents[1].Name != "Luis" || latest.Respondents[1].Department != diagnostic.DeptMarketing {
		t.Fatalf("respondents not carried over: %+v", latest.Respondents)
	}
	for _, r := range latest.Respondents {
		if len(r.Answers) != 0 {
			t.Errorf("%s starts with %d answers, want none", r.Name, len(r.Answers))
		}
	}
	if u.selected != screenDiagnostic || u.sess.page != 0 || u.current().Name != "Ana" || !shows(u, "Question 1 of 31") {
		t.Fatalf("not resuming Ana at question 1: screen %d page %d %q", u.selected, u.sess.page, texts(u))
	}
	if shows(u, "New assessment") {
		t.Errorf("a new assessment is offered on a fresh one")
	}

	answerAllByKeys(u, "4")
	u.chooseRespondent(1)
	u.show(screenDiagnostic)
	answerAllByKeys(u, "4")
	u.settle()
	u.goTo(screenResults)
	u.settle()
	// Every answer 2 is (2−1)×25 = 25 points, every answer 4 is 75, in
	// every pillar (no KPI checklist in either): +50 overall and per pillar.
	for _, want := range []string{"75.0", "Since the assessment of " + u.lang().LongDate(infos[0].Date) + ": +50.0 points (it was 25.0).", "+50.0"} {
		if !shows(u, want) {
			t.Errorf("%q not shown: %q", want, texts(u))
		}
	}
}

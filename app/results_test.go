package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// TestResultsShowScore stores an assessment where Sales answers 4 and
// Marketing 2 to every question, with every checklist KPI measured by a
// named owner monthly, and expects the results screen to show the score,
// the level, the alignment section and the charts.
func TestResultsShowScore(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	org := mustOrg(t, db, "Gamma")
	u := newTestUI(t, db)
	sales := diagnostic.Respondent{Name: "S", Department: diagnostic.DeptSales, Answers: map[string]diagnostic.Answer{}}
	mkt := diagnostic.Respondent{Name: "M", Department: diagnostic.DeptMarketing, Answers: map[string]diagnostic.Answer{}}
	for _, q := range u.q.Questions {
		sales.Answers[q.ID] = diagnostic.Answer{Value: 4}
		mkt.Answers[q.ID] = diagnostic.Answer{Value: 2}
	}
	cov := map[string]diagnostic.KPICoverage{}
	for _, k := range u.q.Checklist.KPIs() {
		cov[k.ID] = diagnostic.KPICoverage{Measured: true, Owner: "Ana", Cadence: diagnostic.CadenceMonthly}
	}
	_, err := db.CreateAssessment(context.Background(), diagnostic.Assessment{
		OrgID: org.ID, Language: "en", QuestionnaireVersion: u.q.Version,
		Context: diagnostic.Context{Coverage: cov}, Respondents: []diagnostic.Respondent{sales, mkt},
	})
	if err != nil {
		t.Fatal(err)
	}

	u.openOrg(org.ID)
	u.settle()
	u.goTo(screenResults)
	u.settle()

	// Every question's mean answer is 3, i.e. (3−1)×25 = 50 points; the
	// checklist item (every KPI measured, owned, on a cadence) is at its
	// top, so the overall score is 50 or a little above it: level 3.
	r := diagnostic.ScoreAssessment(u.q, mustLatest(t, u, org.ID))
	if r.Overall.Score == nil || *r.Overall.Score < 50 || *r.Overall.Score >= 60 {
		t.Fatalf("overall score %v, want in [50, 60)", r.Overall.Score)
	}
	want := u.lang().Number(*r.Overall.Score, 1)
	if !shows(u, want) {
		t.Errorf("score %s not shown: %q", want, texts(u))
	}
	if !shows(u, "Level 3 · Defined") {
		t.Errorf("level not shown: %q", texts(u))
	}
	// The synthesis: no KPI data, so no binding constraint, and the plan.
	if !shows(u, "Situation") || !shows(u, "Plan for the first 30 days") {
		t.Errorf("synthesis missing: %q", texts(u))
	}
	if !shows(u, "Alignment between departments") || !shows(u, "a difference of 2 steps") {
		t.Errorf("alignment section missing: %q", texts(u))
	}
	images := 0
	for _, o := range test.LaidOutObjects(u.content) {
		if img, ok := o.(*canvas.Image); ok && img.Resource != nil && len(img.Resource.Content()) > 1000 {
			images++
		}
	}
	if images != 3 {
		t.Errorf("%d charts drawn, want 3 (radar, pillar bars, alignment)", images)
	}
	orgs, _ := db.Orgs(context.Background())
	if orgs[0].LastScore == nil || *orgs[0].LastScore != *r.Overall.Score {
		t.Errorf("the score was not stored for the start list: %v", orgs[0].LastScore)
	}
}

// TestResultsWithoutAnswers invites to start the diagnostic.
func TestResultsWithoutAnswers(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	org := mustOrg(t, db, "Delta")
	u := newTestUI(t, db)
	u.openOrg(org.ID)
	u.settle()
	u.goTo(screenResults)
	u.settle()
	if !shows(u, "has no answers yet") {
		t.Errorf("no invitation: %q", texts(u))
	}
}

func mustLatest(t *testing.T, u *ui, org int64) *diagnostic.Assessment {
	t.Helper()
	a, err := u.db.LatestAssessment(context.Background(), org)
	if err != nil {
		t.Fatal(err)
	}
	return &a
}

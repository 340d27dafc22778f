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
)

// TestWizardByKeysAndResume answers by keys (1–5, N, 0, Enter, →, ←),
// checks each answer is in the database, then reopens the database in a
// new window and expects the respondent to resume at the first unanswered
// question.
func TestWizardByKeysAndResume(t *testing.T) {
	path := tempDB(t)
	db := openTestStore(t, path)
	org := mustOrg(t, db, "Acme")
	u := newTestUI(t, db)
	qs := u.q.Questions
	if !qs[1].AllowsNA || !qs[3].AllowsNA {
		t.Fatalf("the test needs questions 2 and 4 to allow N/A")
	}

	// The start screen's search entry has the focus when the organisation
	// is opened: the diagnostic must release it, or keys would go to it.
	for _, o := range test.LaidOutObjects(u.content) {
		if e, ok := o.(*widget.Entry); ok {
			u.win.Canvas().Focus(e)
		}
	}
	if u.win.Canvas().Focused() == nil {
		t.Fatal("could not focus the search entry")
	}
	u.openOrg(org.ID)
	u.settle()
	if u.win.Canvas().Focused() != nil {
		t.Errorf("focus kept on %T after changing screens", u.win.Canvas().Focused())
	}
	if u.selected != screenDiagnostic || u.current() != nil {
		t.Fatalf("after opening: screen %d, respondent %v", u.selected, u.current())
	}
	if !shows(u, "Who is answering?") {
		t.Errorf("no first-respondent form: %q", texts(u))
	}
	u.addRespondent(diagnostic.Respondent{Name: "Ana", Department: diagnostic.DeptSales})
	u.settle()
	if u.current() == nil || u.sess.page != 0 {
		t.Fatalf("respondent not answering at question 1 (page %d)", u.sess.page)
	}
	if !shows(u, qs[0].Text.EN) || !shows(u, "Question 1 of 31") {
		t.Errorf("question 1 not shown: %q", texts(u))
	}

	c := u.win.Canvas()
	test.TypeOnCanvas(c, "3") // q1 = 3
	key(u, fyne.KeyReturn)    // → q2
	test.TypeOnCanvas(c, "n") // q2 = N/A
	key(u, fyne.KeyRight)     // → q3
	test.TypeOnCanvas(c, "5") // q3 = 5
	key(u, fyne.KeyLeft)      // ← q2
	if u.sess.page != 1 {
		t.Fatalf("after ← page %d, want 1 (question 2)", u.sess.page)
	}
	if !chosen(u, "0   ") {
		t.Errorf("the N/A choice of question 2 is not marked")
	}
	test.TypeOnCanvas(c, "2") // q2 = 2, replacing N/A
	key(u, fyne.KeyEnter)     // → q3
	key(u, fyne.KeyRight)     // → q4
	test.TypeOnCanvas(c, "0") // q4 = N/A
	test.TypeOnCanvas(c, "9") // ignored
	key(u, fyne.KeyReturn)    // → q5
	if u.sess.page != 4 {
		t.Fatalf("page %d, want 4 (question 5)", u.sess.page)
	}
	if !shows(u, "4 of 31 answered") {
		t.Errorf("progress does not say 4 of 31 answered: %q", texts(u))
	}
	u.settle()

	a, err := db.LatestAssessment(context.Background(), org.ID)
	if err != nil {
		t.Fatal(err)
	}
	got := a.Respondents[0].Answers
	want := map[string]int{qs[0].ID: 3, qs[1].ID: 2, qs[2].ID: 5, qs[3].ID: diagnostic.NA}
	if len(got) != len(want) {
		t.Errorf("%d answers stored, want %d: %v", len(got), len(want), got)
	}
	for id, v := range want {
		if ans, ok := got[id]; !ok || ans.Value != v {
			t.Errorf("stored %s = %+v (present %v), want %d", id, ans, ok, v)
		}
	}

	// Reopen the database in a new window: resume at question 5.
	u.settle()
	u.saver.close()
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db2 := openTestStore(t, path)
	defer db2.Close()
	u2 := newTestUI(t, db2)
	u2.openOrg(org.ID)
	u2.settle()
	if u2.current() == nil || u2.current().Name != "Ana" {
		t.Fatalf("respondent not restored: %+v", u2.current())
	}
	if u2.sess.page != 4 || !shows(u2, qs[4].Text.EN) {
		t.Errorf("resumed at page %d, want 4 (%q)", u2.sess.page, qs[4].Text.EN)
	}
	if !shows(u2, "about") || !shows(u2, "minutes left") {
		t.Errorf("no time left shown: %q", texts(u2))
	}
}

// TestReviewListsUnansweredAndJumps goes to the review page, which lists
// the 30 questions left, and jumps to one.
func TestReviewListsUnansweredAndJumps(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	org := mustOrg(t, db, "Beta")
	u := newTestUI(t, db)
	u.openOrg(org.ID)
	u.settle()
	u.addRespondent(diagnostic.Respondent{Name: "Bo", Department: diagnostic.DeptMarketing})
	u.settle()
	test.TypeOnCanvas(u.win.Canvas(), "4")
	// The review button on the page.
	tapButton(t, u, "Review")
	if u.sess.page != len(u.q.Questions) {
		t.Fatalf("review page not shown (page %d)", u.sess.page)
	}
	if !shows(u, "30 of 31 questions are unanswered") {
		t.Errorf("review text: %q", texts(u))
	}
	list := findList(u)
	if list == nil {
		t.Fatal("no list of unanswered questions")
	}
	list.Select(2) // the third unanswered: question 4
	if u.sess.page != 3 || !shows(u, u.q.Questions[3].Text.EN) {
		t.Errorf("jump went to page %d", u.sess.page)
	}
}

// TestChecklistStoresCoverage ticks a KPI, names its owner and cadence in
// the context and KPI dialog and expects the store to have them.
func TestChecklistStoresCoverage(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	org := mustOrg(t, db, "Epsilon")
	u := newTestUI(t, db)
	u.openOrg(org.ID)
	u.settle()
	u.addRespondent(diagnostic.Respondent{Name: "Eva", Department: diagnostic.DeptFinance})
	u.settle()
	tapButton(t, u, "Context and KPIs")
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog")
	}
	var revenue *widget.Check
	var owner *widget.Entry
	var cadence *widget.Select
	objs := test.LaidOutObjects(top)
	for i, o := range objs {
		if c, ok := o.(*widget.Check); ok && c.Text == "Revenue" {
			revenue = c
			for _, p := range objs[i:] {
				if e, ok := p.(*widget.Entry); ok && owner == nil {
					owner = e
				}
				if s, ok := p.(*widget.Select); ok && cadence == nil {
					cadence = s
				}
			}
		}
	}
	if revenue == nil || owner == nil || cadence == nil {
		t.Fatalf("revenue row not found (%v %v %v)", revenue, owner, cadence)
	}
	revenue.SetChecked(true)
	owner.SetText("Finance lead")
	cadence.SetSelected("Monthly")
	u.settle()
	a, err := db.LatestAssessment(context.Background(), org.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := diagnostic.KPICoverage{Measured: true, Owner: "Finance lead", Cadence: diagnostic.CadenceMonthly}
	if got := a.Context.Coverage["revenue"]; got != want {
		t.Errorf("stored coverage %+v, want %+v", got, want)
	}
}

// TestRespondents adds a second respondent through the dialog (which
// insists on a name and a department), switches between the two with the
// select and renames one.
func TestRespondents(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	org := mustOrg(t, db, "Eta")
	u := newTestUI(t, db)
	u.openOrg(org.ID)
	u.settle()
	u.addRespondent(diagnostic.Respondent{Name: "Ana", Department: diagnostic.DeptSales})
	u.settle()
	test.TypeOnCanvas(u.win.Canvas(), "5")
	key(u, fyne.KeyReturn)

	tapButton(t, u, "Add respondent")
	dlg := u.win.Canvas().Overlays().Top()
	var name *widget.Entry
	var dept *widget.Select
	var save *widget.Button
	var problem *widget.Label
	for _, o := range test.LaidOutObjects(dlg) {
		switch w := o.(type) {
		case *widget.Entry:
			name = w
		case *widget.Select:
			dept = w
		case *widget.Button:
			if w.Text == "Save" {
				save = w
			}
		case *widget.Label:
			if w.Importance == widget.DangerImportance {
				problem = w
			}
		}
	}
	if name == nil || dept == nil || save == nil || problem == nil {
		t.Fatal("respondent dialog incomplete")
	}
	name.SetText("Bruno")
	test.Tap(save)
	if problem.Text != "Choose this person's department." {
		t.Errorf("missing department: %q", problem.Text)
	}
	dept.SetSelected("Marketing")
	test.Tap(save)
	u.settle()
	if r := u.current(); r == nil || r.Name != "Bruno" || r.Department != diagnostic.DeptMarketing || u.sess.page != 0 {
		t.Fatalf("current respondent %+v at page %d, want Bruno (marketing) at 0", r, u.sess.page)
	}

	// Back to Ana: she resumes at question 2.
	var who *widget.Select
	for _, o := range test.LaidOutObjects(u.content) {
		if s, ok := o.(*widget.Select); ok && len(s.Options) == 2 {
			who = s
		}
	}
	if who == nil {
		t.Fatal("no respondent select")
	}
	who.SetSelectedIndex(0)
	if u.current().Name != "Ana" || u.sess.page != 1 {
		t.Errorf("switched to %q at page %d, want Ana at 1", u.current().Name, u.sess.page)
	}
	u.settle()
	a, err := db.LatestAssessment(context.Background(), org.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Respondents) != 2 || a.Respondents[1].Name != "Bruno" {
		t.Errorf("stored respondents %+v", a.Respondents)
	}
}

// TestNoteKeptWithAnswer types a note after answering, leaves it with
// Escape, moves on by key and expects the note stored with the answer.
func TestNoteKeptWithAnswer(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	org := mustOrg(t, db, "Lambda")
	u := newTestUI(t, db)
	u.openOrg(org.ID)
	u.settle()
	u.addRespondent(diagnostic.Respondent{Name: "Ana", Department: diagnostic.DeptSales})
	u.settle()
	c := u.win.Canvas()
	test.TypeOnCanvas(c, "4")
	var note *noteEntry
	for _, o := range test.LaidOutObjects(u.content) {
		if e, ok := o.(*noteEntry); ok {
			note = e
		}
	}
	if note == nil {
		t.Fatal("no note entry")
	}
	test.Type(note, "CRM since 2023")
	c.Focus(note)
	note.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if c.Focused() != nil {
		t.Errorf("Escape did not leave the note")
	}
	key(u, fyne.KeyReturn)
	u.settle()
	a, err := db.LatestAssessment(context.Background(), org.ID)
	if err != nil {
		t.Fatal(err)
	}
	got := a.Respondents[0].Answers[u.q.Questions[0].ID]
	if got.Value != 4 || got.Note != "CRM since 2023" {
		t.Errorf("stored %+v, want 4 with the note", got)
	}
}

// TestWizardSkipsHiddenAndDontKnow: "no KPIs" (kpi_relevant 1) hides the
// three follow-ups about owners, actions and cadence: next passes over
// them, the progress counts without them, back returns past them; ? stores
// "don't know".
func TestWizardSkipsHiddenAndDontKnow(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	org := mustOrg(t, db, "Gamma")
	u := newTestUI(t, db)
	u.openOrg(org.ID)
	u.settle()
	u.addRespondent(diagnostic.Respondent{Name: "Eva", Department: diagnostic.DeptLeadership})
	u.settle()
	idx := map[string]int{}
	for i, qu := range u.q.Questions {
		idx[qu.ID] = i
	}
	c := u.win.Canvas()
	for range idx["kpi_relevant"] { // 3 to every question before
		test.TypeOnCanvas(c, "3")
		key(u, fyne.KeyReturn)
	}
	test.TypeOnCanvas(c, "1") // no KPIs: owner, action and cadence are not asked
	key(u, fyne.KeyReturn)
	if u.sess.page != idx["data_collection"] {
		t.Fatalf("after kpi_relevant = 1, page %d, want %d (data_collection)", u.sess.page, idx["data_collection"])
	}
	total := len(u.q.Questions) - 3
	if want := fmt.Sprintf("Question %d of %d", idx["kpi_relevant"]+2, total); !shows(u, want) {
		t.Errorf("progress lacks %q: %q", want, texts(u))
	}
	if !shows(u, "?   Don't know") {
		t.Errorf("no don't-know choice: %q", texts(u))
	}
	test.TypeOnCanvas(c, "?")
	if !chosen(u, "?   ") {
		t.Errorf("the don't-know choice is not marked")
	}
	key(u, fyne.KeyLeft)
	if u.sess.page != idx["kpi_relevant"] {
		t.Errorf("back went to page %d, want %d", u.sess.page, idx["kpi_relevant"])
	}
	u.settle()
	a, err := db.LatestAssessment(context.Background(), org.ID)
	if err != nil {
		t.Fatal(err)
	}
	got := a.Respondents[0].Answers
	if got["data_collection"].Value != diagnostic.DontKnow || got["kpi_relevant"].Value != 1 || len(got) != idx["kpi_relevant"]+2 {
		t.Errorf("stored %+v", got)
	}
}

// chosen reports whether the choice button whose text starts with prefix
// is marked as the answer given.
func chosen(u *ui, prefix string) bool {
	for _, o := range test.LaidOutObjects(u.content) {
		if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, prefix) && b.Importance == widget.HighImportance {
			return true
		}
	}
	return false
}

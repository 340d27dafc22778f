package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/usecase"
)

// TestFormsForTheTeam opens the forms dialog from the diagnostic screen,
// writes a folder of forms for a typed list of people, then imports an
// answers file as if it came back: the respondent joins the assessment on
// show and the diagnostic lists them.
func TestFormsForTheTeam(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	org := mustOrg(t, db, "Team")
	u := newTestUI(t, db)
	u.openOrg(org.ID)
	u.settle()
	tapButton(t, u, "Team forms")
	if !overlayShows(u, "Create forms…") || !overlayShows(u, "Import answers…") {
		t.Fatalf("the Team forms menu lacks its items: %q", texts(u))
	}
	tapOverlayItem(t, u, "Create forms…")
	top := u.win.Canvas().Overlays().Top()
	if top == nil || !overlayShows(u, "Forms for the team") {
		t.Fatal("Create forms… opened no forms dialog")
	}
	var people *widget.Entry
	for _, o := range test.LaidOutObjects(top) {
		if e, ok := o.(*widget.Entry); ok && e.MultiLine {
			people = e
		}
	}
	if people == nil {
		t.Fatal("no list of people on the forms dialog")
	}
	people.SetText("Ana García, Sales\nLuis, finanzas")
	dir := t.TempDir()
	u.writeForms(usecase.FormXLSX, []usecase.Invitee{{Name: "Ana García", Department: diagnostic.DeptSales}, {Name: "Luis", Department: diagnostic.DeptFinance}}, dir)
	u.settle()
	files, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	if len(files) != 2 || !strings.HasSuffix(files[0], "01-ana-garcía.xlsx") {
		t.Fatalf("forms written: %v", files)
	}
	tracked, err := db.FormResponses(context.Background(), org.ID)
	if err != nil || len(tracked) != 2 {
		t.Fatalf("invitations: %v %v", tracked, err)
	}
	answers := filepath.Join(dir, "eva.json")
	os.WriteFile(answers, []byte(`{"respondents": [{"name": "Eva", "department": "marketing", "answers": {"obj_written": 3}}]}`), 0o600)
	u.importAnswerFiles([]string{answers})
	u.settle()
	a, err := db.LatestAssessment(context.Background(), org.ID)
	if err != nil || len(a.Respondents) != 1 || a.Respondents[0].Name != "Eva" {
		t.Fatalf("after the import: %+v %v", a, err)
	}
	if u.sess.assessment == nil || len(u.sess.assessment.Respondents) != 1 {
		t.Errorf("the diagnostic does not show the imported respondent")
	}
	u.showFormsDialog()
	u.settle()
	var tracking []string
	for _, o := range test.LaidOutObjects(u.win.Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.Label); ok {
			tracking = append(tracking, l.Text)
		}
	}
	if !strings.Contains(strings.Join(tracking, "|"), "1 of 3 forms answered") {
		t.Errorf("the forms dialog does not show the response tracking: %q", tracking)
	}
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"respondents": [{"department": "legal", "answers": {}}]}`), 0o600)
	u.importAnswerFiles([]string{bad})
	u.settle()
	if a, _ := db.LatestAssessment(context.Background(), org.ID); len(a.Respondents) != 1 {
		t.Errorf("a bad file added respondents: %d", len(a.Respondents))
	}
}

// TestResultsOfAnonymousAssessment: the results screen of an anonymous
// assessment shows the team view with the small departments merged, and no
// respondent's name.
func TestResultsOfAnonymousAssessment(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	org := mustOrg(t, db, "Anon")
	u := newTestUI(t, db)
	names := []string{"Zebulon", "Xiomara", "Ysolde", "Wendeline", "Thaddeus", "Quillon"}
	depts := []diagnostic.Department{diagnostic.DeptSales, diagnostic.DeptSales, diagnostic.DeptSales, diagnostic.DeptFinance, diagnostic.DeptFinance, diagnostic.DeptMarketing}
	var rs []diagnostic.Respondent
	for i, n := range names {
		r := diagnostic.Respondent{Name: n, Department: depts[i], Answers: map[string]diagnostic.Answer{}}
		for j, q := range u.q.Questions {
			r.Answers[q.ID] = diagnostic.Answer{Value: (i*2+j)%5 + 1}
		}
		rs = append(rs, r)
	}
	if _, err := db.CreateAssessment(context.Background(), diagnostic.Assessment{OrgID: org.ID, Language: "en",
		QuestionnaireVersion: u.q.Version, Anonymous: true, Respondents: rs}); err != nil {
		t.Fatal(err)
	}
	u.openOrgOn(org.ID, screenResults)
	u.settle()
	if !shows(u, "Answered: Sales 3 · Other departments 3") {
		t.Errorf("no team view: %q", texts(u))
	}
	for _, line := range texts(u) {
		for _, n := range names {
			if strings.Contains(line, n) {
				t.Errorf("the results show %q: %q", n, line)
			}
		}
		if strings.Contains(line, "Finance") || strings.Contains(line, "Marketing") {
			t.Errorf("a department under three people shows on its own: %q", line)
		}
	}
}

// TestFormFormatNamesTranslated checks the format names the forms dialog
// builds from usecase's formats, in both languages.
func TestFormFormatNamesTranslated(t *testing.T) {
	es, en := loadKeys(t, "es"), loadKeys(t, "en")
	for _, f := range formFormats {
		if k := "forms.format." + f; es[k] == "" || en[k] == "" {
			t.Errorf("%s is not translated", k)
		}
	}
	if len(formFormats) != len(usecase.FormFormats) {
		t.Errorf("the dialog offers %v, the use case writes %v", formFormats, usecase.FormFormats)
	}
}

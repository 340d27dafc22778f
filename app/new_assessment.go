package app

import (
	"context"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// newAssessmentButton offers a new assessment when the current one is
// done (for a returning client), or nil when it is not.
func (u *ui) newAssessmentButton() *widget.Button {
	if !assessmentDone(u.q, u.sess.assessment) {
		return nil
	}
	return widget.NewButtonWithIcon(tr("newassessment.button"), theme.ContentAddIcon(), u.confirmNewAssessment)
}

// confirmNewAssessment explains what a new assessment keeps and starts
// one when the user agrees.
func (u *ui) confirmNewAssessment() {
	a := u.sess.assessment
	if a == nil {
		return
	}
	msg := tr("newassessment.text", map[string]any{"Date": u.lang().LongDate(a.Date)})
	d := dialog.NewConfirm(tr("newassessment.title"), msg, func(ok bool) {
		if ok {
			u.startNewAssessment()
		}
	}, u.win)
	d.SetConfirmText(tr("newassessment.confirm"))
	d.SetDismissText(tr("action.cancel"))
	d.Show()
}

// startNewAssessment marks the current assessment complete and creates a
// new one with the same respondents (names and departments, no answers),
// then resumes the first of them at the first question. The earlier
// assessment stays for the comparison on the results screen.
func (u *ui) startNewAssessment() {
	db, q, org, old := u.db, u.q, u.sess.org, u.sess.assessment
	if old == nil {
		return
	}
	next := diagnostic.Assessment{OrgID: org.ID, Language: org.Language, QuestionnaireVersion: q.Version,
		Status: diagnostic.StatusInProgress}
	for _, r := range old.Respondents {
		next.Respondents = append(next.Respondents, diagnostic.Respondent{Name: r.Name, Department: r.Department})
	}
	oldID, oldStatus := old.ID, old.Status
	background(u, "starting a new assessment", func(ctx context.Context) (diagnostic.Assessment, error) {
		if oldStatus != diagnostic.StatusComplete {
			if err := db.SetAssessmentStatus(ctx, oldID, diagnostic.StatusComplete); err != nil {
				return diagnostic.Assessment{}, err
			}
		}
		return db.CreateAssessment(ctx, next)
	}, func(a diagnostic.Assessment) {
		for i := range a.Respondents {
			a.Respondents[i].Answers = map[string]diagnostic.Answer{}
		}
		u.sess.assessment = &a
		u.sess.respondent = -1
		if len(a.Respondents) > 0 {
			u.chooseRespondent(0)
		}
		u.goTo(screenDiagnostic)
	})
}

package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// diagScreen is the diagnostic: who is answering, the company profile and
// KPI checklist, and the questionnaire one question per page with a
// review page at the end.
type diagScreen struct {
	u    *ui
	who  *widget.Select  // the respondent answering now
	body *fyne.Container // the question page, the review page or the first-respondent form
	note *noteEntry      // the note of the question on show
	opts []*widget.Button
	na   *widget.Button
	dk   *widget.Button // "don't know"
}

// diagnosticView builds the diagnostic screen for the current organisation.
func (u *ui) diagnosticView() fyne.CanvasObject {
	if u.db == nil {
		return u.noDatabase()
	}
	if u.sess.org.ID == 0 {
		return container.NewVBox(heading(tr("nav.diagnostic")), u.noOrg())
	}
	d := &diagScreen{u: u, body: container.NewStack()}
	u.onRune, u.onKey = d.typedRune, d.typedKey
	top := container.NewVBox(d.toolbar(), widget.NewSeparator())
	d.render()
	return borderInOrder(top, nil, nil, nil, d.body)
}

// toolbar holds the respondent choice and the profile and checklist
// buttons.
func (d *diagScreen) toolbar() fyne.CanvasObject {
	u := d.u
	d.who = widget.NewSelect(nil, nil)
	d.who.PlaceHolder = tr("diag.who.none")
	add := widget.NewButtonWithIcon(tr("diag.respondent.add"), theme.ContentAddIcon(), d.addRespondent)
	edit := widget.NewButtonWithIcon(tr("diag.respondent.edit"), theme.DocumentCreateIcon(), d.editRespondent)
	profile := widget.NewButtonWithIcon(tr("diag.profile"), theme.AccountIcon(), d.editProfile)
	checklist := widget.NewButtonWithIcon(tr("diag.checklist"), theme.ListIcon(), d.openChecklist)
	if a := u.sess.assessment; a != nil {
		d.who.Options = d.respondentNames()
		if r := u.current(); r != nil {
			d.who.SetSelectedIndex(u.sess.respondent)
		}
	}
	d.who.OnChanged = d.respondentChosen
	if u.current() == nil {
		edit.Disable()
	}
	if u.sess.assessment == nil {
		checklist.Disable()
	}
	buttons := container.NewHBox(profile, checklist)
	if b := u.newAssessmentButton(); b != nil {
		buttons.Add(b)
	}
	// The organisation's name takes what the buttons leave and is cut with
	// "…" rather than wrapped: a wrapped heading squeezed by the buttons
	// grew one letter per line over the questions.
	name := heading(u.sess.org.Name)
	name.Wrapping, name.Truncation = fyne.TextWrapOff, fyne.TextTruncateEllipsis
	title := container.NewBorder(nil, nil, nil, buttons, name)
	who := container.NewBorder(nil, nil, widget.NewLabel(tr("diag.who")), container.NewHBox(add, edit, d.teamButton()), d.who)
	return container.NewVBox(title, who)
}

// respondentNames lists "Name · Department" for the select.
func (d *diagScreen) respondentNames() []string {
	a := d.u.sess.assessment
	names := make([]string, len(a.Respondents))
	for i, r := range a.Respondents {
		names[i] = r.Name + " · " + d.u.q.DepartmentName(r.Department, d.u.lang())
	}
	return names
}

// respondentChosen switches to another respondent, resuming at their first
// unanswered question.
func (d *diagScreen) respondentChosen(string) {
	i := d.who.SelectedIndex()
	if i < 0 || i == d.u.sess.respondent {
		return
	}
	d.u.chooseRespondent(i)
	d.u.show(screenDiagnostic)
}

// render shows the page for the current state.
func (d *diagScreen) render() {
	var page fyne.CanvasObject
	switch {
	case d.u.current() == nil:
		page = d.firstRespondent()
	case d.u.sess.page >= len(d.u.q.Questions):
		page = d.reviewPage()
	default:
		page = d.questionPage()
	}
	d.body.Objects = []fyne.CanvasObject{page}
	d.body.Refresh()
}

// firstRespondent asks who answers first when nobody has yet.
func (d *diagScreen) firstRespondent() fyne.CanvasObject {
	rf := newRespondentFields(d.u, diagnostic.Respondent{})
	start := widget.NewButtonWithIcon(tr("diag.start"), theme.NavigateNextIcon(), nil)
	start.Importance = widget.HighImportance
	start.OnTapped = func() {
		if r, ok := rf.respondent(); ok {
			d.u.addRespondent(r)
		}
	}
	rf.name.OnSubmitted = func(string) { start.OnTapped() }
	minutes := int(d.u.q.EstimateTiming(d.u.lang()).Minutes() + 0.999)
	return container.NewVBox(
		subheading(tr("diag.first.title")),
		wrapped(tr("diag.first.text", map[string]any{"Minutes": minutes})),
		rf.box(), container.NewHBox(start))
}

// addRespondent stores a new respondent (creating the assessment with the
// first one) and makes them the one answering now.
func (u *ui) addRespondent(r diagnostic.Respondent) {
	db, q, org, a := u.db, u.q, u.sess.org, u.sess.assessment
	background(u, "adding the respondent", func(ctx context.Context) (diagnostic.Assessment, error) {
		if a == nil {
			return db.CreateAssessment(ctx, diagnostic.Assessment{
				OrgID: org.ID, Language: org.Language, QuestionnaireVersion: q.Version,
				Status: diagnostic.StatusInProgress, Respondents: []diagnostic.Respondent{r},
			})
		}
		id, err := db.AddRespondent(ctx, a.ID, r)
		r.ID = id
		return diagnostic.Assessment{Respondents: []diagnostic.Respondent{r}}, err
	}, func(got diagnostic.Assessment) {
		if u.sess.assessment == nil {
			u.sess.assessment = &got
		} else {
			u.sess.assessment.Respondents = append(u.sess.assessment.Respondents, got.Respondents...)
		}
		u.chooseRespondent(len(u.sess.assessment.Respondents) - 1)
		u.show(screenDiagnostic)
	})
}

// addRespondent asks for another respondent's name and department.
func (d *diagScreen) addRespondent() {
	showRespondentDialog(d.u, diagnostic.Respondent{}, d.u.addRespondent)
}

// editRespondent changes the current respondent's name or department.
func (d *diagScreen) editRespondent() {
	cur := d.u.current()
	if cur == nil {
		return
	}
	showRespondentDialog(d.u, *cur, func(r diagnostic.Respondent) {
		cur.Name, cur.Department = r.Name, r.Department
		r.ID = cur.ID
		db := d.u.db
		d.u.save("updating the respondent", func(ctx context.Context) error { return db.UpdateRespondent(ctx, r) })
		d.u.show(screenDiagnostic)
	})
}

// editProfile opens the company profile form on the current organisation.
func (d *diagScreen) editProfile() {
	org := d.u.sess.org
	newOrgForm(d.u, &org).show()
}

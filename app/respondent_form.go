package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// respondentFields are the name and department of a respondent, with a
// line for what to fix.
type respondentFields struct {
	name    *widget.Entry
	dept    *widget.Select
	ids     []diagnostic.Department
	problem *widget.Label
}

func newRespondentFields(u *ui, r diagnostic.Respondent) *respondentFields {
	f := &respondentFields{name: widget.NewEntry()}
	f.name.SetText(r.Name)
	f.name.SetPlaceHolder(tr("respondent.name.placeholder"))
	labels := make([]string, len(u.q.Departments))
	for i, c := range u.q.Departments {
		labels[i] = c.Label.In(u.lang())
		f.ids = append(f.ids, diagnostic.Department(c.ID))
	}
	f.dept = widget.NewSelect(labels, nil)
	f.dept.PlaceHolder = tr("respondent.department.placeholder")
	for i, id := range f.ids {
		if id == r.Department {
			f.dept.SetSelectedIndex(i)
		}
	}
	f.problem = widget.NewLabel("")
	f.problem.Importance = widget.DangerImportance
	f.problem.Wrapping = fyne.TextWrapWord
	f.problem.Hide()
	return f
}

// respondent returns the respondent as typed, or false after saying what
// is missing.
func (f *respondentFields) respondent() (diagnostic.Respondent, bool) {
	name := strings.TrimSpace(f.name.Text)
	i := f.dept.SelectedIndex()
	switch {
	case name == "":
		f.problem.SetText(tr("respondent.problem.name"))
	case i < 0:
		f.problem.SetText(tr("respondent.problem.department"))
	default:
		f.problem.Hide()
		return diagnostic.Respondent{Name: name, Department: f.ids[i], Answers: map[string]diagnostic.Answer{}}, true
	}
	f.problem.Show()
	return diagnostic.Respondent{}, false
}

// showRespondentDialog asks for a respondent's name and department and
// calls done with them; it stays open until both are given.
func showRespondentDialog(u *ui, r diagnostic.Respondent, done func(diagnostic.Respondent)) {
	f := newRespondentFields(u, r)
	title := tr("diag.respondent.add")
	if r.Name != "" {
		title = tr("diag.respondent.edit")
	}
	dlg := dialog.NewCustomWithoutButtons(title, f.box(), u.win)
	ok := widget.NewButton(tr("action.save"), func() {
		if got, valid := f.respondent(); valid {
			dlg.Hide()
			done(got)
		}
	})
	ok.Importance = widget.HighImportance
	f.name.OnSubmitted = func(string) { ok.OnTapped() }
	dlg.SetButtons([]fyne.CanvasObject{widget.NewButton(tr("action.cancel"), dlg.Hide), ok})
	dlg.Resize(fyne.NewSize(460, 0))
	dlg.Show()
	u.win.Canvas().Focus(f.name)
}

// box is the form with its problem line.
func (f *respondentFields) box() fyne.CanvasObject {
	return widget.NewForm(
		widget.NewFormItem(tr("respondent.name"), f.name),
		widget.NewFormItem(tr("respondent.department"), f.dept),
		widget.NewFormItem("", f.problem))
}

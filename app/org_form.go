package app

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// orgForm is the company profile form, for a new organisation or to edit
// the current one. Its fields and choices come from the questionnaire
// content; a bad value keeps the form open with a message that says what
// to fix.
type orgForm struct {
	u        *ui
	editing  *store.Org // nil: a new organisation
	name     *widget.Entry
	currency *widget.Entry
	choices  map[string]*choiceSelect // by profile field id
	problem  *widget.Label
	save     *widget.Button
	dlg      *dialog.CustomDialog
}

// newOrgForm builds the form, filled from editing when it is not nil.
func newOrgForm(u *ui, editing *store.Org) *orgForm {
	f := &orgForm{u: u, editing: editing, choices: map[string]*choiceSelect{}}
	p := diagnostic.Profile{Currency: "EUR", Language: u.lang()}
	if editing != nil {
		p = editing.Profile
	}
	l := u.lang()
	form := widget.NewForm()
	for _, field := range u.q.Profile {
		switch field.ID {
		case "name":
			f.name = widget.NewEntry()
			f.name.SetText(p.Name)
			f.name.SetPlaceHolder(tr("orgform.name.placeholder"))
			f.name.OnSubmitted = func(string) { f.submit() }
			form.Append(field.Label.In(l), f.name)
		case "currency":
			f.currency = widget.NewEntry()
			f.currency.SetText(p.Currency)
			f.currency.OnSubmitted = func(string) { f.submit() }
			form.Append(field.Label.In(l), f.currency)
		default:
			c := newChoiceSelect(field, l, profileValue(p, field.ID))
			f.choices[field.ID] = c
			form.Append(field.Label.In(l), c.sel)
		}
	}
	f.problem = widget.NewLabel("")
	f.problem.Wrapping = fyne.TextWrapWord
	f.problem.Importance = widget.DangerImportance
	f.problem.Hide()

	title := tr("orgform.new.title")
	if editing != nil {
		title = tr("orgform.edit.title")
	}
	f.dlg = dialog.NewCustomWithoutButtons(title, container.NewVBox(form, wrapped(tr("orgform.hint")), f.problem), u.win)
	cancel := widget.NewButton(tr("action.cancel"), f.dlg.Hide)
	f.save = widget.NewButton(tr("action.save"), f.submit)
	f.save.Importance = widget.HighImportance
	f.dlg.SetButtons([]fyne.CanvasObject{cancel, f.save})
	return f
}

// show opens the form.
func (f *orgForm) show() {
	f.dlg.Resize(fyne.NewSize(560, 0))
	f.dlg.Show()
	f.u.win.Canvas().Focus(f.name)
}

// profile is the profile as typed.
func (f *orgForm) profile() diagnostic.Profile {
	v := func(id string) string {
		if c, ok := f.choices[id]; ok {
			return c.value()
		}
		return ""
	}
	return diagnostic.Profile{
		Name:          strings.TrimSpace(f.name.Text),
		Industry:      diagnostic.Industry(v("industry")),
		BusinessModel: diagnostic.BusinessModel(v("business_model")),
		Segment:       diagnostic.Segment(v("segment")),
		EmployeeBand:  v("employees_band"),
		Currency:      strings.ToUpper(strings.TrimSpace(f.currency.Text)),
		Language:      locale.Lang(v("language")),
	}
}

// submit validates the profile and saves it; a problem is shown in the form.
func (f *orgForm) submit() {
	p := f.profile()
	if err := p.Validate(); err != nil {
		f.tell(profileProblem(err))
		return
	}
	f.save.Disable()
	db, editing := f.u.db, f.editing
	f.u.busy.Add(1)
	go func() {
		defer f.u.busy.Done()
		var o store.Org
		var err error
		if editing == nil {
			o, err = db.CreateOrg(context.Background(), p)
		} else {
			o = *editing
			o.Profile = p
			err = db.UpdateOrg(context.Background(), editing.ID, p)
		}
		f.u.post(func() { f.saved(o, err) })
	}()
}

// saved closes the form and opens the organisation, or tells what to fix.
func (f *orgForm) saved(o store.Org, err error) {
	f.save.Enable()
	switch {
	case errors.Is(err, diagnostic.ErrConflict):
		f.tell(tr("orgform.problem.taken", map[string]any{"Name": f.profile().Name}))
		return
	case err != nil:
		f.tell(userMessage(err))
		return
	}
	f.dlg.Hide()
	if f.editing != nil {
		f.u.sess.org = o
		f.u.show(f.u.selected)
		return
	}
	f.u.openOrg(o.ID)
}

// tell shows a problem under the form.
func (f *orgForm) tell(msg string) {
	f.problem.SetText(msg)
	f.problem.Show()
}

// profileProblem turns a Profile.Validate error into a sentence naming the
// field and what to type; Validate names the field before the first colon.
func profileProblem(err error) string {
	field, _, _ := strings.Cut(err.Error(), ":")
	switch field {
	case "name", "currency", "language":
		if field == "name" && strings.Contains(err.Error(), "200") {
			return tr("orgform.problem.name_long")
		}
		return tr("orgform.problem." + field)
	}
	return tr("orgform.problem.other")
}

// profileValue reads a choice field of a profile by its content id.
func profileValue(p diagnostic.Profile, id string) string {
	switch id {
	case "industry":
		return string(p.Industry)
	case "business_model":
		return string(p.BusinessModel)
	case "segment":
		return string(p.Segment)
	case "employees_band":
		return p.EmployeeBand
	case "language":
		return string(p.Language)
	}
	return ""
}

// choiceSelect is a drop-down over a content field's options, showing
// their labels and answering their ids.
type choiceSelect struct {
	sel *widget.Select
	ids []string
}

func newChoiceSelect(field diagnostic.ProfileField, l locale.Lang, current string) *choiceSelect {
	c := &choiceSelect{}
	labels := make([]string, len(field.Options))
	for i, o := range field.Options {
		labels[i] = o.Label.In(l)
		c.ids = append(c.ids, o.ID)
	}
	c.sel = widget.NewSelect(labels, nil)
	c.sel.PlaceHolder = tr("orgform.optional")
	c.set(current)
	return c
}

// value is the chosen option's id, or "".
func (c *choiceSelect) value() string {
	if i := c.sel.SelectedIndex(); i >= 0 {
		return c.ids[i]
	}
	return ""
}

// set chooses the option with id (none when id is unknown or empty).
func (c *choiceSelect) set(id string) {
	for i, x := range c.ids {
		if x == id {
			c.sel.SetSelectedIndex(i)
			return
		}
	}
	c.sel.ClearSelected()
}

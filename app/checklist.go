package app

import (
	"context"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// openChecklist shows the context questions (symptom, objective) and the
// KPI checklist of the assessment; every change is stored at once.
func (d *diagScreen) openChecklist() { d.showChecklist(false) }

// showChecklist shows the context questions and the KPI checklist; next
// (after the last question) offers "See the results" beside Close.
func (d *diagScreen) showChecklist(next bool) {
	u, l := d.u, d.u.lang()
	a := u.sess.assessment
	if a == nil {
		return
	}
	box := container.NewVBox()
	for i := range u.q.Context {
		cq := &u.q.Context[i]
		labels := make([]string, len(cq.Options))
		for j, o := range cq.Options {
			labels[j] = o.Label.In(l)
		}
		sel := widget.NewSelect(labels, nil)
		sel.PlaceHolder = tr("orgform.optional")
		for j, o := range cq.Options {
			if o.ID == contextValue(a.Context, cq.ID) {
				sel.SetSelectedIndex(j)
			}
		}
		sel.OnChanged = func(string) {
			if j := sel.SelectedIndex(); j >= 0 {
				d.setContext(cq.ID, cq.Options[j].ID)
			}
		}
		box.Add(widget.NewLabelWithStyle(cq.Text.In(l), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		box.Add(sel)
	}
	box.Add(widget.NewSeparator())
	box.Add(widget.NewLabelWithStyle(u.q.Checklist.Text.In(l), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	box.Add(wrapped(u.q.Checklist.Help.In(l)))
	for _, f := range u.q.Checklist.Families {
		box.Add(widget.NewLabelWithStyle(f.Name.In(l), fyne.TextAlignLeading, fyne.TextStyle{Italic: true}))
		grid := container.NewGridWithColumns(3)
		for _, k := range f.KPIs {
			d.checklistRow(grid, k)
		}
		box.Add(grid)
	}
	var dlg dialog.Dialog
	if next {
		dlg = dialog.NewCustomConfirm(tr("diag.checklist"), tr("review.results"), tr("action.close"), container.NewVScroll(box),
			func(results bool) {
				if results {
					u.goTo(screenResults)
				}
			}, u.win)
	} else {
		dlg = dialog.NewCustom(tr("diag.checklist"), tr("action.close"), container.NewVScroll(box), u.win)
	}
	dlg.Resize(fyne.NewSize(820, 600))
	u.closeOnEsc(dlg, dlg.Hide)
	dlg.Show()
}

// cadences are the review cadences offered in the checklist.
var cadences = []diagnostic.Cadence{diagnostic.CadenceWeekly, diagnostic.CadenceMonthly, diagnostic.CadenceQuarterly}

// checklistRow adds one KPI to the grid: measured today, owner, cadence.
func (d *diagScreen) checklistRow(grid *fyne.Container, k diagnostic.ChecklistKPI) {
	cur := d.u.sess.assessment.Context.Coverage[k.ID]
	check := widget.NewCheck(k.Name.In(d.u.lang()), nil)
	check.SetChecked(cur.Measured)
	owner := widget.NewEntry()
	owner.SetPlaceHolder(tr("checklist.owner"))
	owner.SetText(cur.Owner)
	labels := make([]string, len(cadences))
	for i, c := range cadences {
		labels[i] = tr("checklist.cadence." + string(c))
	}
	cadence := widget.NewSelect(labels, nil)
	cadence.PlaceHolder = tr("checklist.cadence")
	for i, c := range cadences {
		if c == cur.Cadence {
			cadence.SetSelectedIndex(i)
		}
	}
	changed := func() {
		c := diagnostic.KPICoverage{Measured: check.Checked, Owner: strings.TrimSpace(owner.Text)}
		if i := cadence.SelectedIndex(); i >= 0 {
			c.Cadence = cadences[i]
		}
		d.setCoverage(k.ID, c)
	}
	check.OnChanged = func(bool) { changed() }
	owner.OnChanged = func(string) { changed() }
	cadence.OnChanged = func(string) { changed() }
	grid.Add(check)
	grid.Add(owner)
	grid.Add(cadence)
}

// contextValue reads the answer to a context question.
func contextValue(c diagnostic.Context, id string) string {
	switch id {
	case "symptom":
		return c.Symptom
	case "objective":
		return string(c.Objective)
	}
	return ""
}

// setContext stores the answer to a context question.
func (d *diagScreen) setContext(id, value string) {
	a := d.u.sess.assessment
	switch id {
	case "symptom":
		a.Context.Symptom = value
	case "objective":
		a.Context.Objective = diagnostic.Objective(value)
	}
	c := a.Context
	c.Coverage = nil // SetContext replaces the checklist: send a copy
	for k, v := range a.Context.Coverage {
		if c.Coverage == nil {
			c.Coverage = map[string]diagnostic.KPICoverage{}
		}
		c.Coverage[k] = v
	}
	db, aid, org := d.u.db, a.ID, d.u.sess.org.ID
	d.u.save("saving the context", func(ctx context.Context) error { return db.SetContext(ctx, aid, c) })
	if id == "objective" && value != "" {
		// The 12-month objective is also one of the organisation's business
		// objectives: the KPI screen ticks it and suggests its KPIs.
		obj := diagnostic.Objective(value)
		d.u.save("adding the objective to the KPI plan", func(ctx context.Context) error {
			objs, err := db.Objectives(ctx, org)
			if err != nil || slices.Contains(objs, obj) {
				return err
			}
			return db.SetObjectives(ctx, org, append(objs, obj))
		})
	}
}

// setCoverage stores one line of the KPI checklist.
func (d *diagScreen) setCoverage(kpi string, c diagnostic.KPICoverage) {
	a := d.u.sess.assessment
	if a.Context.Coverage == nil {
		a.Context.Coverage = map[string]diagnostic.KPICoverage{}
	}
	a.Context.Coverage[kpi] = c
	db, aid := d.u.db, a.ID
	d.u.save("saving the KPI checklist", func(ctx context.Context) error { return db.SetCoverage(ctx, aid, kpi, c) })
}

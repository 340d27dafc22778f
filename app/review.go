package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// reviewPage lists the questions the current respondent has not answered
// (those the respondent's gate answers hide are not missing);
// choosing one jumps to it. With none left it leads to the results.
func (d *diagScreen) reviewPage() fyne.CanvasObject {
	u, l := d.u, d.u.lang()
	r := u.current()
	u.rescore()
	var missing []int
	for i := range u.q.Questions {
		qu := &u.q.Questions[i]
		if _, ok := r.Answers[qu.ID]; !ok && u.q.Shown(qu, r.Answers) {
			missing = append(missing, i)
		}
	}
	back := widget.NewButtonWithIcon(tr("wizard.back"), theme.NavigateBackIcon(), d.back)
	results := widget.NewButtonWithIcon(tr("review.results"), theme.GridIcon(), func() { u.goTo(screenResults) })
	if len(missing) == 0 {
		// The context questions and the checklist are part of the ten
		// minutes: the last page leads on to them, then to the results.
		ctxB := widget.NewButtonWithIcon(tr("review.context"), theme.NavigateNextIcon(), func() { d.showChecklist(true) })
		ctxB.Importance = widget.HighImportance
		row := container.NewHBox(back, ctxB, results)
		page := container.NewVBox(subheading(tr("review.title")),
			wrapped(tr("review.done", map[string]any{"Total": shownCount(u.q, r)})),
			wrapped(tr("review.context.help")), row)
		if b := u.newAssessmentButton(); b != nil {
			row.Add(b)
			page.Add(wrapped(tr("newassessment.hint")))
		}
		return page
	}
	list := &widget.List{
		Length: func() int { return len(missing) },
		CreateItem: func() fyne.CanvasObject {
			p := widget.NewLabelWithStyle("Pillar", fyne.TextAlignTrailing, fyne.TextStyle{Italic: true})
			t := widget.NewLabel("Question")
			t.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, nil, p, t)
		},
		UpdateItem: func(id widget.ListItemID, o fyne.CanvasObject) {
			qu := &u.q.Questions[missing[id]]
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(qu.Text.In(l))
			name := ""
			if p, ok := u.q.Pillar(qu.Pillar); ok {
				name = p.Name.In(l)
			}
			row.Objects[1].(*widget.Label).SetText(name)
		},
		OnSelected: func(id widget.ListItemID) { d.jump(missing[id]) },
	}
	list.ExtendBaseWidget(list)
	top := container.NewVBox(subheading(tr("review.title")),
		wrapped(tr("review.missing", map[string]any{"N": len(missing), "Total": shownCount(u.q, r)})))
	return container.NewBorder(top, container.NewHBox(back, results), nil, nil, list)
}

// jump shows question i.
func (d *diagScreen) jump(i int) {
	d.u.sess.page = i
	d.render()
}

// rescore stores the current organisation's score after the queued
// answers, so that the start screen's list shows it without a visit to
// the results.
func (u *ui) rescore() {
	db, id, l := u.db, u.sess.org.ID, u.lang()
	u.save("scoring the assessment", func(ctx context.Context) error {
		_, err := analyseLatest(ctx, db, id, l)
		return err
	})
}

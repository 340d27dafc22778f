package app

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/revopsdx/revopsdx/diagnostic/importer"
)

// onCheck validates every row with the mapping chosen, writing nothing:
// the importer runs in a goroutine against a counting sink, skipping the
// invalid rows so that the summary counts the valid ones and lists the
// rest. Progress and the result reach the page through the UI goroutine;
// Cancel cancels the context.
func (w *importWizard) onCheck() {
	m, err := w.buildMap()
	if err != nil {
		dialog.ShowError(err, w.s.u.win)
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	w.cancel = cancel
	w.show(wizChecking)
	u, path := w.s.u, w.path
	opts := importer.Options{Kind: w.det.Kind, Sheet: w.det.Sheet, DateOrder: w.order, Map: m, SkipInvalid: true,
		Progress: func(p importer.Progress) { u.post(func() { w.onProgress(p) }) }}
	u.busy.Add(1)
	go func() {
		defer u.busy.Done()
		defer cancel()
		sum, err := importer.Import(ctx, path, opts, &importer.CountingSink{})
		u.post(func() { w.checked(sum, err) })
	}()
}

// checked shows the dry run's result, unless the user has left the page.
func (w *importWizard) checked(sum importer.Summary, err error) {
	if w.page != wizChecking {
		return
	}
	w.check, w.checkErr = sum, err
	w.show(wizValidation)
}

// checkingPage is the dry run's progress bar with Cancel.
func (w *importWizard) checkingPage() fyne.CanvasObject {
	w.progress = w.newProgress()
	stop := widget.NewButtonWithIcon(tr("action.cancel"), theme.CancelIcon(), w.onStop)
	return container.NewVBox(wrapped(tr("import.checking")), w.progress, container.NewHBox(stop))
}

// validationPage says how many rows were read and how many are valid,
// lists the problems (row, column, value, reason) and offers to go back to
// the mapping, to import the valid rows only, or, with no problem, to
// import the file.
func (w *importWizard) validationPage() fyne.CanvasObject {
	back := widget.NewButtonWithIcon(tr("import.back.mapping"), theme.NavigateBackIcon(), func() { w.show(wizMapping) })
	cancel := widget.NewButton(tr("action.cancel"), w.onCancelWizard)
	if w.checkErr != nil {
		text := w.errorText(w.checkErr)
		if errors.Is(w.checkErr, context.Canceled) {
			text = tr("import.check.cancelled")
		}
		msg := wrapped(text)
		msg.Importance = widget.DangerImportance
		return container.NewVBox(subheading(tr("import.validation")), msg, container.NewHBox(back, cancel))
	}
	s, l := w.check, w.s.u.lang()
	num := func(n int) string { return l.Number(float64(n), 0) }
	lines := tr("import.validation.counts", map[string]any{"Read": num(s.RowsRead), "Valid": num(s.RowsImported), "Rejected": num(s.RowsRejected)})
	if n := s.FooterRowsSkipped + s.BlankRowsSkipped; n > 0 {
		lines += "\n" + tr("import.skipped", map[string]any{"N": num(n)})
	}
	top := container.NewVBox(subheading(tr("import.validation")))
	buttons := container.NewHBox(back, cancel, layout.NewSpacer())
	switch {
	case s.ProblemCount == 0:
		lines += "\n" + tr("import.validation.ok", map[string]any{"Records": num(s.Records)})
		run := widget.NewButtonWithIcon(tr("action.import"), theme.UploadIcon(), w.onRun)
		run.Importance = widget.HighImportance
		buttons.Add(run)
	case s.RowsImported > 0:
		lines += "\n" + tr("import.validation.some")
		run := widget.NewButtonWithIcon(countN(l, s.RowsImported, "import.run.valid.one", "import.run.valid.other"), theme.UploadIcon(), w.onRunValid)
		run.Importance = widget.HighImportance
		buttons.Add(run)
	default:
		lines += "\n" + tr("import.validation.none")
	}
	top.Add(wrapped(lines))
	if len(s.Problems) == 0 {
		return container.NewBorder(top, buttons, nil, nil, nil)
	}
	title := subheading(tr("import.problem.rows"))
	top.Add(title)
	bottom := container.NewVBox(buttons)
	if n := s.ProblemCount - len(s.Problems); n > 0 {
		bottom.Objects = append([]fyne.CanvasObject{wrapped(countN(l, n, "import.problems.more.one", "import.problems.more.other"))}, bottom.Objects...)
	}
	return container.NewBorder(top, bottom, nil, nil, w.problemList(s.Problems))
}

// problemList lists problems (virtualised): where (file, row, column,
// value) in bold, the reason in the interface language under it.
func (w *importWizard) problemList(problems []importer.Problem) fyne.CanvasObject {
	file, l := filepath0(w.path), w.s.u.lang()
	list := &widget.List{
		Length: func() int { return len(problems) },
		CreateItem: func() fyne.CanvasObject {
			where := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			where.Truncation = fyne.TextTruncateEllipsis
			why := widget.NewLabel("")
			why.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(where, why)
		},
		UpdateItem: func(i widget.ListItemID, o fyne.CanvasObject) {
			p := problems[i]
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(problemPlace(file, p))
			c.Objects[1].(*widget.Label).SetText(p.Text(l))
		},
	}
	list.ExtendBaseWidget(list)
	return list
}

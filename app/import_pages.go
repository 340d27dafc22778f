package app

import (
	"errors"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/revopsdx/revopsdx/diagnostic/importer"
)

// importKinds are the shapes offered, "" meaning automatic.
var importKinds = []importer.Kind{"", importer.Deals, importer.Customers, importer.Transactions, importer.Leads, importer.KPIs}

// previewPage shows the first rows as detected and the detected settings,
// which the user can change (kind, sheet, date order).
func (w *importWizard) previewPage() fyne.CanvasObject {
	d := w.det
	var fe *importer.FileError
	if errors.As(w.detErr, &fe) || len(d.Columns) == 0 {
		msg := tr("import.unreadable")
		if w.detErr != nil {
			msg = w.errorText(w.detErr)
		}
		other := widget.NewButtonWithIcon(tr("import.other"), theme.FolderOpenIcon(), w.s.onImport)
		closeB := widget.NewButton(tr("action.close"), w.onCancelWizard)
		return container.NewVBox(wrapped(msg), container.NewHBox(other, closeB))
	}
	kindNames := make([]string, len(importKinds))
	for i, k := range importKinds {
		kindNames[i] = tr("import.kind." + kindKey(k))
	}
	kind := widget.NewSelect(kindNames, nil)
	kind.SetSelectedIndex(slices.Index(importKinds, w.kind))
	kind.OnChanged = func(string) { w.onKind(importKinds[kind.SelectedIndex()]) }
	orders := []string{tr("import.order.dmy"), tr("import.order.mdy")}
	order := widget.NewSelect(orders, nil)
	if w.order == "mdy" {
		order.SetSelectedIndex(1)
	} else {
		order.SetSelectedIndex(0)
	}
	order.OnChanged = func(string) { w.onOrder(order.SelectedIndex()) }

	form := widget.NewForm(widget.NewFormItem(tr("import.kind"), kind))
	if len(d.Sheets) > 1 {
		sheet := widget.NewSelect(d.Sheets, nil)
		sheet.SetSelected(d.Sheet)
		sheet.OnChanged = w.onSheet
		form.Append(tr("import.sheet"), sheet)
	}
	form.Append(tr("import.dateorder"), order)
	detected := tr("import.detected", map[string]any{
		"Kind": tr("import.kind." + kindKey(d.Kind)), "Format": d.Format, "Encoding": orDash(d.Encoding),
		"Delimiter": quoteChar(d.Delimiter), "Decimal": quoteChar(d.DecimalSeparator), "Dates": orDash(d.DateFormat),
	})
	next := widget.NewButtonWithIcon(tr("import.next"), theme.NavigateNextIcon(), w.onNext)
	next.Importance = widget.HighImportance
	cancel := widget.NewButton(tr("action.cancel"), w.onCancelWizard)
	top := container.NewVBox(subheading(tr("import.preview")), wrapped(detected), form)
	for _, warn := range d.Warnings {
		top.Add(wrapped("• " + warn))
	}
	return container.NewBorder(top, container.NewHBox(cancel, next), nil, nil, w.previewTable())
}

// previewTable is the file's first rows under its headers (virtualised).
func (w *importWizard) previewTable() fyne.CanvasObject {
	d := w.det
	t := &widget.Table{
		Length: func() (int, int) { return len(d.Preview), len(d.Columns) },
		CreateCell: func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		UpdateCell: func(id widget.TableCellID, o fyne.CanvasObject) {
			text := ""
			if id.Row < len(d.Preview) && id.Col < len(d.Preview[id.Row]) {
				text = d.Preview[id.Row][id.Col]
			}
			o.(*widget.Label).SetText(text)
		},
		CreateHeader: func() fyne.CanvasObject {
			l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		UpdateHeader: func(id widget.TableCellID, o fyne.CanvasObject) {
			text := ""
			if id.Col >= 0 && id.Col < len(d.Columns) {
				text = d.Columns[id.Col].Header
			}
			o.(*widget.Label).SetText(text)
		},
	}
	t.ShowHeaderRow = true
	t.ExtendBaseWidget(t)
	for c := range d.Columns {
		t.SetColumnWidth(c, 150)
	}
	return t
}

func kindKey(k importer.Kind) string {
	if k == "" {
		return "auto"
	}
	return string(k)
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// quoteChar shows a separator character so that it reads as one: in
// quotes of the interface language, a tab by name, "—" when there is none.
func quoteChar(s string) string {
	switch s {
	case "":
		return "—"
	case "\t":
		return tr("import.tab")
	}
	return tr("import.quoted", map[string]any{"V": s})
}

func (w *importWizard) onKind(k importer.Kind) {
	if k != w.kind {
		w.kind = k
		w.detect()
	}
}

func (w *importWizard) onSheet(s string) {
	if s != w.sheet {
		w.sheet = s
		w.detect()
	}
}

func (w *importWizard) onOrder(i int) {
	o := []string{"dmy", "mdy"}[max(i, 0)]
	if o != w.order {
		w.order = o
		w.detect()
	}
}

// mappingPage offers one dropdown per field, pre-filled with the column
// detection chose, plus what detection could not resolve.
func (w *importWizard) mappingPage() fyne.CanvasObject {
	none := tr("import.map.none")
	cols := []string{none}
	for _, c := range w.det.Columns {
		cols = append(cols, c.Header)
	}
	form := widget.NewForm()
	for _, f := range w.fields {
		sel := widget.NewSelect(cols, nil)
		if c := w.choice[f]; c != "" {
			sel.SetSelected(c)
		} else {
			sel.SetSelected(none)
		}
		field := f
		sel.OnChanged = func(v string) {
			if v == none {
				v = ""
			}
			w.choice[field] = v
		}
		form.Append(w.fieldName(f), sel)
	}
	top := container.NewVBox(subheading(tr("import.mapping")), wrapped(tr("import.mapping.help")))
	var me *importer.MappingError
	if errors.As(w.detErr, &me) {
		warn := wrapped(me.Text(w.s.u.lang()))
		warn.Importance = widget.WarningImportance
		top.Add(warn)
	}
	back := widget.NewButtonWithIcon(tr("import.back"), theme.NavigateBackIcon(), w.onBack)
	check := widget.NewButtonWithIcon(tr("import.check"), theme.NavigateNextIcon(), w.onCheck)
	check.Importance = widget.HighImportance
	return container.NewBorder(top, container.NewHBox(back, check), nil, nil, container.NewVScroll(form))
}

// fieldName is a field's name for people: a KPI or input by its name,
// the fixed fields from the translations.
func (w *importWizard) fieldName(f string) string {
	if _, ok := w.s.cat.Def(f); ok {
		return w.s.kpiName(f)
	}
	if _, ok := w.s.cat.Input(f); ok {
		return w.s.kpiName(f)
	}
	return tr("import.field." + f)
}

// summaryPage says what was imported, or why nothing was, listing the
// rejected rows.
func (w *importWizard) summaryPage() fyne.CanvasObject {
	closeB := widget.NewButtonWithIcon(tr("import.finish"), theme.ConfirmIcon(), w.onCancelWizard)
	if w.err == nil {
		s, l := w.sum, w.s.u.lang()
		text := tr("import.done", map[string]any{"Rows": l.Number(float64(s.RowsImported), 0), "Records": l.Number(float64(s.Records), 0)})
		if s.RowsRejected > 0 {
			text += "\n" + countN(l, s.RowsRejected, "import.rejected.one", "import.rejected.other")
		}
		if n := s.FooterRowsSkipped + s.BlankRowsSkipped; n > 0 {
			text += "\n" + tr("import.skipped", map[string]any{"N": l.Number(float64(n), 0)})
		}
		closeB.Importance = widget.HighImportance
		return container.NewVBox(subheading(tr("import.ok")), wrapped(text), container.NewHBox(closeB))
	}
	msg := wrapped(w.errorText(w.err) + "\n" + tr("import.nothing"))
	msg.Importance = widget.DangerImportance
	back := widget.NewButtonWithIcon(tr("import.back.mapping"), theme.NavigateBackIcon(), func() { w.show(wizMapping) })
	buttons := container.NewHBox(back, closeB)
	var pe *importer.ProblemsError
	problems := w.sum.Problems
	if errors.As(w.err, &pe) && len(problems) == 0 {
		problems = pe.Problems
	}
	if errors.Is(w.err, errConflict) {
		rep := widget.NewButtonWithIcon(tr("import.replace"), theme.ViewRefreshIcon(), w.onReplace)
		buttons.Add(rep)
	}
	top := container.NewVBox(subheading(tr("import.failed")), msg)
	if len(problems) == 0 {
		return container.NewBorder(top, buttons, nil, nil, nil)
	}
	top.Add(subheading(tr("import.rejected.rows")))
	return container.NewBorder(top, buttons, nil, nil, w.problemList(problems))
}

// problemPlace is where a problem is: file, row, column and the value.
func problemPlace(file string, p importer.Problem) string {
	out := tr("import.problem.row", map[string]any{"File": file, "Row": p.Row})
	if p.Column != "" {
		out += " · " + p.Column
	}
	if p.Value != "" {
		out += " · «" + p.Value + "»"
	}
	return out
}

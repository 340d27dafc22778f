package app

import (
	"context"
	"fmt"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// Columns of the plan table.
const (
	planColKPI = iota
	planColOwner
	planColCadence
	planColTarget
	planColBy
	planColRetire
	planCols
)

// planTable is the objectives and the KPI plan as an editable table: owner,
// cadence and target are edited in place and stored at once.
type planTable struct {
	s      *kpiScreen
	table  *widget.Table
	objs   []*widget.Check // one per objective, in diagnostic.Objectives order
	status *widget.Label
}

func newPlanTable(s *kpiScreen) *planTable { return &planTable{s: s} }

func (p *planTable) view() fyne.CanvasObject {
	l := p.s.u.lang()
	names := make([]string, len(diagnostic.Objectives()))
	for i, o := range diagnostic.Objectives() {
		names[i] = p.s.cat.ObjectiveName(o, l)
	}
	p.objs = make([]*widget.Check, len(names))
	grid := container.NewGridWithColumns(3)
	for i, n := range names {
		p.objs[i] = widget.NewCheck(n, nil)
		p.objs[i].SetChecked(slices.Contains(p.s.data.objectives, diagnostic.Objectives()[i]))
		grid.Add(p.objs[i])
	}
	suggest := widget.NewButtonWithIcon(tr("kpis.suggest"), theme.ViewRefreshIcon(), p.onSuggest)
	suggest.Importance = widget.HighImportance
	add := widget.NewButtonWithIcon(tr("kpis.custom.add"), theme.ContentAddIcon(), p.onAddCustom)
	p.status = statusLabel()

	p.table = &widget.Table{
		Length:     func() (int, int) { return len(p.s.data.plan), planCols },
		CreateCell: p.createCell,
		UpdateCell: p.updateCell,
		CreateHeader: func() fyne.CanvasObject {
			return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		},
		UpdateHeader: p.updateHeader,
	}
	p.table.ShowHeaderRow = true
	p.table.ExtendBaseWidget(p.table)
	// 800 in all: the whole plan fits the content area of a 1000-px window.
	for c, w := range []float32{220, 140, 120, 125, 85, 110} {
		p.table.SetColumnWidth(c, w)
	}
	top := container.NewVBox(
		subheading(tr("kpis.objectives")), wrapped(tr("kpis.objectives.help")), grid,
		container.NewHBox(suggest, add),
		subheading(tr("kpis.plan")), wrapped(tr("kpis.plan.help")), p.status,
	)
	var body fyne.CanvasObject = p.table
	if len(p.s.data.plan) == 0 {
		body = container.NewVBox(wrapped(tr("kpis.plan.empty")))
	}
	return container.NewBorder(top, nil, nil, nil, body)
}

func (p *planTable) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	keys := []string{"kpis.col.kpi", "kpis.col.owner", "kpis.col.cadence", "kpis.col.target", "kpis.col.by", "kpis.col.state"}
	if id.Col >= 0 && id.Col < len(keys) {
		o.(*widget.Label).SetText(tr(keys[id.Col]))
	}
}

// createCell is a stack of every kind of cell; updateCell shows the one
// the column needs.
func (p *planTable) createCell() fyne.CanvasObject {
	label := widget.NewLabel("")
	label.Truncation = fyne.TextTruncateEllipsis
	sel := widget.NewSelect(nil, nil)
	btn := widget.NewButton("", nil)
	return container.NewStack(label, newCellEntry(), sel, btn)
}

func (p *planTable) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Row >= len(p.s.data.plan) {
		return
	}
	it := p.s.data.plan[id.Row]
	c := o.(*fyne.Container)
	label, entry, sel, btn := c.Objects[0].(*widget.Label), c.Objects[1].(*cellEntry), c.Objects[2].(*widget.Select), c.Objects[3].(*widget.Button)
	for _, w := range c.Objects {
		w.Hide()
	}
	l := p.s.u.lang()
	row := id.Row
	switch id.Col {
	case planColKPI:
		name := p.s.kpiName(it.KPI)
		if it.Retired {
			name = tr("kpis.retired.name", map[string]any{"Name": name})
		}
		label.SetText(name)
		label.Show()
	case planColOwner:
		entry.SetPlaceHolder(tr("kpis.owner.placeholder"))
		entry.fill(it.Owner, func(v string) { p.onOwner(row, v) })
		entry.Show()
	case planColCadence:
		opts := make([]string, len(cadences))
		for i, cd := range cadences {
			opts[i] = tr("checklist.cadence." + string(cd))
		}
		sel.OnChanged = nil
		sel.Options = opts
		sel.PlaceHolder = tr("kpis.cadence.none")
		sel.ClearSelected()
		if i := slices.Index(cadences, it.Cadence); i >= 0 {
			sel.SetSelected(opts[i])
		}
		sel.OnChanged = func(v string) { p.onCadence(row, slices.Index(opts, v)) }
		sel.Show()
	case planColTarget:
		text := ""
		if t, ok := currentTarget(it); ok {
			text = editValue(l, p.s.unitOf(it.KPI), t.Value)
		}
		entry.SetPlaceHolder(tr("kpis.target.placeholder"))
		entry.fillUnit(text, unitSuffix(l, p.s.unitOf(it.KPI), p.s.org.Profile.Currency), func(v string) { p.onTarget(row, entry, v) })
		entry.Show()
	case planColBy:
		text := "—"
		if t, ok := currentTarget(it); ok {
			text = l.MonthYear(t.By.Year, t.By.Month)
		}
		label.SetText(text)
		label.Show()
	case planColRetire:
		if it.Retired {
			btn.SetText(tr("kpis.restore"))
			btn.SetIcon(theme.ContentUndoIcon())
		} else {
			btn.SetText(tr("kpis.retire"))
			btn.SetIcon(theme.DeleteIcon())
		}
		btn.OnTapped = func() { p.onRetire(row) }
		btn.Show()
	}
}

// currentTarget is the latest target set for a plan item.
func currentTarget(it diagnostic.PlanItem) (diagnostic.Target, bool) {
	if len(it.Targets) == 0 {
		return diagnostic.Target{}, false
	}
	return it.Targets[len(it.Targets)-1], true
}

// savePlanItem stores a plan item's owner, cadence and retired flag.
func (p *planTable) savePlanItem(it diagnostic.PlanItem) {
	db, org := p.s.u.db, p.s.org.ID
	p.s.u.save("saving the KPI plan", func(ctx context.Context) error { return db.SetPlanItem(ctx, org, it) })
}

func (p *planTable) onOwner(row int, v string) {
	p.s.data.plan[row].Owner = v
	p.savePlanItem(p.s.data.plan[row])
}

func (p *planTable) onCadence(row, i int) {
	if i < 0 {
		return
	}
	p.s.data.plan[row].Cadence = cadences[i]
	p.savePlanItem(p.s.data.plan[row])
}

func (p *planTable) onRetire(row int) {
	p.s.data.plan[row].Retired = !p.s.data.plan[row].Retired
	p.savePlanItem(p.s.data.plan[row])
	p.table.RefreshItem(widget.TableCellID{Row: row, Col: planColKPI})
	p.table.RefreshItem(widget.TableCellID{Row: row, Col: planColRetire})
}

// onTarget validates a typed target and stores it as a new dated target
// (the plan keeps the history), reached by the month of the current one
// or else by December of this year.
func (p *planTable) onTarget(row int, e *cellEntry, v string) {
	it := &p.s.data.plan[row]
	val, err := parseNumber(p.s.u.lang(), v, p.s.unitOf(it.KPI))
	if err != nil {
		msg := tr("kpis.invalid.number", map[string]any{"Value": v})
		e.SetValidationError(fmt.Errorf("%s", msg))
		setStatus(p.status, msg)
		return
	}
	e.SetValidationError(nil)
	setStatus(p.status, "")
	now := p.s.now()
	by := diagnostic.Month{Year: now.Year(), Month: time.December}
	if t, ok := currentTarget(*it); ok && !t.By.Before(diagnostic.MonthOf(now)) {
		by = t.By
	}
	t := diagnostic.Target{Value: val, By: by, SetOn: now}
	it.Targets = append(it.Targets, t)
	db, org, id := p.s.u.db, p.s.org.ID, it.KPI
	p.s.u.save("saving a target", func(ctx context.Context) error { return db.AddTarget(ctx, org, id, t) })
	p.table.RefreshItem(widget.TableCellID{Row: row, Col: planColBy})
}

// onSuggest stores the chosen objectives and adds the KPIs they suggest
// that are not in the plan yet, with the catalogue's cadence.
func (p *planTable) onSuggest() {
	var objs []diagnostic.Objective
	for i, o := range diagnostic.Objectives() {
		if p.objs[i].Checked {
			objs = append(objs, o)
		}
	}
	var add []diagnostic.PlanItem
	have := p.s.planKPIs()
	for _, id := range p.s.cat.Suggest(objs) {
		if slices.Contains(have, id) {
			continue
		}
		d, _ := p.s.cat.Def(id)
		add = append(add, diagnostic.PlanItem{KPI: id, Cadence: d.Cadence})
	}
	db, org := p.s.u.db, p.s.org.ID
	p.s.u.save("saving the objectives and the plan", func(ctx context.Context) error {
		if err := db.SetObjectives(ctx, org, objs); err != nil {
			return err
		}
		for _, it := range add {
			if err := db.SetPlanItem(ctx, org, it); err != nil {
				return err
			}
		}
		return nil
	})
	p.s.reload()
}

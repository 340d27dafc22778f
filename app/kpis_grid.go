package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// gridMonths is how many months the grid offers at least, ending with the
// current month.
const gridMonths = 12

// dataGrid is the monthly values as a table: one row per month (newest
// first), one column per input or custom KPI, each cell editable in place.
// The table is virtualised: only the visible cells exist.
type dataGrid struct {
	s       *kpiScreen
	metrics []string
	months  []diagnostic.Month
	values  map[string]map[diagnostic.Month]float64
	table   *widget.Table
	status  *widget.Label
}

func newDataGrid(s *kpiScreen) *dataGrid {
	g := &dataGrid{s: s, values: map[string]map[diagnostic.Month]float64{}}
	for _, in := range s.cat.Inputs {
		g.metrics = append(g.metrics, in.ID)
	}
	seen := map[string]bool{}
	for _, m := range g.metrics {
		seen[m] = true
	}
	for _, k := range s.data.custom {
		if !seen[k.ID] {
			g.metrics = append(g.metrics, k.ID)
			seen[k.ID] = true
		}
	}
	last := diagnostic.MonthOf(s.now())
	first := last.Add(1 - gridMonths)
	for _, o := range s.data.obs {
		if g.values[o.Metric] == nil {
			g.values[o.Metric] = map[diagnostic.Month]float64{}
		}
		g.values[o.Metric][o.Month] = o.Value
		if o.Month.Before(first) {
			first = o.Month
		}
		if last.Before(o.Month) {
			last = o.Month
		}
		if !seen[o.Metric] { // a KPI typed directly
			g.metrics = append(g.metrics, o.Metric)
			seen[o.Metric] = true
		}
	}
	for m := last; !m.Before(first); m = m.Add(-1) {
		g.months = append(g.months, m)
	}
	return g
}

func (g *dataGrid) view() fyne.CanvasObject {
	g.table = &widget.Table{
		Length:     func() (int, int) { return len(g.months), len(g.metrics) },
		CreateCell: func() fyne.CanvasObject { return newCellEntry() },
		UpdateCell: g.updateCell,
		CreateHeader: func() fyne.CanvasObject {
			l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		UpdateHeader: g.updateHeader,
	}
	g.table.ShowHeaderRow = true
	g.table.ShowHeaderColumn = true
	g.table.ExtendBaseWidget(g.table)
	for c, m := range g.metrics {
		// Wide enough for the header, within reason; longer names end in "…".
		w := fyne.MeasureText(g.s.kpiName(m), theme.TextSize(), fyne.TextStyle{Bold: true}).Width + 4*theme.Padding() + 24
		g.table.SetColumnWidth(c, min(max(w, 120), 260))
	}
	g.table.SetColumnWidth(-1, 110)
	g.status = statusLabel()
	top := container.NewVBox(wrapped(tr("kpis.grid.help")), g.status)
	return container.NewBorder(top, nil, nil, nil, g.table)
}

func (g *dataGrid) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	switch {
	case id.Row < 0 && id.Col >= 0 && id.Col < len(g.metrics):
		m := g.metrics[id.Col]
		l.SetText(withUnit(g.s.kpiName(m), g.s.u.lang(), g.s.unitOf(m), g.s.org.Profile.Currency))
	case id.Col < 0 && id.Row >= 0 && id.Row < len(g.months):
		m := g.months[id.Row]
		l.SetText(g.s.u.lang().MonthYear(m.Year, m.Month))
	default:
		l.SetText("")
	}
}

func (g *dataGrid) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Row >= len(g.months) || id.Col >= len(g.metrics) {
		return
	}
	e := o.(*cellEntry)
	metric, month := g.metrics[id.Col], g.months[id.Row]
	text := ""
	if v, ok := g.values[metric][month]; ok {
		text = editValue(g.s.u.lang(), g.s.unitOf(metric), v)
	}
	e.fill(text, func(v string) { g.onEdit(e, metric, month, v) })
}

// onEdit validates a typed value and stores it (an emptied cell deletes
// the value); a bad number is marked and not stored.
func (g *dataGrid) onEdit(e *cellEntry, metric string, month diagnostic.Month, text string) {
	db, org := g.s.u.db, g.s.org.ID
	if strings.TrimSpace(text) == "" {
		if _, ok := g.values[metric][month]; !ok {
			return
		}
		delete(g.values[metric], month)
		setStatus(g.status, "")
		g.s.u.save("deleting a value", func(ctx context.Context) error { return db.DeleteObservation(ctx, org, metric, month) })
		return
	}
	v, err := parseNumber(g.s.u.lang(), text, g.s.unitOf(metric))
	if err != nil {
		msg := tr("kpis.grid.invalid", map[string]any{"Value": text, "Metric": g.s.kpiName(metric), "Month": g.s.u.lang().MonthYear(month.Year, month.Month)})
		e.SetValidationError(fmt.Errorf("%s", msg))
		setStatus(g.status, msg)
		return
	}
	e.SetValidationError(nil)
	setStatus(g.status, "")
	if g.values[metric] == nil {
		g.values[metric] = map[diagnostic.Month]float64{}
	}
	g.values[metric][month] = v
	o := diagnostic.Observation{Metric: metric, Month: month, Value: v, Source: diagnostic.SourceManual}
	g.s.u.save("saving a value", func(ctx context.Context) error { return db.SetObservation(ctx, org, o) })
}

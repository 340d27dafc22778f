package report

import (
	"github.com/johnfercher/maroto/v2/pkg/consts/align"
)

// maturity draws the radar and pillar charts and the pillar table with the
// change since the previous assessment when there was one.
func (d *doc) maturity() {
	d.section(SectionMaturity)
	t, f := d.t, d.f
	d.para(t.T("maturity.intro"))
	d.add(spacer(2))
	c := d.d.Charts
	// The charts carry their own titles: no caption repeats them. Each is
	// printed at the width its pixel size was chosen for (chartSize), so
	// its labels print at 8 pt or more: the radar at 57 % of the text
	// width, the pillar bars below it at 90 %.
	if len(c.Radar) > 0 {
		d.figures(1, 0.57, figure{png: c.Radar})
	}
	if len(c.Pillars) > 0 {
		d.figures(1, 0.9, figure{png: c.Pillars})
	}

	withChange := !d.d.PreviousDate.IsZero()
	cols := []column{{t.T("col.pillar"), 40, align.Left}, {t.T("col.score"), 14, align.Right}, {t.T("col.basis"), 12, align.Right}, {t.T("col.level"), 34, align.Left}}
	if withChange {
		cols = []column{{t.T("col.pillar"), 34, align.Left}, {t.T("col.score"), 13, align.Right}, {t.T("col.basis"), 11, align.Right}, {t.T("col.level"), 24, align.Left},
			{t.T("maturity.change", "date", f.lang.Date(d.d.PreviousDate)), 18, align.Right}}
	}
	right := stCell.aligned(align.Right)
	var rows [][]cell
	for _, p := range d.d.Pillars {
		r := []cell{tbold(p.Name), {right.t(f.score(p.Score))}, {right.t(f.pct(p.Basis))}, tcell(f.level(p.Level))}
		if withChange {
			r = append(r, cell{changeStyle(p.Score, p.Previous).t(f.change(p.Score, p.Previous))})
		}
		rows = append(rows, r)
	}
	o := d.d.Overall
	total := []cell{tcolour(t.T("summary.overall"), colPrimary, true), {stCellB.aligned(align.Right).t(f.score(o.Score))}, {stCellB.aligned(align.Right).t(f.pct(o.Basis))}, tbold(f.level(o.Level))}
	if withChange {
		total = append(total, tcell(""))
	}
	rows = append(rows, total)
	// The pillar table is short: it moves whole to the next page with its
	// heading rather than leave a few rows alone there.
	d.keep(d.heightOf(textRow(stH2, t.T("maturity.table"))) + d.tableHeight(cols, bodyRows(rows)))
	d.sub(t.T("maturity.table"), 14)
	d.table(cols, bodyRows(rows))
	if !withChange {
		d.add(textRow(stSmall, t.T("maturity.no_change")))
	}
}

// changeStyle colours a score change: green up, red down, muted otherwise.
func changeStyle(now, before *float64) txt {
	s := stCellB.aligned(align.Right)
	if now == nil || before == nil {
		return s.with(colMuted)
	}
	switch d := *now - *before; {
	case d >= 0.5:
		return s.with(colGood)
	case d <= -0.5:
		return s.with(colBad)
	}
	return s.with(colMuted)
}

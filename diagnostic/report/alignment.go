package report

import (
	"github.com/revopsdx/revopsdx/diagnostic"

	"github.com/johnfercher/maroto/v2/pkg/consts/align"
)

// alignment draws the department-gap chart and the table of flagged
// questions with each department's average answer (1–5) and the spread.
func (d *doc) alignment() {
	d.section(SectionAlignment)
	t, f := d.t, d.f
	d.para(t.T("alignment.intro"))
	d.add(spacer(2))
	if len(d.d.Charts.Alignment) > 0 {
		d.figures(1, 0.9, figure{png: d.d.Charts.Alignment}) // titled by the chart itself
	}
	if len(d.d.Alignment) == 0 {
		return
	}
	depts := d.d.Departments
	qSize := 40
	spread := 10
	each := (gridSize - qSize - spread) / len(depts)
	qSize = gridSize - spread - each*len(depts)
	cols := []column{{t.T("col.question"), qSize, align.Left}}
	for _, dep := range depts {
		cols = append(cols, column{f.team(string(dep)), each, align.Center})
	}
	cols = append(cols, column{t.T("col.spread"), spread, align.Center})
	var rows [][]cell
	for _, it := range d.d.Alignment {
		r := []cell{twoLines(stCell, it.Question, it.Pillar)}
		lo, hi := extremes(it, depts)
		for _, dep := range depts {
			v := it.Values[dep]
			s := stCell.aligned(align.Center)
			switch {
			case v == nil:
				r = append(r, cell{s.with(colMuted).t(t.T("none"))})
				continue
			case *v == lo:
				s = stCellB.aligned(align.Center).with(colBad)
			case *v == hi:
				s = stCellB.aligned(align.Center).with(colGood)
			}
			r = append(r, cell{s.t(f.lang.Auto(*v, 1))})
		}
		r = append(r, cell{stCellB.aligned(align.Center).t(f.lang.Auto(it.Spread, 1))})
		rows = append(rows, r)
	}
	d.sub(t.T("alignment.flagged"), 16)
	d.table(cols, bodyRows(rows))
}

// extremes returns the lowest and highest department values of a question.
func extremes(it AlignmentItem, depts []diagnostic.Department) (lo, hi float64) {
	first := true
	for _, dep := range depts {
		v := it.Values[dep]
		if v == nil {
			continue
		}
		if first || *v < lo {
			lo = *v
		}
		if first || *v > hi {
			hi = *v
		}
		first = false
	}
	return lo, hi
}

package report

import (
	"github.com/johnfercher/maroto/v2/pkg/components/col"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/consts/align"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"
)

// column is one column of a table: its title, its width out of the grid
// (the widths of a table add up to 100) and its alignment.
type column struct {
	title string
	size  int
	align align.Type
}

// cell is the content of one table cell: one or more components stacked.
type cell []core.Component

// tcell is a one-text cell in the table's body style.
func tcell(value string) cell { return cell{stCell.t(value)} }

// tbold is a one-text bold cell.
func tbold(value string) cell { return cell{stCellB.t(value)} }

// tcolour is a one-text cell in a colour.
func tcolour(value string, c *props.Color, bold bool) cell {
	s := stCell
	if bold {
		s = stCellB
	}
	return cell{s.with(c).t(value)}
}

// twoLines is a cell with a main text and a smaller muted line under it
// (left out when empty).
func twoLines(main txt, value, sub string) cell {
	c := cell{main.t(value)}
	if sub != "" {
		s := stSmall
		s.top, s.bot = 0, 1.4
		c = append(c, s.t(sub))
	}
	return c
}

// headRow is a table's header row.
func headRow(cols []column) core.Row {
	r := row.New()
	for _, c := range cols {
		r.Add(col.New(c.size).Add(stHeadCel.aligned(c.align).t(c.title)).WithStyle(panel(colHeadBg)))
	}
	return r
}

// bodyRow is one row of a table, shaded on odd rows for readability.
func bodyRow(cols []column, cells []cell, i int) core.Row {
	r := row.New()
	for j, c := range cols {
		var content core.Component = &stack{}
		if j < len(cells) {
			items := make([]core.Component, len(cells[j]))
			copy(items, cells[j])
			content = &stack{items: items}
		}
		k := col.New(c.size).Add(content)
		if i%2 == 1 {
			k.WithStyle(panel(colZebra))
		}
		r.Add(k)
	}
	return r
}

// bandRow is a full-width shaded row that groups the table rows below it
// (a pillar in the answers table).
func bandRow(value string) core.Row {
	return row.New().Add(col.New(gridSize).Add(stCellB.with(colPrimary).t(value)).WithStyle(panel(colPanel)))
}

// tableRow is a body row or a band of a table.
type tableRow struct {
	band  string // when not empty, a band row with this text
	cells []cell
}

// table adds a table whose header is kept with its first row and repeated
// at the top of each page the table continues on.
func (d *doc) table(cols []column, rows []tableRow) {
	if len(rows) == 0 {
		return
	}
	build := func(i int) core.Row {
		if rows[i].band != "" {
			return bandRow(rows[i].band)
		}
		return bodyRow(cols, rows[i].cells, i)
	}
	first := build(0)
	d.keep(d.heightOf(headRow(cols)) + d.heightOf(first))
	d.add(headRow(cols))
	for i := range rows {
		r := first
		if i > 0 {
			r = build(i)
		}
		h := d.heightOf(r)
		// A band is kept with the row after it.
		if rows[i].band != "" && i+1 < len(rows) {
			h += d.heightOf(build(i + 1))
		}
		if !d.fits(h) {
			d.newPage()
			d.add(headRow(cols))
		}
		d.add(r)
	}
	d.add(spacer(3))
}

// tableHeight is the height of a whole table as d.table draws it on one
// page: header, rows and the space after it.
func (d *doc) tableHeight(cols []column, rows []tableRow) float64 {
	h := d.heightOf(headRow(cols), spacer(3))
	for i, r := range rows {
		if r.band != "" {
			h += d.heightOf(bandRow(r.band))
		} else {
			h += d.heightOf(bodyRow(cols, r.cells, i))
		}
	}
	return h
}

// bodyRows turns plain cell slices into table rows.
func bodyRows(cells [][]cell) []tableRow {
	out := make([]tableRow, len(cells))
	for i, c := range cells {
		out[i] = tableRow{cells: c}
	}
	return out
}

package importer

import (
	"errors"
	"strings"

	"github.com/revopsdx/revopsdx/diagnostic/importer/dateparse"
	"github.com/revopsdx/revopsdx/diagnostic/importer/numparse"
)

// cell is one mapped cell of the current row, parsed by its field's type.
type cell struct {
	set  bool // a value was present and parsed
	raw  string
	text string
	num  numparse.Number
	date dateparse.Date
	b    bool
}

// parseCells parses the mapped cells of a row by type, recording a problem
// for each that does not parse.
func (r *run) parseCells(row []string, n int) {
	for i := range r.d.Columns {
		c := &r.d.Columns[i]
		out := &r.cells[i]
		*out = cell{}
		if c.Field == "" || i >= len(row) {
			continue
		}
		s := row[i]
		if r.v.isEmpty(s) {
			continue
		}
		out.raw = s
		switch c.Type {
		case TypeText:
			out.text = strings.TrimSpace(s) // formulas stay text, never evaluated
			out.set = true
		case TypeNumber:
			v, err := numparse.Parse(s, c.num)
			if err != nil {
				r.problem(numberProblem(n, s, c, err))
				continue
			}
			out.num, out.set = v, true
		case TypeDate:
			v, err := dateparse.Parse(s, c.layout)
			if err != nil {
				r.problem(dateProblem(n, s, c, err))
				continue
			}
			out.date, out.set = v, true
		case TypeBool:
			b, ok := r.v.boolean(s)
			if !ok {
				if ch, known := r.v.churned[normalize(s)]; known {
					b, ok = ch, true
				}
			}
			if !ok {
				r.problem(newProblem(n, c.Header, s, "not_boolean"))
				continue
			}
			out.b, out.set = b, true
		}
	}
}

func numberProblem(n int, s string, c *Column, err error) Problem {
	if errors.Is(err, numparse.ErrFormula) {
		return newProblem(n, c.Header, s, "formula_not_number")
	}
	if mask, _ := numparse.Accepts(s); mask != 0 {
		return newProblem(n, c.Header, s, "mixed_number_format", "format", c.num.String())
	}
	return newProblem(n, c.Header, s, "not_a_number")
}

func dateProblem(n int, s string, c *Column, err error) Problem {
	switch {
	case errors.Is(err, dateparse.ErrImpossible):
		return newProblem(n, c.Header, s, "impossible_date")
	case errors.Is(err, dateparse.ErrLayout):
		return newProblem(n, c.Header, s, "date_layout", "format", c.DateFormat)
	}
	return newProblem(n, c.Header, s, "not_a_date")
}

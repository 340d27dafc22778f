package importer

import (
	"errors"
	"fmt"
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
				r.problem(Problem{Row: n, Column: c.Header, Value: s, Reason: numberReason(s, c, err)})
				continue
			}
			out.num, out.set = v, true
		case TypeDate:
			v, err := dateparse.Parse(s, c.layout)
			if err != nil {
				r.problem(Problem{Row: n, Column: c.Header, Value: s, Reason: dateReason(c, err)})
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
				r.problem(Problem{Row: n, Column: c.Header, Value: s, Reason: "not a yes/no value (Yes/No, Sí/No, True/False, 1/0)"})
				continue
			}
			out.b, out.set = b, true
		}
	}
}

func numberReason(s string, c *Column, err error) string {
	if errors.Is(err, numparse.ErrFormula) {
		return "looks like a spreadsheet formula; formulas are kept as text and never evaluated, so this is not a number"
	}
	if mask, _ := numparse.Accepts(s); mask != 0 {
		return fmt.Sprintf("the column mixes number formats: this value is written unlike the rest of the column, which reads as %s", c.num)
	}
	return "not a number"
}

func dateReason(c *Column, err error) string {
	switch {
	case errors.Is(err, dateparse.ErrImpossible):
		return "impossible date (no such day)"
	case errors.Is(err, dateparse.ErrLayout):
		return "a date written in another format than the rest of the column (" + c.DateFormat + ")"
	}
	return "not a date"
}

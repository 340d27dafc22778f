package importer

import (
	"errors"
	"fmt"
	"strings"

	"github.com/revopsdx/revopsdx/diagnostic/importer/dateparse"
	"github.com/revopsdx/revopsdx/diagnostic/importer/numparse"
)

// Plausible dates: from 1 January minYear to maxYearsAhead years after
// the import. A typo year (1024, 2204) would otherwise stretch an
// organisation's data over centuries, and every KPI period with it.
const (
	minYear       = 1990
	maxYearsAhead = 5
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
			if v.Time.Year() < minYear || v.Time.After(r.latest) {
				r.problem(newProblem(n, c.Header, s, "implausible_date", "from", fmt.Sprint(minYear), "years", fmt.Sprint(maxYearsAhead)))
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
	case errors.Is(err, dateparse.ErrImpossible) && zeroYear(s):
		// 0001-01-01 is a real day in a year no data comes from.
		return newProblem(n, c.Header, s, "implausible_date", "from", fmt.Sprint(minYear), "years", fmt.Sprint(maxYearsAhead))
	case errors.Is(err, dateparse.ErrImpossible):
		return newProblem(n, c.Header, s, "impossible_date")
	case errors.Is(err, dateparse.ErrLayout):
		return newProblem(n, c.Header, s, "date_layout", "format", c.DateFormat)
	}
	return newProblem(n, c.Header, s, "not_a_date")
}

// zeroYear reports a group of exactly four digits starting with 0 (a year
// before 1000, which dateparse reads as no date at all).
func zeroYear(s string) bool {
	run := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] >= '0' && s[i] <= '9' {
			run++
			continue
		}
		if run == 4 && s[i-4] == '0' {
			return true
		}
		run = 0
	}
	return false
}

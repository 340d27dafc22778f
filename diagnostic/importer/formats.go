package importer

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/revopsdx/revopsdx/diagnostic/importer/dateparse"
)

// decideFormats fixes each typed column's format and returns the file's
// decimal separator hint.
func (d *Detection) decideFormats(opts Options) byte {
	// The file's decimal separator: from a column that shows it, else ','
	// for ';'-separated text (the Spanish Excel habit), else '.'.
	hint := byte('.')
	if d.delim == ';' {
		hint = ','
	}
	for i := range d.Columns {
		c := &d.Columns[i]
		if c.Type == TypeNumber && c.nd.Numbers() > 0 {
			if f, ok := c.nd.Format(0); ok && c.nd.Clean() && hasSeparator(c) {
				hint = f.Decimal
				break
			}
		}
	}
	prefer := dateparse.DMY
	if strings.EqualFold(opts.DateOrder, "mdy") {
		prefer = dateparse.MDY
	}
	for i := range d.Columns {
		c := &d.Columns[i]
		switch c.Type {
		case TypeNumber:
			f, ok := c.nd.Format(hint)
			c.num, c.undecide = f, !ok
		case TypeDate:
			l, ok := c.dd.Layout(prefer)
			if l == 0 {
				l = dateparse.YMD | dateparse.DMY | dateparse.YM | dateparse.Text | dateparse.Qtr | dateparse.Yr | dateparse.Wk
				if prefer == dateparse.MDY {
					l = l&^dateparse.DMY | dateparse.MDY
				}
			}
			if c.dd.AllowSerial {
				l |= dateparse.Serial
			}
			c.layout, c.undecide = l, !ok
		}
	}
	return hint
}

// hasSeparator reports whether a number column showed a separator that
// tells its format (not integers only).
func hasSeparator(c *Column) bool {
	f1, _ := c.nd.Format('.')
	f2, _ := c.nd.Format(',')
	return f1 == f2
}

func (d *Detection) undecided() bool {
	for _, c := range d.Columns {
		if c.undecide {
			return true
		}
	}
	return false
}

// scanRest reads the rest of the file to settle undecided columns: a day
// above 12, a decimal that tells comma from point.
func (d *Detection) scanRest(v *vocabulary, t table, hint byte, opts Options) error {
	for d.undecided() {
		row, _, err := t.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			var re *rowError
			if errors.As(err, &re) && !re.fatal {
				continue
			}
			return nil // the import reports it
		}
		for i := range d.Columns {
			c := &d.Columns[i]
			if !c.undecide || i >= len(row) || v.isEmpty(row[i]) {
				continue
			}
			if c.Type == TypeNumber {
				c.nd.Add(row[i])
				if f, ok := c.nd.Format(hint); ok {
					c.num, c.undecide = f, false
				}
			} else {
				c.dd.Add(row[i])
				if l, ok := c.dd.Layout(dateparse.DMY); ok {
					c.layout, c.undecide = l|c.layout&dateparse.Serial, false
				}
			}
		}
	}
	prefer := dateparse.DMY
	if strings.EqualFold(opts.DateOrder, "mdy") {
		prefer = dateparse.MDY
	}
	for i := range d.Columns {
		c := &d.Columns[i]
		if c.undecide && c.Type == TypeDate && c.layout&(dateparse.DMY|dateparse.MDY) != 0 {
			d.Warnings = append(d.Warnings, fmt.Sprintf("column %q: no day above 12 anywhere, so day and month cannot be told apart; read as %s (use --date-order to change)",
				c.Header, map[dateparse.Layout]string{dateparse.DMY: "day/month/year", dateparse.MDY: "month/day/year"}[prefer]))
		}
		if c.undecide && c.Type == TypeNumber {
			d.Warnings = append(d.Warnings, fmt.Sprintf("column %q: values such as 1,234 could be read two ways; read with %s", c.Header, c.num))
		}
	}
	return nil
}

// summarizeFormats fills the human descriptions of the formats.
func (d *Detection) summarizeFormats() {
	for i := range d.Columns {
		c := &d.Columns[i]
		switch c.Type {
		case TypeNumber:
			if c.nd.Numbers() > 0 {
				c.NumberFormat = c.num.String()
				if !hasSeparator(c) {
					c.NumberFormat = "integers"
				} else if d.DecimalSeparator == "" {
					d.DecimalSeparator = string(c.num.Decimal)
					if c.num.Group != 0 && c.nd.Grouped(c.num) {
						d.ThousandsSeparator = map[byte]string{' ': "space"}[c.num.Group]
						if d.ThousandsSeparator == "" {
							d.ThousandsSeparator = string(c.num.Group)
						}
					}
				}
				c.Currency, c.Percent = c.nd.Currency(), c.nd.Percent()
			}
		case TypeDate:
			l := c.layout & c.dd.Seen()
			if d.xlsx && l&dateparse.Serial != 0 {
				l &^= dateparse.Serial
				c.DateFormat = "Excel date cells"
				if d := c.dd.Describe(l); d != "" {
					c.DateFormat += ", " + d
				}
			} else {
				c.DateFormat = c.dd.Describe(l)
			}
			if d.DateFormat == "" {
				d.DateFormat = c.DateFormat
			}
		}
	}
}

package numparse

import "strings"

// Detector decides a column's Format from its values. Feed it every
// non-empty value with Add, then ask Format.
type Detector struct {
	n        int        // values seen that are numbers in some format
	notNum   int        // values that are no number at all
	ok       [8]int     // per entry of Formats: values it accepts
	differ   [8][8]bool // differ[i][j]: some value reads differently under formats i and j
	percent  int
	grouped  [8]int // per entry of Formats: values holding its group separator
	currency string
}

// Add records one non-empty value.
func (d *Detector) Add(s string) {
	mask, vals := Accepts(s)
	if mask == 0 {
		d.notNum++
		return
	}
	d.n++
	for i := range allFormats {
		if mask&(1<<i) == 0 {
			continue
		}
		d.ok[i]++
		if g := allFormats[i].Group; g != 0 && strings.IndexByte(s, g) >= 0 {
			d.grouped[i]++
		}
		for j := range i {
			if mask&(1<<j) != 0 && vals[i] != vals[j] {
				d.differ[i][j], d.differ[j][i] = true, true
			}
		}
	}
	var n Number
	if _, _, err := strip(s, &n); err == nil {
		if n.Percent {
			d.percent++
		}
		if n.Currency != "" && d.currency == "" {
			d.currency = n.Currency
		}
	}
}

// Numbers is how many values were numbers in some format.
func (d *Detector) Numbers() int { return d.n }

// NotNumbers is how many values were no number in any format.
func (d *Detector) NotNumbers() int { return d.notNum }

// Percent reports whether most numbers carried a percent sign.
func (d *Detector) Percent() bool { return d.n > 0 && d.percent*2 > d.n }

// Currency is the first currency symbol or code seen, if any.
func (d *Detector) Currency() string { return d.currency }

// Format returns the format that reads the most values, preferring the
// decimal separator hint (',' or '.') among equals. decided is false when
// formats with different readings of the values seen tie: the values so far
// cannot tell them apart (for instance only "1,234"); it is true when every
// value seen reads the same under all the best formats (integers) or one
// format wins outright.
func (d *Detector) Format(hint byte) (f Format, decided bool) {
	best := -1
	for i, fm := range allFormats {
		if best < 0 || d.ok[i] > d.ok[best] || d.ok[i] == d.ok[best] && fm.Decimal == hint && allFormats[best].Decimal != hint {
			best = i
		}
	}
	ties := 0
	for i := range allFormats {
		if d.ok[i] == d.ok[best] {
			ties++
		}
	}
	if ties == 1 {
		return allFormats[best], true
	}
	// Several formats read as many values: it only matters if readings differ.
	for i := range allFormats {
		if i != best && d.ok[i] == d.ok[best] && d.differ[i][best] {
			return allFormats[best], false
		}
	}
	return allFormats[best], true
}

// Clean reports whether one format reads every number seen, i.e. the
// column does not mix number formats.
func (d *Detector) Clean() bool {
	for i := range allFormats {
		if d.ok[i] == d.n {
			return true
		}
	}
	return false
}

// Grouped reports whether some value used f's thousands separator.
func (d *Detector) Grouped(f Format) bool {
	for i, g := range allFormats {
		if g == f {
			return d.grouped[i] > 0
		}
	}
	return false
}

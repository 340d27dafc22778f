package dateparse

import "strings"

// Detector decides a column's layout from all its values. Feed it every
// non-empty value with Add, then ask Layout.
type Detector struct {
	AllowSerial bool // bare numbers may be Excel serial days

	n, notDate, impossible int
	seen                   Layout // every layout some value allowed
	onlyDMY, onlyMDY, both int
	examples               map[Layout]string
}

// Add records one non-empty value.
func (d *Detector) Add(s string) {
	l, imp := Classify(s, d.AllowSerial)
	if l == 0 {
		if imp {
			d.impossible++
		} else {
			d.notDate++
		}
		return
	}
	d.n++
	d.seen |= l
	switch {
	case l&DMY != 0 && l&MDY != 0:
		d.both++
	case l&DMY != 0:
		d.onlyDMY++
	case l&MDY != 0:
		d.onlyMDY++
	}
	if d.examples == nil {
		d.examples = map[Layout]string{}
	}
	for _, n := range layoutNames {
		if l&n.l != 0 && d.examples[n.l] == "" {
			d.examples[n.l] = strings.TrimSpace(s)
		}
	}
}

// Dates is how many values were dates; NotDates how many were not;
// Impossible how many had a date's shape but named no real day.
func (d *Detector) Dates() int      { return d.n }
func (d *Detector) NotDates() int   { return d.notDate }
func (d *Detector) Impossible() int { return d.impossible }

// Layout returns the layouts to read the column with. Day-first and
// month-first never both: the one more values allow only wins; when every
// value allows both (no day above 12) the column is undecided and prefer
// (DMY or MDY) is taken.
func (d *Detector) Layout(prefer Layout) (l Layout, decided bool) {
	l = d.seen &^ (DMY | MDY)
	switch {
	case d.onlyDMY > d.onlyMDY:
		return l | DMY, true
	case d.onlyMDY > d.onlyDMY:
		return l | MDY, true
	case d.both == 0 && d.onlyDMY == 0:
		return l, true
	}
	if prefer != MDY {
		prefer = DMY
	}
	return l | prefer, false
}

// Describe names a layout set for people, with the column's own example:
// "YYYY.MM.DD hh:mm", "M/D/YYYY", "month name (Mar 2024)".
func (d *Detector) Describe(l Layout) string {
	var parts []string
	for _, n := range layoutNames {
		if l&n.l == 0 {
			continue
		}
		ex := d.examples[n.l]
		if ex == "" && n.l&(DMY|MDY) != 0 {
			ex = d.examples[DMY|MDY&^n.l]
		}
		switch n.l {
		case YMD:
			parts = append(parts, pattern(ex, n.l))
		case DMY, MDY:
			// Day and month are often not zero-padded: show them single.
			p := pattern(ex, n.l)
			for _, dbl := range []string{"DD", "MM"} {
				p = strings.ReplaceAll(p, dbl, dbl[:1])
			}
			parts = append(parts, p)
		default:
			if ex != "" {
				parts = append(parts, n.name+" ("+ex+")")
			} else {
				parts = append(parts, n.name)
			}
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, ", ")
}

// pattern turns an all-numeric example into its pattern: "3/1/2017" read
// month-first is "M/D/YYYY".
func pattern(ex string, l Layout) string {
	order := map[Layout]string{YMD: "YMDhms", DMY: "DMYhms", MDY: "MDYhms"}[l]
	var b strings.Builder
	k := 0
	for i := 0; i < len(ex); {
		if ex[i] < '0' || ex[i] > '9' {
			b.WriteByte(ex[i])
			i++
			continue
		}
		j := i
		for j < len(ex) && ex[j] >= '0' && ex[j] <= '9' {
			j++
		}
		c := byte('?')
		if k < len(order) {
			c = order[k]
		}
		b.WriteString(strings.Repeat(string(c), j-i))
		k++
		i = j
	}
	if ex == "" {
		return map[Layout]string{YMD: "YYYY-MM-DD", DMY: "D/M/Y", MDY: "M/D/Y"}[l]
	}
	return b.String()
}

// Seen is every layout some value allowed.
func (d *Detector) Seen() Layout { return d.seen }

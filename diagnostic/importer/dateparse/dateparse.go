// Package dateparse reads the dates and periods found in spreadsheets and CRM
// exports: ISO dates with or without a time, day/month/year and
// month/day/year with any separator and no zero padding, YYYY.MM.DD with an
// unpadded hour, Excel serial numbers, month names and abbreviations in
// Spanish and English ("ene-24", "Mar 2024", "marzo de 2024",
// "2 de octubre de 2022"), months ("2024-03", "2024M03"), ISO weeks
// ("2024-W12"), quarters ("Q1 2024", "1T 2024") and years ("2022 (P)").
//
// Whether 3/1/2017 is the 3rd of January or the 1st of March is not decided
// per value: a Detector collects the layouts every value of a column allows
// and the column's layout is chosen from all of them.
package dateparse

import (
	"errors"
	"strings"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// Precision is how much of a moment a value names.
type Precision uint8

// Precisions, finest first.
const (
	Day Precision = iota + 1 // a day, maybe with a time
	Week
	Month
	Quarter
	Year
)

// String names the precision ("day", "month"…).
func (p Precision) String() string {
	switch p {
	case Day:
		return "day"
	case Week:
		return "week"
	case Month:
		return "month"
	case Quarter:
		return "quarter"
	case Year:
		return "year"
	}
	return "?"
}

// Layout is a bit set of the ways a value can be read.
type Layout uint16

// Layouts. YMD, DMY and MDY are all-numeric dates; Text covers every form
// with a month name; the others are periods or serial numbers.
const (
	YMD    Layout = 1 << iota // 2024-03-05, 2018.04.24 3:00, 20240305
	DMY                       // 5/3/2024, 05-03-24
	MDY                       // 3/5/2024
	YM                        // 2024-03, 2024M03, 202403
	MY                        // 03/2024
	Text                      // Mar 2024, ene-24, 2 de octubre de 2022, March 5, 2024
	Wk                        // 2024-W12
	Qtr                       // Q1 2024
	Yr                        // 2024, 2022 (P)
	Serial                    // 45352 (Excel days since 1899-12-30)
)

var layoutNames = []struct {
	l    Layout
	name string
}{
	{YMD, "YYYY-MM-DD"}, {DMY, "D/M/Y"}, {MDY, "M/D/Y"}, {YM, "YYYY-MM"}, {MY, "MM/YYYY"},
	{Text, "month name"}, {Wk, "ISO week"}, {Qtr, "quarter"}, {Yr, "year"}, {Serial, "Excel serial"},
}

// String names the layouts in the set, joined by " or ".
func (l Layout) String() string {
	var parts []string
	for _, n := range layoutNames {
		if l&n.l != 0 {
			parts = append(parts, n.name)
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, " or ")
}

// Date is a parsed value: the first instant it names (in UTC, wall clock as
// written) and its precision.
type Date struct {
	Time      time.Time
	Precision Precision
}

// Errors of Parse.
var (
	// ErrNotDate means the text is not a date in any supported form.
	ErrNotDate = errors.New("not a date")
	// ErrImpossible means the text has the shape of a date but names no
	// real day (31/02/2024, month 13).
	ErrImpossible = errors.New("impossible date")
	// ErrLayout means the value is a date, but not in the column's layout.
	ErrLayout = errors.New("date in another format than the rest of the column")
)

// cand is one reading of a value.
type cand struct {
	l Layout
	d Date
}

// Parse reads s under layout set want (the column's decided layouts; when
// it holds both DMY and MDY, DMY wins). allowSerial admits bare numbers as
// Excel serial days.
func Parse(s string, want Layout) (Date, error) {
	var cs [4]cand
	n, impossible := readings(s, want&Serial != 0, &cs)
	var other bool
	for _, pref := range []Layout{YMD, DMY, MDY, YM, MY, Text, Wk, Qtr, Yr, Serial} {
		if want&pref == 0 {
			continue
		}
		for i := range n {
			if cs[i].l == pref {
				return cs[i].d, nil
			}
		}
	}
	if n > 0 {
		other = true
	}
	switch {
	case other:
		return Date{}, ErrLayout
	case impossible:
		return Date{}, ErrImpossible
	}
	return Date{}, ErrNotDate
}

// Classify returns the layouts under which s is a date, and whether it had
// a date's shape with impossible values.
func Classify(s string, allowSerial bool) (Layout, bool) {
	var cs [4]cand
	n, impossible := readings(s, allowSerial, &cs)
	var l Layout
	for i := range n {
		l |= cs[i].l
	}
	return l, impossible
}

// readings fills cs with every reading of s and returns how many, and
// whether a date-shaped value named an impossible day.
func readings(s string, allowSerial bool, cs *[4]cand) (int, bool) {
	s = strings.TrimSpace(s)
	if len(s) == 10 && s[4] == '-' && s[7] == '-' { // fast path: ISO date
		y, ok1 := atoi(s[0:4])
		m, ok2 := atoi(s[5:7])
		d, ok3 := atoi(s[8:10])
		if ok1 && ok2 && ok3 {
			if t, ok := mkDate(y, m, d); ok {
				cs[0] = cand{YMD, Date{t, Day}}
				return 1, false
			}
			return 0, true
		}
	}
	if s == "" || len(s) > 64 {
		return 0, false
	}
	// "2022 (P)": a note in parentheses after a period (provisional, estimate).
	if strings.HasSuffix(s, ")") {
		if i := strings.LastIndexByte(s, '('); i > 0 && i >= len(s)-8 {
			s = strings.TrimSpace(s[:i])
		}
	}
	datePart, clock, ok := splitTime(s)
	if !ok {
		return 0, false
	}
	toks, ok := tokenize(datePart)
	if !ok {
		return 0, false
	}
	n, impossible := match(toks, allowSerial, cs)
	if clock != 0 {
		for i := range n {
			if cs[i].d.Precision != Day {
				return 0, false // a time after a month or a year makes no sense
			}
			cs[i].d.Time = cs[i].d.Time.Add(clock)
		}
	}
	return n, impossible
}

// mkDate builds a valid calendar date or reports false (31/02, month 13).
func mkDate(y, m, d int) (time.Time, bool) {
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 9999 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

func atoi(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// year2 expands a two-digit year the way Excel does: 00–29 → 2000s.
func year2(tok string, v int) int {
	if len(tok) == 2 {
		if v < 30 {
			return 2000 + v
		}
		return 1900 + v
	}
	return v
}

// months maps Spanish and English month names and abbreviations (lower
// case, no accents) to their number.
var months = func() map[string]int {
	m := map[string]int{"sept": 9, "set": 9, "setiembre": 9}
	for i := 1; i <= 12; i++ {
		for _, l := range []locale.Lang{locale.ES, locale.EN} {
			m[strings.ToLower(l.MonthName(time.Month(i)))] = i
			m[strings.ToLower(l.MonthAbbr(time.Month(i)))] = i
		}
	}
	return m
}()

// ignorable words between the parts of a long date.
var ignorable = map[string]bool{
	"de": true, "del": true, "of": true, "the": true,
	"lunes": true, "martes": true, "miercoles": true, "jueves": true, "viernes": true, "sabado": true, "domingo": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"mon": true, "tue": true, "wed": true, "thu": true, "fri": true, "sat": true, "sun": true,
	"st": true, "nd": true, "rd": true, "th": true,
}

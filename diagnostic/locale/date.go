package locale

import (
	"fmt"
	"time"
)

var monthNames = map[Lang][12]string{
	ES: {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
	EN: {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
}

var monthAbbr = map[Lang][12]string{
	ES: {"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"},
	EN: {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
}

func (l Lang) norm() Lang {
	if l == ES {
		return ES
	}
	return EN
}

// MonthName is the full name of month m (1–12) in l.
func (l Lang) MonthName(m time.Month) string {
	if m < 1 || m > 12 {
		return "?"
	}
	return monthNames[l.norm()][m-1]
}

// MonthAbbr is the three-letter abbreviation of month m (1–12) in l.
func (l Lang) MonthAbbr(m time.Month) string {
	if m < 1 || m > 12 {
		return "?"
	}
	return monthAbbr[l.norm()][m-1]
}

// Date formats a calendar date: "27/11/2026" in Spanish, "Nov 27, 2026" in
// English.
func (l Lang) Date(t time.Time) string {
	if l == ES {
		return t.Format("02/01/2006")
	}
	return fmt.Sprintf("%s %d, %d", l.MonthAbbr(t.Month()), t.Day(), t.Year())
}

// LongDate formats a date in words: "27 de noviembre de 2026" or
// "November 27, 2026", for report covers.
func (l Lang) LongDate(t time.Time) string {
	if l == ES {
		return fmt.Sprintf("%d de %s de %d", t.Day(), l.MonthName(t.Month()), t.Year())
	}
	return fmt.Sprintf("%s %d, %d", l.MonthName(t.Month()), t.Day(), t.Year())
}

// MonthYear formats a month: "mar 2024" / "Mar 2024".
func (l Lang) MonthYear(year int, m time.Month) string {
	return fmt.Sprintf("%s %d", l.MonthAbbr(m), year)
}

// Quarter formats a quarter: "T1 2024" in Spanish (trimestre), "Q1 2024" in
// English.
func (l Lang) Quarter(year, q int) string {
	return fmt.Sprintf("%s%d %d", l.Pick("T", "Q"), q, year)
}

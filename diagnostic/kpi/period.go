package kpi

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// Grain is the length of a reporting period.
type Grain string

// The reporting grains; month is the default.
const (
	Month   Grain = "month"
	Quarter Grain = "quarter"
	Year    Grain = "year"
)

// ParseGrain validates a grain name ("" means month).
func ParseGrain(s string) (Grain, error) {
	switch g := Grain(s); g {
	case "":
		return Month, nil
	case Month, Quarter, Year:
		return g, nil
	}
	return "", fmt.Errorf("period %q is not month, quarter or year: %w", s, diagnostic.ErrInvalid)
}

// Months is the number of months in one period of the grain.
func (g Grain) Months() int {
	switch g {
	case Quarter:
		return 3
	case Year:
		return 12
	}
	// A trailing window of the evidence rules ("6m"); see trailing.
	if k, err := strconv.Atoi(strings.TrimSuffix(string(g), "m")); err == nil && k > 0 && strings.HasSuffix(string(g), "m") {
		return k
	}
	return 1
}

// Period is one reporting period: a run of Grain.Months() months from First.
type Period struct {
	Grain Grain
	First diagnostic.Month
}

// PeriodOf returns the period of grain g that contains month m.
func PeriodOf(g Grain, m diagnostic.Month) Period {
	switch g {
	case Quarter:
		m.Month = m.Month - (m.Month-1)%3
	case Year:
		m.Month = 1
	default:
		g = Month
	}
	return Period{Grain: g, First: m}
}

// Last is the last month of the period.
func (p Period) Last() diagnostic.Month { return p.First.Add(p.Grain.Months() - 1) }

// Next is the following period.
func (p Period) Next() Period { return Period{p.Grain, p.First.Add(p.Grain.Months())} }

// Prev is the period before.
func (p Period) Prev() Period { return Period{p.Grain, p.First.Add(-p.Grain.Months())} }

// YearAgo is the same period a year earlier.
func (p Period) YearAgo() Period { return Period{p.Grain, p.First.Add(-12)} }

// Contains reports whether month m falls in the period.
func (p Period) Contains(m diagnostic.Month) bool {
	return !m.Before(p.First) && !p.Last().Before(m)
}

// String is "YYYY-MM", "YYYY-Qn" or "YYYY".
func (p Period) String() string {
	switch p.Grain {
	case Quarter:
		return fmt.Sprintf("%04d-Q%d", p.First.Year, p.First.Quarter())
	case Year:
		return fmt.Sprintf("%04d", p.First.Year)
	}
	return p.First.String()
}

// ParsePeriod reads "YYYY-MM", "YYYY-Qn" or "YYYY".
func ParsePeriod(s string) (Period, error) {
	bad := fmt.Errorf("period %q is not YYYY-MM, YYYY-Qn or YYYY: %w", s, diagnostic.ErrInvalid)
	if y, q, ok := strings.Cut(s, "-Q"); ok {
		yy, err1 := strconv.Atoi(y)
		qq, err2 := strconv.Atoi(q)
		if err1 != nil || err2 != nil || qq < 1 || qq > 4 || len(y) != 4 {
			return Period{}, bad
		}
		m, _ := diagnostic.ParseMonth(fmt.Sprintf("%04d-%02d", yy, qq*3-2))
		return Period{Quarter, m}, nil
	}
	if len(s) == 4 {
		yy, err := strconv.Atoi(s)
		if err != nil {
			return Period{}, bad
		}
		m, _ := diagnostic.ParseMonth(fmt.Sprintf("%04d-01", yy))
		return Period{Year, m}, nil
	}
	m, err := diagnostic.ParseMonth(s)
	if err != nil {
		return Period{}, bad
	}
	return Period{Month, m}, nil
}

// Periods lists the periods of grain g that cover from..to (inclusive); the
// first and last may extend beyond the months given.
func Periods(g Grain, from, to diagnostic.Month) []Period {
	var out []Period
	if to.Before(from) {
		return nil
	}
	for p := PeriodOf(g, from); !to.Before(p.First); p = p.Next() {
		out = append(out, p)
	}
	return out
}

// Label writes the period for people: "mar 2024", "T1 2024", "2024"
// ("Mar 2024", "Q1 2024", "2024" in English).
func (p Period) Label(l locale.Lang) string {
	switch p.Grain {
	case Quarter:
		return l.Quarter(p.First.Year, p.First.Quarter())
	case Year:
		return fmt.Sprint(p.First.Year)
	}
	return l.MonthYear(p.First.Year, p.First.Month)
}

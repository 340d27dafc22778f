package diagnostic

import (
	"fmt"
	"time"
)

// Month is a calendar month, the base period of all KPI data. Quarters and
// years are built by combining months with each KPI's aggregation rule.
type Month struct {
	Year  int
	Month time.Month
}

// MonthOf returns the month that contains t.
func MonthOf(t time.Time) Month { return Month{t.Year(), t.Month()} }

// ParseMonth parses "YYYY-MM".
func ParseMonth(s string) (Month, error) {
	t, err := time.Parse("2006-01", s)
	if err != nil {
		return Month{}, fmt.Errorf("month %q is not YYYY-MM: %w", s, ErrInvalid)
	}
	return MonthOf(t), nil
}

// String formats the month as "YYYY-MM".
func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year, int(m.Month)) }

// IsZero reports whether m is the zero Month.
func (m Month) IsZero() bool { return m.Year == 0 && m.Month == 0 }

// Start is the first instant of the month, in UTC.
func (m Month) Start() time.Time { return time.Date(m.Year, m.Month, 1, 0, 0, 0, 0, time.UTC) }

// End is the first instant of the next month, in UTC (exclusive bound).
func (m Month) End() time.Time { return m.Start().AddDate(0, 1, 0) }

// Add returns the month n months after m (n may be negative).
func (m Month) Add(n int) Month { return MonthOf(m.Start().AddDate(0, n, 0)) }

// Before reports whether m is earlier than o.
func (m Month) Before(o Month) bool {
	return m.Year < o.Year || m.Year == o.Year && m.Month < o.Month
}

// Index is a month count usable for differences: b.Index()-a.Index() is the
// number of months from a to b.
func (m Month) Index() int { return m.Year*12 + int(m.Month) - 1 }

// Quarter is the quarter (1–4) the month belongs to.
func (m Month) Quarter() int { return (int(m.Month)-1)/3 + 1 }

// MarshalText writes the month as "YYYY-MM" (also in JSON).
func (m Month) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText reads a "YYYY-MM" month.
func (m *Month) UnmarshalText(b []byte) error {
	v, err := ParseMonth(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

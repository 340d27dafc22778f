package store

import (
	"database/sql"
	"fmt"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// instant is the stored form of a time: UTC, fixed width, so that text
// order is time order.
const instant = "2006-01-02T15:04:05.000000000Z"

// ts formats t for storage (in UTC).
func ts(t time.Time) string { return t.UTC().Format(instant) }

// nullTS formats t, or NULL for the zero time.
func nullTS(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return ts(t)
}

// parseTS reads a stored instant.
func parseTS(s string) (time.Time, error) {
	t, err := time.Parse(instant, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored time %q: %w", s, err)
	}
	return t, nil
}

// parseNullTS reads a nullable stored instant; NULL is the zero time.
func parseNullTS(s sql.NullString) (time.Time, error) {
	if !s.Valid {
		return time.Time{}, nil
	}
	return parseTS(s.String)
}

// Range is an inclusive range of months; a zero bound is open.
type Range struct {
	From, To diagnostic.Month
}

// bounds returns the range as stored-instant bounds [lo, hi) for time
// columns, with open ends widened to cover everything.
func (r Range) bounds() (lo, hi string) {
	lo, hi = "0000", "9999"
	if !r.From.IsZero() {
		lo = ts(r.From.Start())
	}
	if !r.To.IsZero() {
		hi = ts(r.To.End())
	}
	return lo, hi
}

// months returns the range as "YYYY-MM" bounds, inclusive.
func (r Range) months() (lo, hi string) {
	lo, hi = "0000-00", "9999-99"
	if !r.From.IsZero() {
		lo = r.From.String()
	}
	if !r.To.IsZero() {
		hi = r.To.String()
	}
	return lo, hi
}

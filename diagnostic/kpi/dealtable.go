package kpi

import (
	"slices"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// DealTable is an organisation's deals in record order, reduced to what the
// KPI engine, the data-quality checks and the analysis read: the status,
// the amount, the creation, close and expected-close instants with their
// calendar days (the expected close date of an open deal, for the pipeline
// facts), and
// the text that identifies a deal (its external id, else its name). It is
// the one form of deals those read, whether built from records
// (DealTableOf, the reference) or decoded from the store's column chunks
// (AppendEncoded): about 45 bytes a deal instead of a record's 250, and
// no string per deal (docs/KPIS.md, "Large organisations").
type DealTable struct {
	st              []uint8 // status code | named
	amount          []float64
	created, closed []Instant
	// expected holds the expected close dates (IsZero when none) once a
	// deal has one; until then it is empty and no deal has one: most
	// exports have none, and the column is 16 bytes a deal.
	expected []Instant
	text     []byte   // the external ids (or names) one after another
	off      []uint32 // text of deal i is text[off[i]:off[i+1]]
}

// The status codes of a DealTable; named marks a deal whose text is its
// name because it has no external id.
const (
	codeOpen  uint8 = 0
	codeWon   uint8 = 1
	codeLost  uint8 = 2
	codeOther uint8 = 3 // a status that is none of the three (never stored)
	named     uint8 = 0x80
)

// Instant is a point in time and its calendar day as the record shows it
// (in the record's own location): what the engine compares (instants) and
// what it buckets (days and months).
type Instant struct {
	sec  int64 // Unix seconds
	nsec int32
	day  int32 // days since 1970-01-01 of the calendar date
}

// zeroSec is the Unix second of time.Time{}: an Instant with it and no
// nanoseconds is "no date".
var zeroSec = time.Time{}.Unix()

// instantOf reduces t (its calendar day in its own location).
func instantOf(t time.Time) Instant {
	y, m, d := t.Date()
	return Instant{sec: t.Unix(), nsec: int32(t.Nanosecond()), day: int32(daysFromCivil(y, int(m), d))}
}

// IsZero reports whether the instant is time.Time{} (no date).
func (x Instant) IsZero() bool { return x.sec == zeroSec && x.nsec == 0 }

// Time is the instant in UTC.
func (x Instant) Time() time.Time { return time.Unix(x.sec, int64(x.nsec)).UTC() }

// Before reports whether x is before y.
func (x Instant) Before(y Instant) bool {
	return x.sec < y.sec || x.sec == y.sec && x.nsec < y.nsec
}

// BeforeTime reports whether x is before t.
func (x Instant) BeforeTime(t time.Time) bool {
	return x.Before(Instant{sec: t.Unix(), nsec: int32(t.Nanosecond())})
}

// Equal reports whether x and y are the same instant.
func (x Instant) Equal(y Instant) bool { return x.sec == y.sec && x.nsec == y.nsec }

// Sub is the duration x − y, like time.Time.Sub (saturating).
func (x Instant) Sub(y Instant) time.Duration { return x.Time().Sub(y.Time()) }

// Day is the number of days since 1970-01-01 of the calendar date.
func (x Instant) Day() int { return int(x.day) }

// Month is the calendar month of the date (diagnostic.MonthOf).
func (x Instant) Month() diagnostic.Month {
	y, m, _ := civilFromDays(int(x.day))
	return diagnostic.Month{Year: y, Month: time.Month(m)}
}

// monthIndex is year × 12 + month − 1 of the calendar date.
func (x Instant) monthIndex() int {
	y, m, _ := civilFromDays(int(x.day))
	return y*12 + m - 1
}

// DealTableOf builds the table of a list of deals (the record-level path).
func DealTableOf(deals []diagnostic.Deal) *DealTable {
	t := &DealTable{}
	t.grow(len(deals), 0)
	for i := range deals {
		t.Add(&deals[i])
	}
	return t
}

// Reserve makes room for n more deals with textBytes bytes of ids in all,
// so that appending them does not copy the columns again and again.
func (t *DealTable) Reserve(n, textBytes int) {
	if t.off == nil {
		t.off = []uint32{0}
	}
	t.st = slices.Grow(t.st, n)
	t.amount = slices.Grow(t.amount, n)
	t.created = slices.Grow(t.created, n)
	t.closed = slices.Grow(t.closed, n)
	t.off = slices.Grow(t.off, n)
	t.text = slices.Grow(t.text, textBytes)
}

func (t *DealTable) grow(n, text int) {
	t.st = make([]uint8, 0, n)
	t.amount = make([]float64, 0, n)
	t.created = make([]Instant, 0, n)
	t.closed = make([]Instant, 0, n)
	t.off = make([]uint32, 1, n+1)
	t.text = make([]byte, 0, text)
}

// Add appends one deal.
func (t *DealTable) Add(d *diagnostic.Deal) {
	if t.off == nil {
		t.off = []uint32{0}
	}
	code := statusCode(d.Status)
	text := d.ExternalID
	if text == "" {
		text, code = d.Name, code|named
	}
	t.st = append(t.st, code)
	t.amount = append(t.amount, d.Amount)
	t.created = append(t.created, instantOf(d.Created))
	t.closed = append(t.closed, instantOf(d.Closed))
	t.addExpected(instantOf(d.ExpectedClose))
	t.text = append(t.text, text...)
	t.off = append(t.off, uint32(len(t.text)))
}

func statusCode(s diagnostic.DealStatus) uint8 {
	switch s {
	case diagnostic.DealOpen:
		return codeOpen
	case diagnostic.DealWon:
		return codeWon
	case diagnostic.DealLost:
		return codeLost
	}
	return codeOther
}

// Len is the number of deals.
func (t *DealTable) Len() int {
	if t == nil {
		return 0
	}
	return len(t.st)
}

// Open, Won and Lost report deal i's status.
func (t *DealTable) Open(i int) bool { return t.st[i]&^named == codeOpen }

// Won reports whether deal i is won.
func (t *DealTable) Won(i int) bool { return t.st[i]&^named == codeWon }

// Lost reports whether deal i is lost.
func (t *DealTable) Lost(i int) bool { return t.st[i]&^named == codeLost }

// Amount is deal i's amount.
func (t *DealTable) Amount(i int) float64 { return t.amount[i] }

// Created is deal i's creation instant (IsZero when unknown).
func (t *DealTable) Created(i int) Instant { return t.created[i] }

// Closed is deal i's close instant (IsZero when unknown).
func (t *DealTable) Closed(i int) Instant { return t.closed[i] }

// ExpectedClose is deal i's expected close instant (IsZero when unknown).
func (t *DealTable) ExpectedClose(i int) Instant {
	if i < len(t.expected) {
		return t.expected[i]
	}
	_ = t.st[i] // out of range is out of range, as for the other columns
	return noDate
}

// noDate is the Instant of time.Time{}.
var noDate = instantOf(time.Time{})

// addExpected appends the expected close date of the deal just appended
// to the other columns, making the column (every earlier deal without
// one) at the first date.
func (t *DealTable) addExpected(x Instant) {
	if len(t.expected) == 0 {
		if x.IsZero() {
			return
		}
		t.expected = make([]Instant, len(t.st)-1, cap(t.st))
		for i := range t.expected {
			t.expected[i] = noDate
		}
	}
	t.expected = append(t.expected, x)
}

// ID is deal i's external id ("" when it has none).
func (t *DealTable) ID(i int) string {
	if t.st[i]&named != 0 {
		return ""
	}
	return string(t.text[t.off[i]:t.off[i+1]])
}

// textOf is deal i's external id, or its name when it has no id.
func (t *DealTable) textOf(i int) []byte { return t.text[t.off[i]:t.off[i+1]] }

// same reports whether deals i and j are duplicates: the same external id,
// or, without ids, identical in name, status, amount and dates.
func (t *DealTable) same(i, j int) bool {
	ni, nj := t.st[i]&named != 0, t.st[j]&named != 0
	if !ni || !nj {
		return !ni && !nj && string(t.textOf(i)) == string(t.textOf(j))
	}
	return string(t.textOf(i)) == string(t.textOf(j)) && t.st[i] == t.st[j] && t.amount[i] == t.amount[j] &&
		t.created[i].Equal(t.created[j]) && t.closed[i].Equal(t.closed[j])
}

// dupHash hashes what same compares.
func (t *DealTable) dupHash(i int) uint64 {
	if t.st[i]&named == 0 {
		return hashBytes(fnvOffset, t.textOf(i))
	}
	h := hashBytes(fnvOffset^1, t.textOf(i))
	h = hashU64(h, uint64(t.st[i]))
	h = hashU64(h, uint64(int64(t.amount[i]*1e6)))
	h = hashU64(h, uint64(t.created[i].sec)^uint64(t.created[i].nsec)<<34)
	return hashU64(h, uint64(t.closed[i].sec)^uint64(t.closed[i].nsec)<<34)
}

const fnvOffset = 14695981039346656037

func hashBytes(h uint64, b []byte) uint64 {
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

func hashU64(h, v uint64) uint64 {
	for k := range 8 {
		h ^= uint64(byte(v >> (8 * k)))
		h *= 1099511628211
	}
	return h
}

// daysFromCivil is the number of days from 1970-01-01 to y-m-d in the
// proleptic Gregorian calendar (H. Hinnant's algorithm).
func daysFromCivil(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// civilFromDays is the inverse of daysFromCivil.
func civilFromDays(z int) (y, m, d int) {
	z += 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

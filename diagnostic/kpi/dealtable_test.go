package kpi

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// The record-level reference: the deal code of the ledger and of the
// quality checks as it was when both read []diagnostic.Deal (before the
// DealTable), kept here so that the table-based code is checked against
// it on random deals.

func (l *ledger) refAddDeals(deals []diagnostic.Deal) {
	if len(deals) == 0 {
		return
	}
	n := l.n
	l.won, l.lost, l.created = make([]float64, n), make([]float64, n), make([]float64, n)
	l.wonAmount, l.cycleSum, l.cycleN = make([]float64, n), make([]float64, n), make([]float64, n)
	l.cycles = make([][]float64, n)
	diff := make([]float64, n+1)
	for i := range deals {
		d := &deals[i]
		c := math.MinInt
		if !d.Created.IsZero() {
			c = l.monthIndex(d.Created)
			l.span(&l.dealFirst, &l.dealLast, c, &l.hasDeals)
			if c >= 0 && c < n {
				l.created[c]++
			}
		}
		k := math.MaxInt // open deals stay open
		if d.Status != diagnostic.DealOpen {
			if d.Closed.IsZero() {
				continue // a closed deal without a close date cannot be placed
			}
			k = l.monthIndex(d.Closed)
			l.span(&l.dealFirst, &l.dealLast, k, &l.hasDeals)
			if k >= 0 && k < n {
				if d.Status == diagnostic.DealWon {
					l.won[k]++
					l.wonAmount[k] += d.Amount
					if !d.Created.IsZero() && !d.Closed.Before(d.Created) {
						days := civilDays(d.Created, d.Closed)
						l.cycleSum[k] += days
						l.cycleN[k]++
						l.cycles[k] = append(l.cycles[k], days)
					}
				} else if d.Status == diagnostic.DealLost {
					l.lost[k]++
				}
			}
		}
		// Open at the end of month m for c <= m < k.
		lo := max(c, 0)
		hi := min(k, n)
		if lo < hi {
			diff[lo] += d.Amount
			diff[hi] -= d.Amount
		}
	}
	l.pipelineOpen = make([]float64, n)
	run := 0.0
	for i := range n {
		run += diff[i]
		l.pipelineOpen[i] = run
	}
}

func (q *QualityReport) refDeals(deals []diagnostic.Deal, asOf time.Time) {
	var noAmount, noCreated, stale, old, dup, zero, huge found
	var amounts, cycles []float64
	closedN, closedDated := 0, 0
	for i, d := range deals {
		if d.Amount <= 0 {
			noAmount.add(i)
		} else {
			amounts = append(amounts, d.Amount)
		}
		if d.Created.IsZero() {
			noCreated.add(i)
		}
		switch d.Status {
		case diagnostic.DealOpen:
			if !d.Closed.IsZero() && d.Closed.Before(asOf) {
				stale.add(i)
			}
		default:
			closedN++
			if !d.Closed.IsZero() {
				closedDated++
			}
			if d.Status == diagnostic.DealWon && !d.Created.IsZero() && !d.Closed.IsZero() {
				if c := civilDays(d.Created, d.Closed); c <= 0 {
					zero.add(i)
				} else {
					cycles = append(cycles, c)
				}
			}
		}
	}
	if len(amounts) > 0 {
		med := sampleMedian(amounts)
		for i, d := range deals {
			if med > 0 && d.Amount >= qualityOutlierFactor*med {
				huge.add(i)
			}
		}
	}
	for _, i := range duplicates(len(deals), func(i int) uint64 {
		d := deals[i]
		if d.ExternalID != "" {
			return hashOf(d.ExternalID)
		}
		return hashOf(d.Name, string(d.Status), d.Amount, d.Created.UnixNano(), d.Closed.UnixNano())
	}, func(i, j int) bool { // same id, or no id and identical in every field
		a, b := deals[i], deals[j]
		if a.ExternalID != "" || b.ExternalID != "" {
			return a.ExternalID == b.ExternalID
		}
		return a.Name == b.Name && a.Status == b.Status && a.Amount == b.Amount && a.Created.Equal(b.Created) && a.Closed.Equal(b.Closed)
	}) {
		dup.add(i)
	}
	limit := float64(StaleOpenMinDays)
	if len(cycles) > 0 {
		limit = math.Max(limit, StaleOpenFactor*sampleMedian(cycles))
	}
	for i, d := range deals {
		if d.Status == diagnostic.DealOpen && d.Closed.IsZero() && !d.Created.IsZero() && civilDays(d.Created, asOf) > limit {
			old.add(i)
		}
	}
	n := len(deals)
	dealName := func(i int) string { return recName(deals[i].ExternalID, i) }
	q.field("deals", "amount", n-noAmount.n, n, amountKPIs)
	q.field("deals", "created", n-noCreated.n, n, cycleKPIs)
	q.field("deals", "closed", closedDated, closedN, []string{"deals_won", "win_rate", "avg_deal_size"})
	q.issue(QDealNoAmount, "deals", n, amountKPIs, noAmount, dealName)
	q.issue(QDealNoCreated, "deals", n, cycleKPIs, noCreated, dealName)
	q.issue(QDealOpenPastClose, "deals", n, pipelineKPIs, stale, dealName)
	q.issue(QDealOpenStale, "deals", n, pipelineKPIs, old, dealName)
	q.issue(QDealDuplicate, "deals", n, dealKPIs, dup, dealName)
	q.issue(QDealZeroCycle, "deals", n, cycleKPIs, zero, dealName)
	q.issue(QDealHugeAmount, "deals", n, amountKPIs, huge, dealName)
}

// mixedDeals draws n deals that exercise every branch: the three
// statuses and an unknown one, missing ids, names and dates, repeated ids
// and identical records, close before creation, times of day, amounts of
// zero, below zero and far above the rest, and dates in a location other
// than UTC when local is set.
func mixedDeals(r *rand.Rand, n int, local bool) []diagnostic.Deal {
	loc := time.UTC
	if local {
		loc = time.FixedZone("X", -5*3600)
	}
	start := time.Date(2022, 1, 1, 0, 0, 0, 0, loc)
	statuses := []diagnostic.DealStatus{diagnostic.DealOpen, diagnostic.DealWon, diagnostic.DealLost, diagnostic.DealWon, diagnostic.DealLost}
	if local {
		statuses = append(statuses, "weird")
	}
	var out []diagnostic.Deal
	for i := range n {
		if i > 0 && r.IntN(20) == 0 {
			out = append(out, out[r.IntN(len(out))]) // an identical record
			continue
		}
		d := diagnostic.Deal{Status: statuses[r.IntN(len(statuses))], Amount: float64(r.IntN(100000)) / 100}
		switch r.IntN(10) {
		case 0:
			d.Amount = 0
		case 1:
			d.Amount = -5
		case 2:
			d.Amount = 1e7 + float64(r.IntN(10))
		}
		if r.IntN(4) > 0 {
			d.ExternalID = fmt.Sprint("D", r.IntN(n))
		}
		if r.IntN(3) > 0 {
			d.Name = fmt.Sprint("Deal ", r.IntN(5))
		}
		if r.IntN(12) > 0 {
			d.Created = start.Add(time.Duration(r.IntN(900*24)) * time.Hour)
			if r.IntN(3) == 0 {
				d.Created = d.Created.Add(time.Duration(r.IntN(86400e9)))
			}
		}
		if d.Status != diagnostic.DealOpen || r.IntN(5) == 0 {
			if r.IntN(10) > 0 {
				base := d.Created
				if base.IsZero() {
					base = start
				}
				d.Closed = base.Add(time.Duration(r.IntN(200*24)-10*24) * time.Hour)
			}
		}
		out = append(out, d)
	}
	return out
}

// TestDealTableMatchesRecordReference: over many random sets of deals,
// the ledger, the data range and the data-quality findings built from the
// DealTable equal those of the record-level reference, field by field.
func TestDealTableMatchesRecordReference(t *testing.T) {
	for seed := range uint64(300) {
		r := rand.New(rand.NewPCG(seed, 7))
		deals := mixedDeals(r, 1+r.IntN(400), seed%2 == 1)
		base := diagnostic.Month{Year: 2022, Month: time.Month(1 + r.IntN(12))}
		last := base.Add(r.IntN(40))
		want := &ledger{base: base, last: last, n: last.Index() - base.Index() + 1, to: last}
		want.refAddDeals(deals)
		got := &ledger{base: base, last: last, n: want.n, to: last}
		got.addDeals(DealTableOf(deals))
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("seed %d: ledger from the table differs from the records'", seed)
		}
		asOf := time.Date(2024, time.Month(1+r.IntN(12)), 1+r.IntN(28), r.IntN(24), 0, 0, 0, time.UTC)
		var wq, gq QualityReport
		wq.refDeals(deals, asOf)
		gq.deals(DealTableOf(deals), asOf)
		if !reflect.DeepEqual(gq, wq) {
			t.Fatalf("seed %d: quality from the table %+v, from the records %+v", seed, gq, wq)
		}
		var wSpan monthSpan
		for _, d := range deals {
			wSpan.add(d.Created)
			wSpan.add(d.Closed)
		}
		gq = QualityReport{}
		gq.gaps(Inputs{}, DealTableOf(deals))
		wq = QualityReport{}
		if empty, months, ok := wSpan.empty(); ok {
			first := wSpan.first()
			wq.issue(QMonthsWithoutData, "deals", months, dealKPIs, empty, func(j int) string { return first.Add(j).String() })
		}
		if len(gq.Issues)+len(wq.Issues) > 0 && !reflect.DeepEqual(gq.Issues, wq.Issues) {
			t.Fatalf("seed %d: empty months %+v, want %+v", seed, gq.Issues, wq.Issues)
		}
	}
}

// TestDealTableEncoding: a table decoded from EncodeDeal's bytes equals
// the table of the same (UTC) records, in one chunk or many; damaged
// bytes are refused, never a panic.
func TestDealTableEncoding(t *testing.T) {
	for seed := range uint64(100) {
		r := rand.New(rand.NewPCG(seed, 9))
		deals := mixedDeals(r, r.IntN(300), false)
		want := DealTableOf(deals)
		got := &DealTable{}
		var buf []byte
		k := 0
		for i := range deals {
			buf = EncodeDeal(buf, &deals[i])
			k++
			if r.IntN(50) == 0 || i == len(deals)-1 {
				if err := got.AppendEncoded(buf, k); err != nil {
					t.Fatalf("seed %d: %v", seed, err)
				}
				if len(buf) > 3 {
					if err := (&DealTable{}).AppendEncoded(buf[:len(buf)-3], k); err == nil {
						t.Errorf("seed %d: truncated chunk accepted", seed)
					}
					if err := (&DealTable{}).AppendEncoded(buf, k+1); err == nil {
						t.Errorf("seed %d: chunk with a deal too few accepted", seed)
					}
				}
				buf, k = buf[:0], 0
			}
		}
		if !sameTables(got, want) {
			t.Fatalf("seed %d: decoded table differs", seed)
		}
	}
}

func sameTables(a, b *DealTable) bool {
	return slices.Equal(a.st, b.st) && slices.EqualFunc(a.amount, b.amount, func(x, y float64) bool { return math.Float64bits(x) == math.Float64bits(y) }) &&
		slices.Equal(a.created, b.created) && slices.Equal(a.closed, b.closed) && bytes.Equal(a.text, b.text) &&
		(a.Len() == 0 && b.Len() == 0 || slices.Equal(a.off, b.off))
}

// TestComputeFromTableEqualsRecords: Compute gives identical rows from
// the records and from the decoded table (the store's analysis path).
func TestComputeFromTableEqualsRecords(t *testing.T) {
	for seed := range uint64(20) {
		r := rand.New(rand.NewPCG(seed, 11))
		deals := mixedDeals(r, 50+r.IntN(500), false)
		tab := &DealTable{}
		var buf []byte
		for i := range deals {
			buf = EncodeDeal(buf, &deals[i])
		}
		if err := tab.AppendEncoded(buf, len(deals)); err != nil {
			t.Fatal(err)
		}
		prof := diagnostic.Profile{Industry: "saas", Segment: "smb", Currency: "EUR"}
		from, to := diagnostic.Month{Year: 2023, Month: 1}, diagnostic.Month{Year: 2024, Month: 6}
		want, err := Compute(Inputs{Deals: deals, Profile: prof}, from, to, Month)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Compute(Inputs{DealTable: tab, Profile: prof}, from, to, Month)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("seed %d: rows from the table differ from the records'", seed)
		}
		f1, t1, _ := DataRange(Inputs{Deals: deals})
		f2, t2, _ := DataRange(Inputs{DealTable: tab})
		if f1 != f2 || t1 != t2 {
			t.Fatalf("seed %d: data range %s–%s, want %s–%s", seed, f2, t2, f1, t1)
		}
	}
}

// TestCivilDays checks the calendar arithmetic against package time over
// four centuries and the years around 1 AD.
func TestCivilDays(t *testing.T) {
	for _, start := range []time.Time{time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)} {
		for d := 0; d < 146097; d += 7 {
			tt := start.AddDate(0, 0, d)
			z := daysFromCivil(tt.Year(), int(tt.Month()), tt.Day())
			if want := int(math.Floor(float64(tt.Unix()) / 86400)); z != want {
				t.Fatalf("%s: %d days, want %d", tt, z, want)
			}
			if y, m, dd := civilFromDays(z); y != tt.Year() || m != int(tt.Month()) || dd != tt.Day() {
				t.Fatalf("%d: %d-%d-%d, want %s", z, y, m, dd, tt)
			}
		}
	}
}

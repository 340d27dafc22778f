package kpi

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/revopsdx/revopsdx/assets"
	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// Mark says how far a benchmark figure can be trusted.
type Mark string

// The marks of shared/BENCHMARKS.md: a survey statistic (no mark), a figure
// seen only on a secondary page (†) or a rule of thumb (‡).
const (
	MarkNone        Mark = ""
	MarkReportedBy  Mark = "reported_by"
	MarkRuleOfThumb Mark = "rule_of_thumb"
)

// Benchmark is one published figure. KPI is the catalogue KPI it is compared
// with, or empty for figures kept only for reference (a different metric,
// such as the CAC ratio). Quartiles are nil where the source gives none; Low
// and High hold a range where the source gives a range instead.
type Benchmark struct {
	KPI        string                `json:"kpi"`
	Metric     string                `json:"metric"`
	SegmentES  string                `json:"segment_es"`
	SegmentEN  string                `json:"segment_en"`
	Industries []diagnostic.Industry `json:"industries"`
	Segments   []diagnostic.Segment  `json:"segments"`
	NotFor     []diagnostic.Segment  `json:"not_for,omitempty"`
	Rank       int                   `json:"rank"`
	P25        *float64              `json:"p25"`
	Median     *float64              `json:"median"`
	P75        *float64              `json:"p75"`
	Low        *float64              `json:"low"`
	High       *float64              `json:"high"`
	Unit       diagnostic.Unit       `json:"unit"`
	Currency   string                `json:"currency"`
	Per        string                `json:"per"`
	Year       string                `json:"year"`
	YearES     string                `json:"year_es,omitempty"` // when the year reads as English ("2024 data")
	Source     string                `json:"source"`
	SourceES   string                `json:"source_es,omitempty"` // when the source is a description, not a name
	Mark       Mark                  `json:"mark"`
	NoteES     string                `json:"note_es,omitempty"`
	NoteEN     string                `json:"note_en,omitempty"`
	// The size of the customers (ACV a year, ARPA a month) or of the company
	// (annual revenue) the figure is about, in US dollars; nil = no bound.
	ACVMin     *float64 `json:"acv_min,omitempty"`
	ACVMax     *float64 `json:"acv_max,omitempty"`
	ARPAMin    *float64 `json:"arpa_min,omitempty"`
	ARPAMax    *float64 `json:"arpa_max,omitempty"`
	RevenueMin *float64 `json:"revenue_min,omitempty"`
	RevenueMax *float64 `json:"revenue_max,omitempty"`
}

// Segment is the benchmark's segment in lang.
func (b Benchmark) Segment(lang locale.Lang) string { return lang.Pick(b.SegmentES, b.SegmentEN) }

// SourceIn is the source's name, or its description in lang when the source
// is a description ("practitioner rule") rather than a name.
func (b Benchmark) SourceIn(lang locale.Lang) string {
	if lang == locale.ES && b.SourceES != "" {
		return b.SourceES
	}
	return b.Source
}

// Cite is "Source Year", followed by "(reported by a secondary source)" or
// "(rule of thumb)" when marked: how every benchmark is quoted to a user.
// A year the source's name already carries is not repeated ("Ebsta 2024",
// not "Ebsta 2024 2024"; "Benchmarkit 2025 (2024 data)").
func (b Benchmark) Cite(lang locale.Lang) string {
	s, year := b.SourceIn(lang), b.Year
	if lang == locale.ES && b.YearES != "" {
		year = b.YearES
	}
	if year != "" && year != "–" && year != "undated" {
		if year = yearNotIn(s, year); year != "" {
			s += " " + year
		}
	}
	switch b.Mark {
	case MarkReportedBy:
		s += lang.Pick(", según una fuente secundaria", ", as reported by a secondary source")
	case MarkRuleOfThumb:
		s += lang.Pick(", regla práctica", ", rule of thumb")
	}
	return s
}

var (
	benchOnce sync.Once
	benches   []Benchmark
	benchErr  error
)

// Benchmarks returns the embedded benchmark table, validated against the
// catalogue once and cached.
func Benchmarks() ([]Benchmark, error) {
	benchOnce.Do(func() {
		cat, err := LoadCatalogue()
		if err != nil {
			benchErr = err
			return
		}
		b, err := assets.Content("benchmarks.json")
		if err != nil {
			benchErr = err
			return
		}
		benches, benchErr = ParseBenchmarks(b, cat)
		if benchErr != nil {
			benchErr = fmt.Errorf("assets/content/benchmarks.json: %w", benchErr)
		}
	})
	return benches, benchErr
}

// ParseBenchmarks parses and validates a benchmark table: every row has a
// source, a year, a unit, at least one figure and a known mark; a row with a
// KPI names a catalogue KPI with the same unit.
func ParseBenchmarks(b []byte, cat *Catalogue) ([]Benchmark, error) {
	var f struct {
		Benchmarks []Benchmark `json:"benchmarks"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("parsing benchmarks: %v: %w", err, diagnostic.ErrInvalid)
	}
	for i, r := range f.Benchmarks {
		bad := func(format string, a ...any) error {
			return fmt.Errorf("benchmark %d (%s %s): %s: %w", i, r.Metric, r.SegmentEN, fmt.Sprintf(format, a...), diagnostic.ErrInvalid)
		}
		switch {
		case r.Source == "" || r.Year == "" || r.Metric == "" || r.SegmentEN == "" || r.SegmentES == "":
			return nil, bad("needs metric, segment in both languages, source and year")
		case r.P25 == nil && r.Median == nil && r.P75 == nil && (r.Low == nil || r.High == nil):
			return nil, bad("has no figure")
		case !slices.Contains([]Mark{MarkNone, MarkReportedBy, MarkRuleOfThumb}, r.Mark):
			return nil, bad("unknown mark %q", r.Mark)
		case !slices.Contains(units, r.Unit):
			return nil, bad("unknown unit %q", r.Unit)
		}
		if r.KPI != "" {
			d, ok := cat.Def(r.KPI)
			if !ok {
				return nil, bad("unknown KPI %q", r.KPI)
			}
			if d.Unit != r.Unit {
				return nil, bad("unit %s differs from the KPI's %s", r.Unit, d.Unit)
			}
		}
	}
	return f.Benchmarks, nil
}

// Match is the benchmark chosen for a KPI and a profile. Closest is true
// when no row matches the profile's industry and segment exactly and the
// nearest one was used instead: say so to the user.
type Match struct {
	Benchmark
	Closest bool `json:"closest"`
	// Basis, Reason and Notes: see BenchmarkRef.
	Basis  Basis    `json:"basis"`
	Reason string   `json:"reason,omitempty"`
	Notes  []string `json:"notes,omitempty"`
}

// Basis is what chose a benchmark row: the customers' size seen in the
// data, or the profile.
type Basis string

// The bases of a benchmark choice.
const (
	BasisData    Basis = "data"
	BasisProfile Basis = "profile"
)

// LookupBenchmark picks the benchmark for KPI id from the profile alone
// (no size from data, no age limit): ChooseBenchmark with an unknown size.
// ok is false when no row fits.
func LookupBenchmark(id string, p diagnostic.Profile) (Match, bool) {
	m, ok := ChooseBenchmark(id, p, Size{}, 0)
	return m, ok && m.Reason == ""
}

// Position is where a value stands against a benchmark, in performance
// terms: for a lower-is-better KPI the scale is turned round, so that
// "above_p75" always means better than three quarters of the sample.
type Position string

// The benchmark positions.
const (
	BelowP25    Position = "below_p25"
	P25ToMedian Position = "p25_median"
	MedianToP75 Position = "median_p75"
	AboveP75    Position = "above_p75"
	BelowMedian Position = "below_median"
	AboveMedian Position = "above_median"
	BelowRange  Position = "below_range"
	InRange     Position = "in_range"
	AboveRange  Position = "above_range"
	// AboutMedian: the value's interval holds the median (or the middle of
	// a rule's band): the data cannot tell it from the benchmark.
	AboutMedian   Position = "about_median"
	NotComparable Position = ""
)

// Worse reports whether the position is below the benchmark's middle.
func (p Position) Worse() bool {
	return p == BelowP25 || p == P25ToMedian || p == BelowMedian || p == BelowRange
}

// Best reports whether the position is the top one the benchmark allows.
func (p Position) Best() bool { return p == AboveP75 || p == AboveRange }

// PositionOf places v against b for a KPI of direction dir, in performance
// order (for lower-is-better KPIs p75 is the worse quartile). With only a
// median: above or below it. With p25 and p75 but no median (a rule such as
// 3–4× coverage): inside the band counts as median–p75, i.e. acceptable.
// With a range: below, in or above it. Money benchmarks in another currency are not comparable.
func PositionOf(v float64, b Benchmark, dir diagnostic.Direction, currency string) Position {
	if b.Unit == diagnostic.UnitMoney && b.Currency != "" && b.Currency != currency {
		return NotComparable
	}
	better := func(a, c float64) bool { // a strictly better than c
		if dir == diagnostic.LowerIsBetter {
			return a < c
		}
		return a > c
	}
	atLeast := func(a, c float64) bool { return !better(c, a) }
	if b.Low != nil && b.High != nil {
		lo, hi := *b.Low, *b.High // lo = the worse end
		if dir == diagnostic.LowerIsBetter {
			lo, hi = hi, lo
		}
		switch {
		case better(lo, v):
			return BelowRange
		case better(v, hi):
			return AboveRange
		}
		return InRange
	}
	// Quartiles are numeric (p25 ≤ p75): for a lower-is-better KPI the worse
	// quartile is p75.
	worseQ, betterQ := b.P25, b.P75
	if dir == diagnostic.LowerIsBetter {
		worseQ, betterQ = betterQ, worseQ
	}
	if worseQ == nil && betterQ == nil {
		if b.Median == nil {
			return NotComparable
		}
		if atLeast(v, *b.Median) {
			return AboveMedian
		}
		return BelowMedian
	}
	switch {
	case worseQ != nil && better(*worseQ, v):
		return BelowP25
	case betterQ != nil && atLeast(v, *betterQ):
		return AboveP75
	case b.Median != nil && atLeast(v, *b.Median):
		if betterQ == nil { // no upper quartile to be below of
			return AboveMedian
		}
		return MedianToP75
	case b.Median != nil:
		if worseQ == nil { // no lower quartile to be above of
			return BelowMedian
		}
		return P25ToMedian
	case worseQ != nil:
		return MedianToP75 // within a rule's band (e.g. 3–4× coverage): acceptable
	}
	return P25ToMedian // short of the only (better) bound given
}

// PositionWithin places v against b like PositionOf, taking its interval
// into account: a position is claimed only when the whole interval is on
// that side of a benchmark figure. An interval across the median (or the
// only figure) is AboutMedian; across p25 or p75 (or a range's end), the
// position nearer the middle. Without an interval it is PositionOf.
func PositionWithin(v float64, iv *Interval, b Benchmark, dir diagnostic.Direction, currency string) Position {
	pos := PositionOf(v, b, dir, currency)
	if iv == nil || pos == NotComparable {
		return pos
	}
	worse := PositionOf(iv.worseEnd(dir), b, dir, currency)
	better := PositionOf(iv.betterEnd(dir), b, dir, currency)
	if worse == better {
		return worse
	}
	if b.Low != nil && b.High != nil {
		return InRange // the interval reaches into the range
	}
	rank := map[Position]int{BelowP25: 0, P25ToMedian: 1, BelowMedian: 1,
		MedianToP75: 3, AboveMedian: 3, AboveP75: 4}
	lo, hi := rank[worse], rank[better]
	switch {
	case lo <= 1 && hi >= 3:
		return AboutMedian
	case hi <= 1: // below p25 to between p25 and the median
		return better
	}
	return worse // between the median and p75 to above p75
}

// yearNotIn is year without its leading year ("2025" of "2025 (2024
// data)") when source already names that year as a word, else year itself.
func yearNotIn(source, year string) string {
	first, rest, _ := strings.Cut(year, " ")
	if !isYear(first) {
		return year
	}
	for _, w := range strings.FieldsFunc(source, func(r rune) bool { return !unicode.IsDigit(r) }) {
		if w == first {
			return strings.TrimSpace(rest)
		}
	}
	return year
}

// isYear reports whether s is four digits.
func isYear(s string) bool {
	if len(s) != 4 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

package kpi

import (
	"slices"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// Benchmark choice (docs/METHOD.md, "Benchmarks: choosing the yardstick").

// MaxBenchmarkAge is how many years before the data a benchmark may be
// dated and still be the yardstick while a newer row fits.
const MaxBenchmarkAge = 8

// Notes and reasons of a benchmark choice (codes; the texts are i18n keys
// "kpis.bench.note."+code and "kpis.bench.reason."+code).
const (
	NoteProfileDiffers = "profile_segment_differs"
	NoteOld            = "figure_old"
	NoteUndated        = "figure_undated"
	ReasonIndustry     = "no_row_for_industry"
	ReasonSize         = "no_row_for_size"
)

// ChooseBenchmark picks the yardstick for KPI id: among the rows of that
// KPI (rows measuring something else carry no KPI), those for the
// profile's industry (or any industry) whose size bands hold the company's
// size as the data show it (size; the profile's segment when the data say
// nothing). A row whose bands the size contradicts is never used. Then, in
// order: current rows (dated, at most MaxBenchmarkAge years before year)
// before old or undated ones; rows for a known size band before rows for
// every size before rows whose band cannot be checked (Closest); then the
// table's rank. ok is false when the table has no row for the KPI; when it
// has rows but none fits, the Match has no figures and a Reason.
func ChooseBenchmark(id string, p diagnostic.Profile, size Size, year int) (Match, bool) {
	all, err := Benchmarks()
	if err != nil {
		return Match{}, false
	}
	seg, basis := p.Segment, BasisProfile
	if size.Known() {
		basis = BasisData
		if size.Segment != "" {
			seg = size.Segment
		}
	}
	type cand struct {
		b                 Benchmark
		stale, fit, exact int // lower is better
	}
	var cands []cand
	any, byIndustry := false, false
	for _, b := range all {
		if b.KPI != id {
			continue
		}
		any = true
		if len(b.Industries) > 0 && !slices.Contains(b.Industries, p.Industry) {
			if p.Industry != "" {
				byIndustry = true
				continue
			}
		}
		fit, ok := sizeFit(b, seg, size)
		if !ok {
			continue
		}
		c := cand{b: b, fit: fit}
		if y := latestYear(b.Year); y == 0 || year > 0 && year-y > MaxBenchmarkAge {
			c.stale = 1
		}
		if len(b.Industries) == 0 || !slices.Contains(b.Industries, p.Industry) {
			c.exact = 1
		}
		cands = append(cands, c)
	}
	if !any {
		return Match{}, false
	}
	if len(cands) == 0 {
		reason := ReasonSize
		if byIndustry {
			reason = ReasonIndustry
		}
		return Match{Basis: basis, Reason: reason}, true
	}
	best := slices.MinFunc(cands, func(a, b cand) int {
		for _, d := range [][2]int{{a.stale, b.stale}, {a.fit, b.fit}, {a.exact, b.exact}, {a.b.Rank, b.b.Rank}} {
			if d[0] != d[1] {
				return d[0] - d[1]
			}
		}
		return 0
	})
	m := Match{Benchmark: best.b, Closest: best.fit == 2 || best.exact == 1 && len(best.b.Industries) > 0, Basis: basis}
	if y := latestYear(best.b.Year); y == 0 {
		m.Notes = append(m.Notes, NoteUndated)
	} else if best.stale == 1 {
		m.Notes = append(m.Notes, NoteOld)
	}
	if size.Segment != "" && p.Segment != "" && size.Segment != p.Segment {
		m.Notes = append(m.Notes, NoteProfileDiffers)
	}
	return m, true
}

// sizeFit says how a row's size bands fit: 0 every band it has holds the
// size, 1 the row has no size band, 2 a band cannot be checked (no size
// known for it); ok false when a known size falls outside a band or the
// row is not for the segment.
func sizeFit(b Benchmark, seg diagnostic.Segment, s Size) (fit int, ok bool) {
	if seg != "" && slices.Contains(b.NotFor, seg) {
		return 0, false
	}
	bands := 0
	unchecked := false
	check := func(lo, hi *float64, v float64) bool {
		if lo == nil && hi == nil {
			return true
		}
		bands++
		if v <= 0 {
			unchecked = true
			return true
		}
		return (lo == nil || v >= *lo) && (hi == nil || v < *hi)
	}
	if !check(b.ACVMin, b.ACVMax, s.ACV) || !check(b.ARPAMin, b.ARPAMax, s.ARPA) || !check(b.RevenueMin, b.RevenueMax, s.Revenue) {
		return 0, false
	}
	if len(b.Segments) > 0 {
		bands++
		switch {
		case seg == "":
			unchecked = true
		case !slices.Contains(b.Segments, seg):
			return 0, false
		}
	}
	switch {
	case bands == 0:
		return 1, true
	case unchecked && seg != "" && slices.Contains(b.Segments, seg):
		return 0, true // a band checked through the segment it belongs to
	case unchecked:
		return 2, true
	}
	return 0, true
}

package kpi

import (
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// grouped writes 28000 as "28,000", the way BENCHMARKS.md writes money.
func grouped(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// TestEveryFigureIsInBenchmarksMD checks that each figure, source and year
// of the embedded table is written in ../shared/BENCHMARKS.md (percentages
// as percent, ROMI as the revenue:spend ratio it was converted from).
func TestEveryFigureIsInBenchmarksMD(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "BENCHMARKS.md")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("shared BENCHMARKS.md not found at %s (needs the ../shared symlink): %v", path, err)
	}
	md := string(b)
	all, err := Benchmarks()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range all {
		if !strings.Contains(md, r.Source) || !strings.Contains(md, r.Year) {
			t.Errorf("%s %s: source %q or year %q not in BENCHMARKS.md", r.Metric, r.SegmentEN, r.Source, r.Year)
		}
		for _, v := range []*float64{r.P25, r.Median, r.P75, r.Low, r.High} {
			if v == nil {
				continue
			}
			var want string
			switch {
			case r.Metric == "marketing_roi":
				want = strconv.FormatFloat(*v+1, 'f', -1, 64) + ":1"
			case r.Unit == diagnostic.UnitPercent:
				want = strconv.FormatFloat(math.Round(*v*1e6)/1e4, 'f', -1, 64)
			case r.Unit == diagnostic.UnitMoney:
				want = grouped(*v)
			default:
				want = strconv.FormatFloat(*v, 'f', -1, 64)
			}
			if !strings.Contains(md, want) {
				t.Errorf("%s %s: figure %s (from %g) not in BENCHMARKS.md", r.Metric, r.SegmentEN, want, *v)
			}
		}
	}
}

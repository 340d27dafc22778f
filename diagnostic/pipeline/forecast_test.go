package pipeline

import (
	"math"
	"strconv"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// TestForecastAccuracyKnown: February as the 31 January export expected it
// (D1, D2, D3, D12, D13: 9,500) against what was won in February (D1,
// D11, D13: 3,800), 40 %, out of the band; March has not ended.
func TestForecastAccuracyKnown(t *testing.T) {
	a, b := twoExports()
	merged := append([]diagnostic.Deal{}, b.Deals...)
	merged = append(merged, open("D7", 7000, "2026-03-31"))
	f := ForecastAccuracy([]Snapshot{a, b}, merged, b.AsOf)
	if len(f.Months) != 1 {
		t.Fatalf("months %+v, want February only", f.Months)
	}
	m := f.Months[0]
	if m.Month.String() != "2026-02" || !m.SeenOn.Equal(a.AsOf) || m.Forecast != (Movement{5, 9500}) || m.Won != (Movement{3, 3800}) ||
		m.WonAsForecast != (Movement{2, 2300}) || *m.Accuracy != 0.4 || *m.InBand || f.InBand != 0 || f.Trend != "insufficient_data" {
		t.Errorf("February %+v (accuracy %v), trend %s", m, *m.Accuracy, f.Trend)
	}
}

// TestForecastAccuracyTrend: month-end exports whose forecast error falls
// month after month show an improving trend; a flat error does not.
func TestForecastAccuracyTrend(t *testing.T) {
	run := func(acc []float64) Forecast {
		var snaps []Snapshot
		var won []diagnostic.Deal
		for i, a := range acc {
			end := time.Date(2025, time.Month(i+1), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 1, -1) // last day of month i+1
			next := end.AddDate(0, 0, 10)
			id := strconv.Itoa(i)
			snaps = append(snaps, Snapshot{AsOf: end, MatchKey: diagnostic.MatchRecordID, Deals: []diagnostic.Deal{open("F"+id, 1000, next.Format("2006-01-02"))}})
			won = append(won, closed("W"+id, diagnostic.DealWon, 1000*a, next.Format("2006-01-02")))
		}
		last := snaps[len(snaps)-1].AsOf.AddDate(0, 1, 0)
		snaps = append(snaps, Snapshot{AsOf: last, MatchKey: diagnostic.MatchRecordID})
		return ForecastAccuracy(snaps, won, last)
	}
	f := run([]float64{0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0})
	if len(f.Months) != 7 || f.Trend != "improving" || f.InBand != 3 || math.Abs(*f.Months[0].Accuracy-0.3) > 1e-12 {
		t.Errorf("falling error: %d months, trend %s, %d in band", len(f.Months), f.Trend, f.InBand)
	}
	if f = run([]float64{0.7, 1.3, 0.7, 1.3, 0.7, 1.3, 0.7}); f.Trend != "stable" || f.InBand != 0 {
		t.Errorf("flat error: trend %s, %d in band", f.Trend, f.InBand)
	}
}

// TestForecastByCategory: a start-of-month export with forecast categories
// (HubSpot's and Salesforce's names, in either language) splits the month
// by category; omitted deals are listed but left out of the forecast, and
// a deal won from one category counts in that category only.
func TestForecastByCategory(t *testing.T) {
	cat := func(d diagnostic.Deal, c string) diagnostic.Deal { d.ForecastCategory = c; return d }
	start := Snapshot{AsOf: day("2026-01-31"), MatchKey: diagnostic.MatchRecordID, Deals: []diagnostic.Deal{
		cat(open("C1", 1000, "2026-02-10"), "Commit"),
		cat(open("C2", 3000, "2026-02-20"), "comprometido"),
		cat(open("B1", 2000, "2026-02-15"), "Best Case"),
		cat(open("P1", 4000, "2026-02-25"), "  pipeline "),
		cat(open("O1", 5000, "2026-02-05"), "Not forecasted"),
		cat(open("X1", 700, "2026-02-05"), "Upside"),
		cat(open("L1", 9000, "2026-03-05"), "Commit"), // expected in March: not February's
	}}
	won := []diagnostic.Deal{
		closed("C1", diagnostic.DealWon, 1000, "2026-02-11"),
		closed("P1", diagnostic.DealWon, 4000, "2026-02-27"),
		closed("O1", diagnostic.DealWon, 5000, "2026-02-06"),
		closed("N1", diagnostic.DealWon, 600, "2026-02-12"), // not in the start export
	}
	end := Snapshot{AsOf: day("2026-02-28"), MatchKey: diagnostic.MatchRecordID}
	f := ForecastAccuracy([]Snapshot{start, end}, won, end.AsOf)
	if len(f.Months) != 1 {
		t.Fatalf("months %+v", f.Months)
	}
	m := f.Months[0]
	if m.Forecast != (Movement{5, 10700}) || m.Won != (Movement{4, 10600}) || m.WonAsForecast != (Movement{2, 5000}) {
		t.Errorf("forecast %+v, won %+v, won as forecast %+v", m.Forecast, m.Won, m.WonAsForecast)
	}
	want := []struct {
		cat           string
		forecast, won Movement
		conversion    float64
	}{
		{CatCommit, Movement{2, 4000}, Movement{1, 1000}, 0.25},
		{CatBestCase, Movement{1, 2000}, Movement{}, 0},
		{CatPipeline, Movement{1, 4000}, Movement{1, 4000}, 1},
		{CatOther, Movement{1, 700}, Movement{}, 0},
		{CatOmitted, Movement{1, 5000}, Movement{1, 5000}, 1},
	}
	if len(m.ByCategory) != len(want) {
		t.Fatalf("by category %+v", m.ByCategory)
	}
	for i, w := range want {
		c := m.ByCategory[i]
		if c.Category != w.cat || c.Forecast != w.forecast || c.WonAsForecast != w.won || c.Conversion == nil || math.Abs(*c.Conversion-w.conversion) > 1e-12 {
			t.Errorf("category %d: %+v (conversion %v), want %+v", i, c, c.Conversion, w)
		}
	}
	// Without categories nothing is split and nothing is left out.
	for i := range start.Deals {
		start.Deals[i].ForecastCategory = ""
	}
	f = ForecastAccuracy([]Snapshot{start, end}, won, end.AsOf)
	if m := f.Months[0]; len(m.ByCategory) != 0 || m.Forecast != (Movement{6, 15700}) {
		t.Errorf("without categories: %+v", m)
	}
}

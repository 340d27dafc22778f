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

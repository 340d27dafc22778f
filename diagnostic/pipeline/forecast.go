package pipeline

import (
	"math"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
)

// The band of forecast accuracy that forecasting practice calls accurate:
// won within 85–115 % of what was expected to close.
const (
	BandLow  = 0.85
	BandHigh = 1.15
)

// StartSlack is how far from a month's first day a snapshot may be taken
// and still show the pipeline "at its start": an export of the last day of
// the month before (the usual month-end export), or of the first days.
const (
	StartSlackBefore = 31 * 24 * time.Hour
	StartSlackAfter  = 3 * 24 * time.Hour
)

// MonthForecast is one month: the open pipeline expected to close in it as
// the snapshot at its start showed it, against what was won in it.
type MonthForecast struct {
	Month          diagnostic.Month `json:"month"`
	SeenOn         time.Time        `json:"seen_on"`
	Forecast       Movement         `json:"forecast"`            // open deals with an expected close date in the month
	Won            Movement         `json:"won"`                 // deals won in the month (latest data)
	WonAsForecast  Movement         `json:"won_as_forecast"`     // of those, the ones in the forecast
	Accuracy       *float64         `json:"accuracy"`            // won ÷ forecast amount; nil without a forecast
	InBand         *bool            `json:"in_band"`             // accuracy within 85–115 %
	ForecastClosed *float64         `json:"forecast_conversion"` // share of the forecast amount won in the month
	// ByCategory splits the forecast by the CRM's forecast category when
	// the start-of-month export has one (omitted deals listed, but not in
	// Forecast); empty otherwise.
	ByCategory []CategoryForecast `json:"by_category,omitempty"`
}

// Forecast is the accuracy month by month and its trend.
type Forecast struct {
	Months []MonthForecast `json:"months"`
	Band   [2]float64      `json:"band"`
	InBand int             `json:"months_in_band"`
	// Trend is the trend of the error |accuracy − 1| over the months
	// (Mann–Kendall at α = 0.10 over at least 6 months, docs/METHOD.md):
	// "improving" (error falling), "worsening", "stable" (no clear trend)
	// or "insufficient_data".
	Trend  string   `json:"trend"`
	PValue *float64 `json:"p_value"`
}

// ForecastAccuracy measures, for every complete month that has a snapshot
// at its start, the pipeline expected to close in the month against what
// was won in it. deals are the organisation's deals as the latest data has
// them (each once); latest is the date of the latest snapshot (a month
// counts once it has ended by then). The forecast is every open deal
// expected to close in the month, except those the export's forecast
// category puts out of the forecast ("Omitted", "Not forecasted"); with
// categories, each month is also split by category (ByCategory).
func ForecastAccuracy(snaps []Snapshot, deals []diagnostic.Deal, latest time.Time) Forecast {
	f := Forecast{Band: [2]float64{BandLow, BandHigh}, Months: []MonthForecast{}}
	if len(snaps) == 0 {
		f.Trend = "insufficient_data"
		return f
	}
	first := diagnostic.MonthOf(snaps[0].AsOf.Add(-StartSlackAfter))
	for m := first; !latest.Before(m.End().Add(-24 * time.Hour)); m = m.Add(1) {
		sn, ok := startSnapshot(snaps, m)
		if !ok {
			continue
		}
		mf := MonthForecast{Month: m, SeenOn: sn.AsOf}
		inMonth := func(t time.Time) bool { return !t.IsZero() && !t.Before(m.Start()) && t.Before(m.End()) }
		forecast := map[string]string{} // match key → category ("" without)
		catForecast, catWon := map[string]Movement{}, map[string]Movement{}
		for _, d := range sn.Deals {
			if d.Status != diagnostic.DealOpen || !inMonth(d.ExpectedClose) {
				continue
			}
			c := ForecastCategoryOf(d)
			tally(catForecast, c, d.Amount)
			forecast[diagnostic.MatchKeyOf(d, sn.MatchKey)] = c
			if c != CatOmitted {
				mf.Forecast.add(d.Amount)
			}
		}
		for _, d := range deals {
			if d.Status != diagnostic.DealWon || !inMonth(d.Closed) {
				continue
			}
			mf.Won.add(d.Amount)
			c, ok := forecast[diagnostic.MatchKeyOf(d, sn.MatchKey)]
			if !ok {
				continue
			}
			if c != CatOmitted {
				mf.WonAsForecast.add(d.Amount)
			}
			tally(catWon, c, d.Amount)
		}
		mf.ByCategory = byCategory(catForecast, catWon)
		if mf.Forecast.Amount > 0 {
			a := mf.Won.Amount / mf.Forecast.Amount
			in := a >= BandLow && a <= BandHigh
			c := mf.WonAsForecast.Amount / mf.Forecast.Amount
			mf.Accuracy, mf.InBand, mf.ForecastClosed = &a, &in, &c
			if in {
				f.InBand++
			}
		}
		f.Months = append(f.Months, mf)
	}
	var errs []float64
	for _, mf := range f.Months {
		if mf.Accuracy != nil {
			errs = append(errs, math.Abs(*mf.Accuracy-1))
		}
	}
	if len(errs) > 12 {
		errs = errs[len(errs)-12:]
	}
	f.Trend = "insufficient_data"
	if len(errs) >= 6 {
		s, p := kpi.MannKendall(errs)
		f.PValue = &p
		switch {
		case p >= 0.10:
			f.Trend = "stable"
		case s < 0:
			f.Trend = "improving"
		default:
			f.Trend = "worsening"
		}
	}
	return f
}

// startSnapshot is the snapshot nearest a month's first day within the
// slack, preferring one taken before it.
func startSnapshot(snaps []Snapshot, m diagnostic.Month) (Snapshot, bool) {
	start := m.Start()
	var best Snapshot
	found := false
	for _, s := range snaps {
		if s.AsOf.Before(start.Add(-StartSlackBefore)) || s.AsOf.After(start.Add(StartSlackAfter)) {
			continue
		}
		if !found || !s.AsOf.After(start) && (best.AsOf.After(start) || s.AsOf.After(best.AsOf)) {
			best, found = s, true
		}
	}
	return best, found
}

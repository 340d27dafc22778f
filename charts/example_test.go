package charts_test

import (
	"bytes"
	"fmt"
	"image/png"
	"time"

	"github.com/revopsdx/revopsdx/charts"
	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// A win-rate trend in Spanish with a target and a benchmark band, as PNG.
func ExampleTrend() {
	d := charts.TrendData{
		Title:     "Tasa de cierre",
		Targets:   []charts.TargetStep{{From: diagnostic.Month{Year: 2026, Month: time.January}, Value: 0.25}},
		Benchmark: &charts.Benchmark{P25: charts.F(0.17), Median: charts.F(0.215), P75: charts.F(0.26), Source: "Bridge Group 2025"},
	}
	for i, v := range []float64{0.18, 0.21, 0.19, 0.22, 0.24, 0.20} {
		d.Points = append(d.Points, charts.Point{Month: diagnostic.Month{Year: 2026, Month: time.Month(i + 1)}, Value: charts.F(v)})
	}
	b, err := charts.Trend(d, charts.Options{Width: 640, Height: 360, Lang: locale.ES, Unit: diagnostic.UnitPercent})
	if err != nil {
		fmt.Println(err)
		return
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(img.Bounds().Dx(), "×", img.Bounds().Dy())
	// Output: 640 × 360
}

// A scorecard tile with no value yet gives the "no data" tile, not an error.
func ExampleScorecard_noData() {
	b, err := charts.Scorecard(charts.TileData{Title: "NPS"}, charts.Options{Lang: locale.EN, Format: charts.SVG})
	fmt.Println(err, bytes.Contains(b, []byte("No data")))
	// Output: <nil> true
}

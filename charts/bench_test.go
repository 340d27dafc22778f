package charts

import (
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// reportCharts renders what one report holds: radar, pillar bars,
// alignment, funnel, 8 KPI trends (24 months, with target and benchmark)
// and 8 scorecard tiles, at the default sizes.
func reportCharts(o Options) (int, error) {
	l := o.Lang
	n := 0
	add := func(b []byte, err error) error {
		n += len(b)
		return err
	}
	money := o
	money.Unit = diagnostic.UnitMoney
	pct := o
	pct.Unit = diagnostic.UnitPercent
	steps := []func() error{
		func() error { return add(Radar(sampleRadar(l, true), o)) },
		func() error { return add(PillarBars(samplePillars(l, true), o)) },
		func() error { return add(Alignment(sampleAlignment(l), o)) },
		func() error { return add(Funnel(StandardFunnel(F(4200), F(1350), F(520), F(210), F(48)), o)) },
	}
	for i := range 8 {
		if i%2 == 0 {
			steps = append(steps, func() error { return add(Trend(sampleRevenue(l, 24), money)) })
		} else {
			steps = append(steps, func() error { return add(Trend(sampleWinRate(l), pct)) })
		}
		tile := sampleTiles(l)[i%3]
		to := pct
		if i%3 != 0 {
			to = money
		}
		steps = append(steps, func() error { return add(Scorecard(tile, to)) })
	}
	for _, s := range steps {
		if err := s(); err != nil {
			return n, err
		}
	}
	return n, nil
}

// BenchmarkReportCharts: go test ./charts -run '^$' -bench ReportCharts -benchtime 5x
func BenchmarkReportCharts(b *testing.B) {
	for _, f := range []Format{PNG, SVG} {
		b.Run(string(f), func(b *testing.B) {
			o := Options{Lang: locale.ES, Format: f}
			size := 0
			for b.Loop() {
				n, err := reportCharts(o)
				if err != nil {
					b.Fatal(err)
				}
				size = n
			}
			b.ReportMetric(float64(size)/1024, "KiB/report")
		})
	}
}

// BenchmarkChart times each chart type alone, as PNG at its default size.
func BenchmarkChart(b *testing.B) {
	l := locale.ES
	o := Options{Lang: l}
	money := Options{Lang: l, Unit: diagnostic.UnitMoney}
	for _, bc := range []struct {
		name string
		draw func() ([]byte, error)
	}{
		{"radar", func() ([]byte, error) { return Radar(sampleRadar(l, true), o) }},
		{"pillars", func() ([]byte, error) { return PillarBars(samplePillars(l, true), o) }},
		{"alignment", func() ([]byte, error) { return Alignment(sampleAlignment(l), o) }},
		{"funnel", func() ([]byte, error) { return Funnel(StandardFunnel(F(4200), F(1350), F(520), F(210), F(48)), o) }},
		{"trend24", func() ([]byte, error) { return Trend(sampleRevenue(l, 24), money) }},
		{"trend60", func() ([]byte, error) { return Trend(sampleRevenue(l, 60), money) }},
		{"tile", func() ([]byte, error) { return Scorecard(sampleTiles(l)[1], money) }},
		{"nodata", func() ([]byte, error) { return Trend(TrendData{}, o) }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := bc.draw(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

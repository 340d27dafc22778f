package charts

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

var galleryDir = flag.String("gallery", "", "write every sample chart, both languages and themes, to this folder")

// galleryCase is one named chart of the gallery.
type galleryCase struct {
	name string
	draw func(o Options) ([]byte, error)
}

func galleryCases(l locale.Lang) []galleryCase {
	return []galleryCase{
		{"radar", func(o Options) ([]byte, error) { return Radar(sampleRadar(l, false), o) }},
		{"radar-depts", func(o Options) ([]byte, error) { return Radar(sampleRadar(l, true), o) }},
		{"pillars", func(o Options) ([]byte, error) { return PillarBars(samplePillars(l, true), o) }},
		{"pillars-plain", func(o Options) ([]byte, error) { return PillarBars(samplePillars(l, false), o) }},
		{"alignment", func(o Options) ([]byte, error) { return Alignment(sampleAlignment(l), o) }},
		{"trend-revenue24", func(o Options) ([]byte, error) {
			o.Unit, o.Currency = diagnostic.UnitMoney, "EUR"
			return Trend(sampleRevenue(l, 24), o)
		}},
		{"trend-winrate", func(o Options) ([]byte, error) { o.Unit = diagnostic.UnitPercent; return Trend(sampleWinRate(l), o) }},
		{"trend-leads60", func(o Options) ([]byte, error) { o.Unit = diagnostic.UnitCount; return Trend(sampleLeads(l, 60), o) }},
		{"trend-single", func(o Options) ([]byte, error) {
			o.Unit = diagnostic.UnitPercent
			d := sampleWinRate(l)
			d.Points = d.Points[:1]
			return Trend(d, o)
		}},
		{"trend-negative", func(o Options) ([]byte, error) {
			o.Unit, o.Currency = diagnostic.UnitMoney, "USD"
			return Trend(sampleNetProfit(l), o)
		}},
		{"trend-extreme", func(o Options) ([]byte, error) {
			o.Unit, o.Currency = diagnostic.UnitMoney, "EUR"
			return Trend(sampleExtreme(l), o)
		}},
		{"trend-empty", func(o Options) ([]byte, error) { return Trend(TrendData{Title: l.Pick("Ingresos", "Revenue")}, o) }},
		{"funnel", func(o Options) ([]byte, error) {
			return Funnel(StandardFunnel(F(4200), F(1350), F(520), F(210), F(48)), o)
		}},
		{"funnel-extreme", func(o Options) ([]byte, error) {
			return Funnel(StandardFunnel(F(2.5e9), F(1), F(0), nil, F(-5)), o)
		}},
		{"tile-winrate", func(o Options) ([]byte, error) {
			o.Unit = diagnostic.UnitPercent
			return Scorecard(sampleTiles(l)[0], o)
		}},
		{"tile-cac", func(o Options) ([]byte, error) {
			o.Unit, o.Currency = diagnostic.UnitMoney, "EUR"
			return Scorecard(sampleTiles(l)[1], o)
		}},
		{"tile-revenue", func(o Options) ([]byte, error) {
			o.Unit, o.Currency = diagnostic.UnitMoney, "USD"
			return Scorecard(sampleTiles(l)[2], o)
		}},
		{"tile-empty", func(o Options) ([]byte, error) { return Scorecard(TileData{Title: "NPS"}, o) }},
		{"radar-empty", func(o Options) ([]byte, error) { return Radar(RadarData{}, o) }},
	}
}

// TestGallery writes every sample chart as PNG (and SVG) for a person to
// look at: go test ./charts -run TestGallery -gallery /tmp/charts
func TestGallery(t *testing.T) {
	if *galleryDir == "" {
		t.Skip("no -gallery folder given; nothing to write")
	}
	if err := os.MkdirAll(*galleryDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, l := range locale.Langs() {
		for _, dark := range []bool{false, true} {
			all := galleryCases(l)
			for _, cc := range cases(l) {
				all = append(all, galleryCase{"case-" + cc.name, func(o Options) ([]byte, error) { return encode(cc.draw(o)) }})
			}
			for _, gc := range all {
				for _, f := range []Format{PNG, SVG} {
					b, err := gc.draw(Options{Lang: l, Dark: dark, Format: f})
					if err != nil {
						t.Fatalf("%s: %v", gc.name, err)
					}
					theme := "light"
					if dark {
						theme = "dark"
					}
					name := filepath.Join(*galleryDir, fmt.Sprintf("%s-%s-%s.%s", gc.name, l, theme, f))
					if err := os.WriteFile(name, b, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
	}
}

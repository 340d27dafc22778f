package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"github.com/revopsdx/revopsdx/charts"
	"github.com/revopsdx/revopsdx/diagnostic/analysis"
	"github.com/revopsdx/revopsdx/diagnostic/report/chartset"
)

// chartScale is how many image pixels are drawn per display unit, so that
// charts stay sharp on high-density screens.
const chartScale = 2

// chartImage is an empty image of the given display size, filled when its
// chart is rendered.
func chartImage(w, h float32) *canvas.Image {
	img := &canvas.Image{FillMode: canvas.ImageFillContain}
	img.SetMinSize(fyne.NewSize(w, h))
	return img
}

// chartPNGs are the rendered charts of a result.
type chartPNGs struct {
	radar, bars, align []byte
}

// renderCharts draws the radar, pillar bars and (with two or more
// departments) the alignment chart in a goroutine, then shows them.
func (s *resultsScreen) renderCharts() {
	a, dark := s.a, s.u.isDark()
	sizes := map[string]fyne.Size{"radar": s.radar.MinSize(), "bars": s.bars.MinSize(), "align": s.align.MinSize()}
	background(s.u, "drawing the charts", func(context.Context) (chartPNGs, error) {
		return drawCharts(a, dark, sizes)
	}, func(p chartPNGs) {
		show := func(img *canvas.Image, name string, b []byte) {
			if b != nil {
				img.Resource = fyne.NewStaticResource(name, b)
				img.Refresh()
			}
		}
		show(s.radar, "radar.png", p.radar)
		show(s.bars, "pillars.png", p.bars)
		show(s.align, "alignment.png", p.align)
	})
}

// drawCharts renders the results' charts as PNG at the given display sizes
// (times chartScale) from the mapping shared with the report and the
// chart command (chartset).
func drawCharts(a *analysis.Analysis, dark bool, sizes map[string]fyne.Size) (chartPNGs, error) {
	opt := func(name string) charts.Options {
		sz := sizes[name]
		return charts.Options{Width: int(sz.Width) * chartScale, Height: int(sz.Height) * chartScale, DPI: 96 * chartScale,
			Lang: a.Lang, Dark: dark, Currency: a.Snapshot.Profile.Currency}
	}
	var out chartPNGs
	var err error
	if out.radar, err = charts.Radar(resultsRadar(a), opt("radar")); err != nil {
		return out, err
	}
	if out.bars, _, err = chartset.Render(a, charts.TypePillars, "", opt("bars")); err != nil {
		return out, err
	}
	if a.Result == nil || len(a.Result.Departments) < 2 {
		return out, nil
	}
	out.align, _, err = chartset.Render(a, charts.TypeAlignment, "", opt("align"))
	return out, err
}

// resultsRadar is the shared radar (latest filled, previous as an
// outline) with each department's scores added as outlines, from the
// shared alignment mapping; with one department it is the shared radar.
func resultsRadar(a *analysis.Analysis) charts.RadarData {
	d := chartset.Radar(a)
	al := chartset.Alignment(a)
	for _, dep := range al.Departments {
		d.Series = append(d.Series, charts.Series{Name: dep.Name, Values: dep.Scores, Kind: charts.Department})
	}
	return d
}

// isDark reports whether the interface shows the dark variant.
func (u *ui) isDark() bool {
	switch u.prefs.Theme() {
	case themeDark:
		return true
	case themeLight:
		return false
	}
	return u.app.Settings().ThemeVariant() == theme.VariantDark
}

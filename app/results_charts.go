package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"github.com/revopsdx/revopsdx/charts"
	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
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
	r, q, l, dark := s.result, s.u.q, s.u.lang(), s.u.isDark()
	sizes := map[string]fyne.Size{"radar": s.radar.MinSize(), "bars": s.bars.MinSize(), "align": s.align.MinSize()}
	series := tr("results.series")
	background(s.u, "drawing the charts", func(context.Context) (chartPNGs, error) {
		return drawCharts(q, r, l, dark, series, sizes)
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

// drawCharts turns a result into chart inputs and renders them as PNG at
// the given display sizes (times chartScale).
func drawCharts(q *diagnostic.Questionnaire, r *diagnostic.Result, l locale.Lang, dark bool, series string, sizes map[string]fyne.Size) (chartPNGs, error) {
	opt := func(name string) charts.Options {
		sz := sizes[name]
		return charts.Options{Width: int(sz.Width) * chartScale, Height: int(sz.Height) * chartScale, DPI: 96 * chartScale, Lang: l, Dark: dark}
	}
	names := make([]string, len(q.Pillars))
	scores := make([]*float64, len(q.Pillars))
	bars := charts.PillarData{}
	flagged := make([]bool, len(q.Pillars))
	for i, p := range q.Pillars {
		names[i] = p.Name.In(l)
		if pr := r.Pillar(p.ID); pr != nil {
			scores[i] = pr.Score
		}
		bars.Pillars = append(bars.Pillars, charts.PillarScore{Name: names[i], Score: scores[i]})
		for _, g := range r.Gaps {
			flagged[i] = flagged[i] || g.Pillar == p.ID
		}
	}
	var out chartPNGs
	var err error
	if out.radar, err = charts.Radar(charts.RadarData{Axes: names, Series: []charts.Series{{Name: series, Values: scores, Kind: charts.Primary}}}, opt("radar")); err != nil {
		return out, err
	}
	if out.bars, err = charts.PillarBars(bars, opt("bars")); err != nil {
		return out, err
	}
	if len(r.Departments) < 2 {
		return out, nil
	}
	al := charts.AlignmentData{Pillars: names, Flagged: flagged}
	for _, d := range r.Departments {
		ds := charts.DepartmentScores{Name: q.DepartmentName(d, l)}
		for _, p := range q.Pillars {
			var v *float64
			if pr := r.Pillar(p.ID); pr != nil {
				if x, ok := pr.Departments[d]; ok {
					v = &x
				}
			}
			ds.Scores = append(ds.Scores, v)
		}
		al.Departments = append(al.Departments, ds)
	}
	out.align, err = charts.Alignment(al, opt("align"))
	return out, err
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

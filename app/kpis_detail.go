package app

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/revopsdx/revopsdx/charts"
	"github.com/revopsdx/revopsdx/diagnostic/analysis"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/report/chartset"
)

// kpiDetail shows one KPI: its trend chart with target and benchmark, its
// latest value, status against the target and position against the
// benchmark with the benchmark's source and year.
type kpiDetail struct {
	s     *kpiScreen
	ids   []string
	pick  *widget.Select
	facts *fyne.Container
	chart *canvas.Image
	a     *analysis.Analysis
	save  *widget.Button
	root  *fyne.Container
}

func newKPIDetail(s *kpiScreen) *kpiDetail { return &kpiDetail{s: s} }

func (d *kpiDetail) view() fyne.CanvasObject {
	d.ids = d.s.allKPIs()
	names := make([]string, len(d.ids))
	for i, id := range d.ids {
		names[i] = d.s.kpiName(id)
	}
	d.pick = widget.NewSelect(names, func(string) { d.show() })
	d.pick.PlaceHolder = tr("kpis.detail.choose")
	d.facts = container.NewVBox()
	d.chart = chartImage(640, 300)
	d.save = widget.NewButton(tr("chart.save"), d.onSaveChart)
	d.save.Disable()
	top := container.NewBorder(nil, nil, widget.NewLabel(tr("kpis.detail.kpi")), d.save, d.pick)
	d.root = container.NewBorder(container.NewVBox(top, d.facts), nil, nil, nil, d.chart)
	return d.root
}

// load analyses the organisation in the background (the plan or values
// may have changed), then shows the chosen KPI.
func (d *kpiDetail) load() {
	u, id, l := d.s.u, d.s.org.ID, d.s.u.lang()
	db := u.db
	u.busy.Add(1)
	go func() {
		defer u.busy.Done()
		u.saver.wait()
		a, err := analyseOrg(context.Background(), db, id, l, time.Now())
		u.post(func() {
			if err != nil {
				u.showError(err)
				return
			}
			d.a = a
			if d.pick.SelectedIndex() < 0 && len(d.ids) > 0 {
				d.pick.SetSelectedIndex(0) // calls show
				return
			}
			d.show()
		})
	}()
}

// selected is the chosen KPI id, or "".
func (d *kpiDetail) selected() string {
	if i := d.pick.SelectedIndex(); i >= 0 && i < len(d.ids) {
		return d.ids[i]
	}
	return ""
}

// show writes the facts of the chosen KPI and renders its chart in the
// background.
func (d *kpiDetail) show() {
	id := d.selected()
	if d.a == nil || id == "" {
		return
	}
	l := d.s.u.lang()
	cur := d.a.Snapshot.Profile.Currency
	def, _ := d.a.Catalogue.Def(id)
	var lines []string
	if def.Definition(l) != "" {
		lines = append(lines, def.Definition(l))
	}
	row, ok := d.a.Latest(id)
	switch {
	case !ok || row.Value == nil:
		lines = append(lines, tr("kpis.detail.nodata"))
	default:
		lines = append(lines, tr("kpis.detail.latest", map[string]any{"Value": formatValue(l, def.Unit, *row.Value, cur), "Period": row.Of.Label(l)}))
	}
	if ok && row.Value != nil {
		lines = append(lines, evidenceLines(l, row, def, cur)...)
	}
	if ok && row.Target != nil {
		lines = append(lines, tr("kpis.detail.target", map[string]any{"Value": formatValue(l, def.Unit, row.Target.Value, cur), "By": l.MonthYear(row.Target.By.Year, row.Target.By.Month)}))
	} else {
		lines = append(lines, tr("kpis.detail.notarget"))
	}
	if ok && row.Status != kpi.NoStatus {
		lines = append(lines, tr("kpis.detail.status", map[string]any{"Status": tr("kpis.status." + string(row.Status))}))
	}
	if ok && row.Trend != nil && row.Trend.Direction != "" {
		lines = append(lines, tr("kpis.detail.trend", map[string]any{"Trend": tr("kpis.trend." + row.Trend.Direction)}))
	}
	switch {
	case ok && row.Benchmark != nil && row.Benchmark.Reason != "":
		lines = append(lines, tr("kpis.bench.reason."+row.Benchmark.Reason))
	case ok && row.Benchmark != nil:
		lines = append(lines, d.benchmarkLine(row, def, cur))
	default:
		lines = append(lines, tr("kpis.detail.nobenchmark"))
	}
	title := bold(def.Name(l))
	d.facts.Objects = []fyne.CanvasObject{title, wrapped(strings.Join(lines, "\n"))}
	d.root.Refresh()
	d.renderChart(id)
}

// benchmarkLine is the benchmark's median and quartiles, where the value
// stands, and the source with its year.
func (d *kpiDetail) benchmarkLine(row kpi.Row, def kpi.Def, cur string) string {
	l := d.s.u.lang()
	b := row.Benchmark
	var figs []string
	add := func(key string, v *float64) {
		if v != nil {
			figs = append(figs, tr(key, map[string]any{"Value": formatValue(l, def.Unit, *v, cur)}))
		}
	}
	add("kpis.bench.p25", b.P25)
	add("kpis.bench.median", b.Median)
	add("kpis.bench.p75", b.P75)
	add("kpis.bench.low", b.Low)
	add("kpis.bench.high", b.High)
	src := b.Source
	segment := b.Segment
	if row.Match != nil {
		src = row.Match.Cite(l)
		segment = row.Match.Segment(l)
	}
	line := tr("kpis.detail.benchmark", map[string]any{"Figures": strings.Join(figs, " · "), "Segment": segment, "Source": src})
	if b.Position != kpi.NotComparable {
		line += "\n" + tr("kpis.position."+string(b.Position))
	}
	for _, n := range b.Notes {
		line += "\n" + tr("kpis.bench.note."+n)
	}
	return line
}

// evidenceLines say what the value rests on: its window, sample, 90 %
// interval and confidence, or that there is too little data for a verdict.
func evidenceLines(l locale.Lang, row kpi.Row, def kpi.Def, cur string) []string {
	var out []string
	if s := row.Insufficient; s != nil {
		out = append(out, tr("kpis.detail.insufficient", map[string]any{"Have": l.Number(s.Have, 0),
			"What": tr("kpis.sample." + s.Key), "Months": s.Months, "Need": l.Number(s.Need, 0)}))
	}
	if row.Sample != nil && row.Interval != nil {
		out = append(out, tr("kpis.detail.evidence", map[string]any{
			"From": l.MonthYear(row.Window.From.Year, row.Window.From.Month), "To": l.MonthYear(row.Window.To.Year, row.Window.To.Month),
			"Sample": l.Number(*row.Sample, 0), "Low": formatValue(l, def.Unit, row.Interval.Low, cur),
			"High": formatValue(l, def.Unit, row.Interval.High, cur), "Confidence": tr("kpis.confidence." + string(row.Confidence))}))
	}
	if len(row.Quality) > 0 {
		issues := make([]string, len(row.Quality))
		for i, code := range row.Quality {
			issues[i] = tr("quality.issue." + code)
		}
		out = append(out, tr("kpis.detail.quality", map[string]any{"Issues": strings.Join(issues, "; ")}))
	}
	return out
}

// renderChart draws the trend in a goroutine (dark variant with the dark
// theme) and shows it.
func (d *kpiDetail) renderChart(id string) {
	a, dark, sz := d.a, d.s.u.isDark(), d.chart.Size()
	if sz.Width < 200 || sz.Height < 120 { // not laid out yet
		sz = d.chart.MinSize()
	}
	d.save.Disable()
	background(d.s.u, "drawing the trend chart", func(context.Context) ([]byte, error) {
		img, _, err := chartset.Render(a, charts.TypeTrend, id, charts.Options{Width: int(sz.Width) * chartScale, Height: int(sz.Height) * chartScale,
			DPI: 96 * chartScale, Dark: dark})
		return img, err
	}, func(png []byte) {
		if png == nil || d.selected() != id {
			return
		}
		d.chart.Resource = fyne.NewStaticResource("trend-"+id+".png", png)
		d.chart.Refresh()
		d.save.Enable()
	})
}

// onSaveChart saves the chosen KPI's trend chart as PNG or SVG.
func (d *kpiDetail) onSaveChart() {
	id := d.selected()
	if d.a == nil || id == "" {
		return
	}
	a := d.a
	d.s.u.saveChart("trend-"+id, func(o charts.Options) ([]byte, error) {
		img, _, err := chartset.Render(a, charts.TypeTrend, id, o)
		return img, err
	})
}

package chartset

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/charts"
	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/analysis"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/report"
)

var asOf = time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC)

func analyse(t *testing.T, s analysis.Snapshot, l locale.Lang) *analysis.Analysis {
	t.Helper()
	a, err := analysis.Analyse(context.Background(), s, l)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestDemoData(t *testing.T) {
	a := analyse(t, analysis.DemoSnapshot(asOf), locale.ES)
	r := Radar(a)
	// Seven pillars; the latest assessment and the previous one.
	if len(r.Axes) != 7 || len(r.Series) != 2 || r.Series[0].Kind != charts.Primary || r.Series[1].Kind != charts.Earlier || !r.HasData() {
		t.Errorf("radar: %+v", r)
	}
	for i, p := range a.Result.Pillars {
		if p.Score != nil && (r.Series[0].Values[i] == nil || *r.Series[0].Values[i] != *p.Score) {
			t.Errorf("radar pillar %s: %v, want %v", p.ID, r.Series[0].Values[i], *p.Score)
		}
	}
	if r.Axes[0] != "Objetivos y KPI" {
		t.Errorf("axis names in Spanish: %q", r.Axes[0])
	}
	p := Pillars(a)
	if len(p.Pillars) != 7 || p.Pillars[0].Earlier == nil || p.Pillars[0].Score == nil {
		t.Errorf("pillars: %+v", p)
	}
	al := Alignment(a)
	if len(al.Departments) != 3 || len(al.Flagged) != 7 {
		t.Fatalf("alignment: %+v", al)
	}
	flagged := map[string]bool{}
	for _, g := range a.Result.Gaps {
		flagged[g.Pillar] = true
	}
	for i, pl := range a.Questionnaire.Pillars {
		if al.Flagged[i] != flagged[pl.ID] {
			t.Errorf("pillar %s flagged %v, gaps say %v", pl.ID, al.Flagged[i], flagged[pl.ID])
		}
	}
	tr, def, err := Trend(a, "win_rate")
	if err != nil || def.Unit != diagnostic.UnitPercent || len(tr.Points) != len(a.Series("win_rate")) || len(tr.Targets) == 0 || tr.Benchmark == nil || tr.Title != "Tasa de cierre" {
		t.Errorf("trend: %+v %v", tr, err)
	}
	if _, _, err := Trend(a, "nope"); !errors.Is(err, diagnostic.ErrNotFound) {
		t.Errorf("unknown KPI: %v", err)
	}
	tile, _, err := Tile(a, "revenue")
	if err != nil || tile.Value == nil || tile.Previous == nil || tile.Month != a.To {
		t.Errorf("tile: %+v %v", tile, err)
	}
	if f := Funnel(a); !f.HasData() || len(f.Stages) != 5 {
		t.Errorf("funnel: %+v", f)
	}
}

// TestFunnelSums: the funnel adds up the last three months of data.
func TestFunnelSums(t *testing.T) {
	m := func(s string) diagnostic.Month { x, _ := diagnostic.ParseMonth(s); return x }
	obs := func(metric string, vals ...float64) []diagnostic.Observation {
		var out []diagnostic.Observation
		for i, v := range vals { // 2026-01 … 2026-04
			out = append(out, diagnostic.Observation{Metric: metric, Month: m("2026-01").Add(i), Value: v})
		}
		return out
	}
	s := analysis.Snapshot{Profile: diagnostic.Profile{Name: "F", Industry: "saas", Segment: "smb", Currency: "EUR", Language: "en"}, AsOf: asOf}
	s.Observations = append(s.Observations, obs("leads", 999, 100, 120, 80)...)
	s.Observations = append(s.Observations, obs("mqls", 999, 40, 50, 30)...)
	s.Observations = append(s.Observations, obs("sqls", 999, 10, 20)...) // no April
	a := analyse(t, s, locale.EN)
	f := Funnel(a)
	// Data ends 2026-04: February–April. leads 100+120+80 = 300,
	// mqls 40+50+30 = 120, sqls 10+20 = 30 (March and February), no
	// opportunities nor won deals.
	want := []*float64{charts.F(300), charts.F(120), charts.F(30), nil, nil}
	for i, st := range f.Stages {
		if (st.Value == nil) != (want[i] == nil) || st.Value != nil && *st.Value != *want[i] {
			t.Errorf("stage %s: %v, want %v", st.Key, st.Value, want[i])
		}
	}
	if f.Title != "Sales funnel · Feb 2026 – Apr 2026" {
		t.Errorf("title %q", f.Title)
	}
}

func TestRenderAndReportHook(t *testing.T) {
	empty := analyse(t, analysis.Snapshot{Profile: diagnostic.Profile{Name: "E", Industry: "saas", Segment: "smb", Currency: "EUR", Language: "en"}, AsOf: asOf}, locale.EN)
	for _, typ := range charts.Types() {
		img, ok, err := Render(empty, typ, "revenue", charts.Options{Width: 200, Height: 150})
		if err != nil || ok || len(img) == 0 {
			t.Errorf("%s on no data: %d bytes, hasData %v, %v", typ, len(img), ok, err)
		}
	}
	if _, _, err := Render(empty, charts.TypeTrend, "", charts.Options{}); !errors.Is(err, diagnostic.ErrInvalid) {
		t.Errorf("trend without KPI: %v", err)
	}
	if _, _, err := Render(empty, "pie", "", charts.Options{}); !errors.Is(err, diagnostic.ErrInvalid) {
		t.Errorf("unknown type: %v", err)
	}
	demo := analyse(t, analysis.DemoSnapshot(asOf), locale.EN)
	svg, ok, err := Render(demo, charts.TypeRadar, "", charts.Options{Format: charts.SVG})
	if err != nil || !ok {
		t.Fatalf("radar svg: %v %v", ok, err)
	}
	dec := xml.NewDecoder(bytes.NewReader(svg))
	for {
		if _, err := dec.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("SVG does not parse: %v", err)
		}
	}
	// The report hook: PNG at ReportScale (1.5) times the asked size;
	// nothing for no data.
	hook := ForReport(demo)
	img, err := hook(report.ChartRequest{Kind: report.ChartRadar, Lang: locale.EN, Width: 100, Height: 80})
	if err != nil || !bytes.HasPrefix(img, []byte("\x89PNG")) {
		t.Fatalf("hook radar: %v", err)
	}
	// IHDR width and height (big-endian at bytes 16–23): 150 × 120.
	if w, h := be32(img[16:20]), be32(img[20:24]); w != 150 || h != 120 {
		t.Errorf("hook size %d×%d, want 150×120", w, h)
	}
	if img, err := ForReport(empty)(report.ChartRequest{Kind: report.ChartPillars, Lang: locale.EN, Width: 100, Height: 80}); err != nil || img != nil {
		t.Errorf("hook on no data: %d bytes, %v", len(img), err)
	}
}

func be32(b []byte) int { return int(b[0])<<24 | int(b[1])<<16 | int(b[2])<<8 | int(b[3]) }

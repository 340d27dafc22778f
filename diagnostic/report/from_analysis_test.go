package report

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/analysis"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// demoAsOf is the demo's "today" in these tests: data up to October 2026,
// latest assessment on 20 November 2026.
var demoAsOf = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

func analyseDemo(t *testing.T, lang locale.Lang) *analysis.Analysis {
	t.Helper()
	a, err := analysis.Analyse(context.Background(), analysis.DemoSnapshot(demoAsOf), lang)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// chartRecorder is a ChartFunc that draws sample PNGs and records what was
// asked for.
type chartRecorder struct {
	mu   sync.Mutex
	reqs []ChartRequest
}

func (c *chartRecorder) draw(r ChartRequest) ([]byte, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.reqs = append(c.reqs, r)
	return samplePNG(r.Width, r.Height, len(c.reqs)), nil
}

func TestFromAnalysisDemo(t *testing.T) {
	a := analyseDemo(t, locale.ES)
	rec := &chartRecorder{}
	d, err := FromAnalysis(a, Meta{Consultant: Consultant{Name: "Lucía Martínez Ortega"}, Charts: rec.draw})
	if err != nil {
		t.Fatal(err)
	}
	if d.Organisation != "Demo" || !d.AssessmentDate.Equal(a.Assessment.Date) || !d.PreviousDate.Equal(a.Previous.Date) || d.Currency != "EUR" {
		t.Errorf("cover: %q %v %v %q", d.Organisation, d.AssessmentDate, d.PreviousDate, d.Currency)
	}
	// Overall 43.7, level 3 (see analysis tests); seven pillars with the previous scores.
	if d.Overall.Score == nil || *d.Overall.Score != 43.7 || d.Overall.Level != 3 || len(d.Pillars) != 7 {
		t.Errorf("overall %+v, %d pillars", d.Overall, len(d.Pillars))
	}
	for _, p := range d.Pillars {
		if p.Previous == nil || p.Name == "" || p.Name == p.ID {
			t.Errorf("pillar %+v lacks its name or previous score", p)
		}
	}
	if len(d.Strengths) != 3 || len(d.Gaps) != 3 || len(d.Alignment) != 7 || len(d.Departments) != 3 {
		t.Errorf("%d strengths, %d gaps, %d alignment items, %d departments; want 3, 3, 7, 3",
			len(d.Strengths), len(d.Gaps), len(d.Alignment), len(d.Departments))
	}
	// Scorecard: the 13 active plan KPIs (the retired one left out), six key ones.
	if len(d.KPIs) != 13 {
		t.Errorf("%d KPI rows, want 13", len(d.KPIs))
	}
	keys := 0
	for _, k := range d.KPIs {
		if k.Key {
			keys++
		}
		if k.ID == "avg_order_value" {
			t.Error("the retired KPI is on the scorecard")
		}
	}
	if keys != MaxKeyKPIs {
		t.Errorf("%d key KPIs, want %d", keys, MaxKeyKPIs)
	}
	wr := d.KPIs[slices.IndexFunc(d.KPIs, func(k KPIRow) bool { return k.ID == "win_rate" })]
	if wr.Owner != "Javier Morales" || (wr.Status != StatusOffTrack && wr.Status != StatusAtRisk) || wr.Target == nil || *wr.Target != 0.25 ||
		wr.Period != (diagnostic.Month{Year: 2026, Month: time.October}) || wr.Benchmark == nil || wr.Benchmark.Source == "" {
		t.Errorf("win rate row %+v", wr)
	}
	if nps := d.KPIs[slices.IndexFunc(d.KPIs, func(k KPIRow) bool { return k.ID == "nps" })]; nps.Status != StatusNoTarget {
		t.Errorf("NPS has no target: status %q", nps.Status)
	}
	if len(d.Recommendations)+len(d.Keep)+len(d.Later) != len(a.Recommendations) || d.Recommendations[0].Priority != 1 || d.Recommendations[0].Evidence == "" {
		t.Errorf("recommendations %d (want %d), first %+v", len(d.Recommendations), len(a.Recommendations), d.Recommendations[0])
	}
	if n := len(d.Appendix.Answers); n != len(a.Questionnaire.Questions) || len(d.Appendix.Respondents) != 3 || len(d.Appendix.KPIDefinitions) != 13 || len(d.Appendix.Sources) == 0 {
		t.Errorf("appendix: %d answers, %d respondents, %d definitions, %d sources", n, len(d.Appendix.Respondents), len(d.Appendix.KPIDefinitions), len(d.Appendix.Sources))
	}
	// bt_external: marketing answered N/A (0).
	i := slices.IndexFunc(a.Questionnaire.Questions, func(q diagnostic.Question) bool { return q.ID == "bt_external" })
	if v := d.Appendix.Answers[i].Values; !slices.Equal(v, []int{2, 1, diagnostic.NA}) {
		t.Errorf("bt_external answers %v, want [2 1 0]", v)
	}
	// Charts: radar, pillars, alignment, and one trend per KPI off track or worsening.
	kinds := map[ChartKind]int{}
	for _, r := range rec.reqs {
		kinds[r.Kind]++
		if r.Kind == ChartKPITrend && (r.KPI == nil || len(r.Series) != 24) {
			t.Errorf("trend request without its KPI or 24 months: %+v", r.KPI)
		}
	}
	trends := 0
	for _, k := range d.KPIs {
		if k.Chart != nil {
			trends++
		}
	}
	if kinds[ChartRadar] != 1 || kinds[ChartPillars] != 1 || kinds[ChartAlignment] != 1 || kinds[ChartKPITrend] != trends || trends == 0 {
		t.Errorf("chart requests %v, %d trend charts", kinds, trends)
	}
	if d.Charts.Radar == nil || d.Charts.Alignment == nil {
		t.Error("charts not placed")
	}
}

func TestFromAnalysisChartError(t *testing.T) {
	boom := errors.New("boom")
	_, err := FromAnalysis(analyseDemo(t, locale.EN), Meta{Charts: func(ChartRequest) ([]byte, error) { return nil, boom }})
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), "radar") {
		t.Errorf("err = %v, want the chart's error naming the chart", err)
	}
}

// TestDemoReportRenders renders the demo in both languages and reads it
// back with pdftotext.
func TestDemoReportRenders(t *testing.T) {
	needPoppler(t)
	for _, tt := range []struct {
		lang locale.Lang
		want []string
	}{
		{locale.ES, []string{"Demo", "Resumen ejecutivo", "Cuadro de mando de KPI", "20 de noviembre de 2026",
			"44 de 100", "Nivel 3: Definido", "Tasa de cierre", "13,9 %", "402", "Javier Morales", "Lucía Fernández",
			"Alineación entre equipos", "va fuera de plan",
			// The custom KPI's appendix row says what it is rather than staying empty.
			"Demos realizadas KPI propio de tu empresa: tú lo defines y registras su valor cada mes. –"}},
		{locale.EN, []string{"Demo", "Executive summary", "KPI scorecard", "November 20, 2026",
			"44 out of 100", "Level 3: Defined", "Win rate", "13.9%", "402", "Javier Morales", "Lucía Fernández",
			"Cross-team alignment", "is off track",
			"Demos held Your company's own KPI: you define it and record its value each month. –"}},
	} {
		t.Run(string(tt.lang), func(t *testing.T) {
			rec := &chartRecorder{}
			d, err := FromAnalysis(analyseDemo(t, tt.lang), Meta{Charts: rec.draw})
			if err != nil {
				t.Fatal(err)
			}
			path := renderTo(t, "demo_"+string(tt.lang)+".pdf", d, Options{})
			text := pdfText(t, path, 0, 0)
			for _, s := range tt.want {
				if !strings.Contains(text, collapse(s)) {
					t.Errorf("PDF text lacks %q", s)
				}
			}
		})
	}
}

// TestPartialAnalysesRender: an organisation with one respondent and no
// KPI data, and one with nothing but a name, still render.
func TestPartialAnalysesRender(t *testing.T) {
	needPoppler(t)
	demo := analysis.DemoSnapshot(demoAsOf)
	one := demo.Assessments[1]
	one.Respondents = one.Respondents[:1]
	for name, s := range map[string]analysis.Snapshot{
		"one_respondent": {Profile: demo.Profile, Assessments: []diagnostic.Assessment{one}, AsOf: demoAsOf},
		"empty":          {Profile: diagnostic.Profile{Name: "Vacía, S.L.", Currency: "EUR"}, AsOf: demoAsOf},
	} {
		t.Run(name, func(t *testing.T) {
			a, err := analysis.Analyse(context.Background(), s, locale.ES)
			if err != nil {
				t.Fatal(err)
			}
			d, err := FromAnalysis(a, Meta{})
			if err != nil {
				t.Fatal(err)
			}
			path := renderTo(t, name+".pdf", d, Options{})
			text := pdfText(t, path, 0, 0)
			if !strings.Contains(text, s.Profile.Name) {
				t.Errorf("report lacks the organisation %q", s.Profile.Name)
			}
			if strings.Contains(text, "Alineación entre departamentos") || strings.Contains(text, "Cuadro de mando de KPI") {
				t.Error("empty alignment or KPI sections printed")
			}
			// The cover dates the assessment only when there is one; without
			// it the date shown is the report's and is labelled so.
			cover := pdfText(t, path, 1, 1)
			hasAssessment := len(s.Assessments) > 0
			if d.NoAssessment == hasAssessment ||
				strings.Contains(cover, "Fecha de la evaluación") != hasAssessment ||
				strings.Contains(cover, "Fecha del informe") == hasAssessment {
				t.Errorf("cover dates (assessment: %v): %.400s", hasAssessment, cover)
			}
		})
	}
}

func TestExportFromAnalysis(t *testing.T) {
	a := analyseDemo(t, locale.ES)
	e := ExportFromAnalysis(a, Meta{})
	// 3 respondents × 31 questions (sales is not asked lh_sla: 30), N/A and don't know included.
	if len(e.Answers) != 92 || len(e.Scores) != 8 || len(e.Plan) != 14 || len(e.Recommendations) != len(a.Recommendations) {
		t.Errorf("%d answers, %d scores, %d plan items, %d recommendations", len(e.Answers), len(e.Scores), len(e.Plan), len(e.Recommendations))
	}
	if e.Organisation != "Demo" || !e.GeneratedAt.Equal(demoAsOf) || e.AssessmentDate.Format(time.DateOnly) != "2026-11-20" {
		t.Errorf("header %q %v %v", e.Organisation, e.GeneratedAt, e.AssessmentDate)
	}
	// The win rate's target in force at as-of is the revised one: 25 % by December 2026.
	for _, p := range e.Plan {
		if p.KPI == "win_rate" && (p.Target == nil || *p.Target != 0.25 || p.TargetBy.String() != "2026-12") {
			t.Errorf("win rate plan record %+v", p)
		}
		if p.KPI == "nps" && p.Target != nil {
			t.Error("NPS has no target")
		}
	}
	var money bool
	for _, v := range e.KPIValues {
		if v.KPI == "mrr" && v.Currency == "EUR" {
			money = true
		}
	}
	if !money || len(e.KPIValues) < 24*20 {
		t.Errorf("%d KPI values, MRR in EUR %v", len(e.KPIValues), money)
	}
	var b bytes.Buffer
	if err := WriteJSON(&b, e); err != nil {
		t.Fatal(err)
	}
	var back map[string]any
	if err := json.Unmarshal(b.Bytes(), &back); err != nil || back["organisation"] != "Demo" {
		t.Errorf("JSON round trip: %v", err)
	}
	if err := WriteCSVDir(t.TempDir(), e); err != nil {
		t.Errorf("CSV export: %v", err)
	}
	// Nothing at all: empty tables, no panic.
	empty, err := analysis.Analyse(context.Background(), analysis.Snapshot{}, locale.EN)
	if err != nil {
		t.Fatal(err)
	}
	if e := ExportFromAnalysis(empty, Meta{}); len(e.Answers)+len(e.Scores)+len(e.KPIValues)+len(e.Plan) != 0 {
		t.Errorf("empty export has rows: %+v", e)
	}
}

// BenchmarkDemoReport analyses the demo, fills the view model and renders
// the PDF (sample charts): the whole path of `revopsdx report`.
func BenchmarkDemoReport(b *testing.B) {
	s := analysis.DemoSnapshot(demoAsOf)
	rec := &chartRecorder{}
	for b.Loop() {
		a, err := analysis.Analyse(context.Background(), s, locale.ES)
		if err != nil {
			b.Fatal(err)
		}
		d, err := FromAnalysis(a, Meta{Charts: rec.draw})
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if err := Render(context.Background(), &buf, d, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

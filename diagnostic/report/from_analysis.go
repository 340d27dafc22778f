package report

import (
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/analysis"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
)

// Meta is what the report needs beyond the analysis: who prepared it, the
// paper, when, and how to draw charts.
type Meta struct {
	Consultant Consultant
	Paper      Paper // "" = A4 for Spanish, Letter for English
	// Date is the generation time of exports, and the report's date when
	// there is no assessment yet; zero means the analysis's as-of.
	Date time.Time
	// Charts draws the chart images; nil leaves every chart out.
	Charts ChartFunc
	// ChartFormat is the format asked of Charts: "" or ChartSVG (vector
	// graphics in the PDF), ChartPNG for the DOCX report.
	ChartFormat ChartFormat
	// Decisions are the consultant's decisions by recommendation rule id:
	// dismissed ones leave the plan, done ones move to their own list.
	Decisions map[string]Decision
	// Comments are the consultant's commentary by section id.
	Comments map[string]string
}

// MaxKeyKPIs is how many KPIs the executive summary shows.
const MaxKeyKPIs = 6

// Chart sizes in pixels, from docs/REPORT.md: CSS pixels (1/96 inch) at
// the width each chart is printed at on A4 (radar 100 mm, pillar bars and
// alignment 160 mm, trends 89 mm two per row), so that the charts'
// smallest labels (12 px) print at 9 pt, and at 8 pt or more on Letter or
// in the summary (see minChartWidth).
var chartSize = map[ChartKind][2]int{
	ChartRadar: {380, 380}, ChartPillars: {605, 212}, ChartAlignment: {605, 302}, ChartKPITrend: {336, 240},
}

// FromAnalysis fills the report's view model from an analysis, in the
// analysis's language: cover, scores, strengths and gaps, alignment, the
// KPI scorecard of the plan, the recommendations and the appendix. Charts
// are drawn by meta.Charts when set (the KPI trend charts only for KPIs off
// track or worsening, as the report shows them). It fails only when a chart
// fails.
func FromAnalysis(a *analysis.Analysis, meta Meta) (Data, error) {
	d := Data{
		Organisation: a.Snapshot.Profile.Name,
		Consultant:   meta.Consultant,
		Lang:         a.Lang,
		Paper:        meta.Paper,
		Currency:     a.Snapshot.Profile.Currency,
	}
	d.AssessmentDate, d.NoAssessment = reportDate(a, meta), a.Assessment == nil
	if a.Previous != nil {
		d.PreviousDate = a.Previous.Date
	}
	if a.Result != nil {
		fillScores(&d, a)
		fillAlignment(&d, a)
		fillAnswers(&d, a)
	}
	fillKPIs(&d, a)
	fillQuality(&d, a)
	d.Comments = meta.Comments
	if err := fillSynthesis(&d, a); err != nil {
		return Data{}, err
	}
	for _, r := range a.Recommendations {
		d.place(Recommendation{
			ID: r.ID, Title: r.Text, Evidence: a.EvidenceText(r), Owner: a.OwnerName(r.Owner),
			Horizon: Horizon(r.HorizonDays), Kind: r.Kind, Impact: r.Impact, Currency: r.Currency, Later: r.Appendix,
		}, meta.Decisions[r.ID])
	}
	d.orderPlan()
	if err := drawCharts(&d, a, meta.Charts, meta.ChartFormat); err != nil {
		return Data{}, fmt.Errorf("report of %q: %w", d.Organisation, err)
	}
	return d, nil
}

// reportDate is the latest assessment's date, else meta.Date, else as-of.
func reportDate(a *analysis.Analysis, meta Meta) time.Time {
	switch {
	case a.Assessment != nil:
		return a.Assessment.Date
	case !meta.Date.IsZero():
		return meta.Date
	}
	return a.AsOf()
}

func fillScores(d *Data, a *analysis.Analysis) {
	r := a.Result
	d.Overall = Score{Score: r.Overall.Score, Level: deref(r.Overall.Level), Basis: r.Overall.Basis}
	for _, p := range r.Pillars {
		rp := Pillar{ID: p.ID, Name: a.PillarName(p.ID), Score: p.Score, Level: deref(p.Level), Basis: p.Basis}
		if a.PreviousResult != nil {
			if old := a.PreviousResult.Pillar(p.ID); old != nil {
				rp.Previous = old.Score
			}
		}
		d.Pillars = append(d.Pillars, rp)
	}
	finding := func(h diagnostic.Highlight) Finding {
		score := h.Score
		f := Finding{Pillar: a.PillarName(h.Pillar), Score: &score}
		for _, q := range h.Questions {
			f.Questions = append(f.Questions, a.QuestionText(q.Question))
		}
		return f
	}
	for _, h := range r.Strengths {
		d.Strengths = append(d.Strengths, finding(h))
	}
	for _, h := range r.Weaknesses {
		d.Gaps = append(d.Gaps, finding(h))
	}
}

func fillAlignment(d *Data, a *analysis.Analysis) {
	r := a.Result
	d.Departments = slices.Clone(r.Departments)
	for _, g := range r.Gaps {
		it := AlignmentItem{Pillar: a.PillarName(g.Pillar), Question: a.QuestionText(g.Question),
			Values: map[diagnostic.Department]*float64{}, Spread: g.Difference}
		for _, dep := range r.Departments {
			if v, ok := g.Departments[dep]; ok {
				it.Values[dep] = &v
			} else {
				it.Values[dep] = nil
			}
		}
		d.Alignment = append(d.Alignment, it)
	}
}

// fillAnswers lists who answered the latest assessment and each answer.
func fillAnswers(d *Data, a *analysis.Analysis) {
	resp := a.Assessment.Respondents
	for _, r := range resp {
		d.Appendix.Respondents = append(d.Appendix.Respondents, Respondent{Name: r.Name, Department: r.Department})
	}
	for _, q := range a.Questionnaire.Questions {
		row := AnswerRow{Pillar: a.PillarName(q.Pillar), Question: q.Text.In(a.Lang), Values: make([]int, len(resp))}
		for i, r := range resp {
			row.Values[i] = Unanswered
			if ans, ok := r.Answers[q.ID]; ok {
				row.Values[i] = ans.Value
			}
		}
		d.Appendix.Answers = append(d.Appendix.Answers, row)
	}
}

// scorecardKPIs are the KPIs of the scorecard: the active plan's, in plan
// order; without a plan, every KPI with a value, in catalogue order.
func scorecardKPIs(a *analysis.Analysis) []string {
	var ids []string
	for _, id := range a.PlanKPIs() {
		if _, ok := a.Latest(id); ok {
			ids = append(ids, id)
		}
	}
	if len(a.Snapshot.Plan) > 0 {
		return ids
	}
	for _, r := range a.Scorecard {
		if r.Value != nil {
			ids = append(ids, r.KPI)
		}
	}
	return ids
}

// fillQuality lists the data-quality problems of the snapshot's records
// (kpi.AssessQuality as of the analysis date) for the appendix.
func fillQuality(d *Data, a *analysis.Analysis) {
	s := a.Snapshot
	asOf := s.AsOf
	if asOf.IsZero() {
		asOf = a.To.End()
	}
	q := kpi.AssessQuality(kpi.Inputs{Observations: s.Observations, Deals: s.Deals, DealTable: s.DealTable, Customers: s.Customers,
		Transactions: s.Transactions, Leads: s.Leads}, asOf)
	for _, is := range q.Issues {
		row := QualityRow{Code: is.Code, Record: is.Record, Count: is.Count, Total: is.Total, Share: is.Share}
		for _, id := range is.KPIs {
			if def, ok := a.Catalogue.Def(id); ok {
				row.KPIs = append(row.KPIs, def.Name(a.Lang))
			}
		}
		d.Appendix.Quality = append(d.Appendix.Quality, row)
	}
}

// fillKPIs builds the scorecard, the KPI definitions and the benchmark
// sources. The first MaxKeyKPIs KPIs with a value are the summary's.
func fillKPIs(d *Data, a *analysis.Analysis) {
	seen := map[string]bool{}
	keys := 0
	for _, id := range scorecardKPIs(a) {
		r, _ := a.Latest(id)
		row := kpiRow(a, r)
		if row.Latest != nil && keys < MaxKeyKPIs {
			row.Key = true
			keys++
		}
		d.KPIs = append(d.KPIs, row)
		d.Appendix.KPIDefinitions = append(d.Appendix.KPIDefinitions, KPIDefinition{
			Name: r.Def.Name(a.Lang), Definition: r.Def.Definition(a.Lang), Formula: r.Def.FormulaIn(a.Lang), Custom: r.Def.Custom,
		})
		if r.Match != nil && row.Benchmark != nil && !seen[r.Match.Source+r.Match.Year] {
			seen[r.Match.Source+r.Match.Year] = true
			d.Appendix.Sources = append(d.Appendix.Sources, Source{
				Name: r.Match.SourceIn(a.Lang), Year: year(r.Match.Year), Scope: r.Match.Segment(a.Lang),
			})
		}
	}
}

// kpiRow turns a scorecard row into the report's.
func kpiRow(a *analysis.Analysis, r kpi.Row) KPIRow {
	row := KPIRow{
		ID: r.KPI, Name: r.Def.Name(a.Lang), Unit: r.Unit, Direction: r.Def.Direction,
		Latest: r.Value, Period: r.Of.First, Status: statusOf(r), Trend: TrendUnknown,
	}
	if r.Value != nil {
		row.From = r.Window.From
		if r.Interval != nil {
			row.Interval = &[2]float64{r.Interval.Low, r.Interval.High}
		}
	}
	if r.Unit == diagnostic.UnitMoney {
		row.Currency = a.Snapshot.Profile.Currency
	}
	if it, ok := a.PlanItem(r.KPI); ok {
		row.Owner = it.Owner
	}
	if r.Target != nil {
		v := r.Target.Value
		row.Target = &v
	}
	if r.Trend != nil {
		switch r.Trend.Direction {
		case kpi.Improving, kpi.Stable, kpi.Worsening:
			row.Trend = Trend(r.Trend.Direction)
		}
	}
	if b := r.Benchmark; b != nil && (b.P25 != nil || b.Median != nil || b.P75 != nil) {
		row.Benchmark = &Benchmark{P25: b.P25, Median: b.Median, P75: b.P75, Source: b.Source, Year: year(b.Year)}
		if r.Match != nil {
			row.Benchmark.Source = r.Match.Cite(a.Lang)
			row.Benchmark.Year = 0 // Cite already ends with the year
		}
	}
	return row
}

func statusOf(r kpi.Row) Status {
	switch {
	case r.Value == nil:
		return StatusNoData
	case r.Status == kpi.OnTrack:
		return StatusOnTrack
	case r.Status == kpi.AtRisk:
		return StatusAtRisk
	case r.Status == kpi.OffTrack:
		return StatusOffTrack
	}
	return StatusNoTarget
}

// year reads the year a benchmark's year text starts with ("2024",
// "2024 data"); 0 when it has none.
func year(s string) int {
	if len(s) < 4 {
		return 0
	}
	y, err := strconv.Atoi(s[:4])
	if err != nil {
		return 0
	}
	return y
}

func deref(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}

package report

import (
	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/analysis"
)

// ExportFromAnalysis builds the export model of `export-data` from an
// analysis: the latest assessment's answers (questionnaire order, then
// respondent), the overall and pillar scores, every monthly KPI value the
// analysis computed, the whole KPI plan with the target in force at as-of,
// and the recommendations by rank. generatedAt stamps the document (zero:
// the analysis's as-of). Recommendation status and notes are the
// consultant's and live in the store, so they are left empty here.
func ExportFromAnalysis(a *analysis.Analysis, meta Meta) Export {
	e := Export{Organisation: a.Snapshot.Profile.Name, GeneratedAt: meta.Date}
	if e.GeneratedAt.IsZero() {
		e.GeneratedAt = a.AsOf()
	}
	if a.Assessment != nil {
		e.AssessmentDate = Date{a.Assessment.Date}
		for _, q := range a.Questionnaire.Questions {
			for _, r := range a.Assessment.Respondents {
				if ans, ok := r.Answers[q.ID]; ok {
					e.Answers = append(e.Answers, AnswerRecord{Respondent: r.Name, Department: r.Department,
						Question: q.ID, Pillar: q.Pillar, Value: ans.Value, Note: ans.Note})
				}
			}
		}
	}
	if r := a.Result; r != nil {
		e.Scores = append(e.Scores, ScoreRecord{Score: r.Overall.Score, Basis: r.Overall.Basis, Level: deref(r.Overall.Level)})
		for _, p := range r.Pillars {
			e.Scores = append(e.Scores, ScoreRecord{Pillar: p.ID, Score: p.Score, Basis: p.Basis, Level: deref(p.Level)})
		}
	}
	for _, r := range a.KPIRows {
		if r.Value == nil {
			continue
		}
		rec := KPIValueRecord{KPI: r.KPI, Period: r.Of.First, Value: *r.Value, Unit: r.Unit}
		if r.Unit == diagnostic.UnitMoney {
			rec.Currency = a.Snapshot.Profile.Currency
		}
		e.KPIValues = append(e.KPIValues, rec)
	}
	for _, it := range a.Snapshot.Plan {
		rec := PlanRecord{KPI: it.KPI, Owner: it.Owner, Cadence: it.Cadence, Retired: it.Retired}
		if t, ok := a.CurrentTarget(it); ok {
			v, by := t.Value, t.By
			rec.Target, rec.TargetBy = &v, &by
		}
		e.Plan = append(e.Plan, rec)
	}
	for i, r := range a.Recommendations {
		e.Recommendations = append(e.Recommendations, RecommendationRecord{
			Rank: i + 1, ID: r.ID, Text: r.Text, Team: r.Team, HorizonDays: r.HorizonDays,
			Priority: r.Priority, Evidence: a.EvidenceText(r),
		})
	}
	return e
}

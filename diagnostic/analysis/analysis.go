package analysis

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/recommend"
)

// Analysis is everything computed from one Snapshot, in one language (the
// language of the recommendation texts). Absent parts are nil or empty:
// Result is nil before the first assessment, Previous and Change are nil
// with a single assessment, KPIRows is empty without KPI data.
type Analysis struct {
	// Snapshot is the data analysed, with its assessments sorted oldest
	// first; AsOf is the effective "today".
	Snapshot Snapshot
	Lang     locale.Lang

	Questionnaire *diagnostic.Questionnaire
	// Catalogue is the KPI catalogue extended with the organisation's
	// custom KPIs.
	Catalogue *kpi.Catalogue
	Rules     *recommend.RuleSet

	// Assessment is the latest assessment and Result its scores; both nil
	// before the first assessment.
	Assessment *diagnostic.Assessment
	Result     *diagnostic.Result
	// Previous is the assessment before the latest and PreviousResult its
	// scores; Change compares the two. All nil without an earlier one.
	Previous       *diagnostic.Assessment
	PreviousResult *diagnostic.Result
	Change         *diagnostic.Change

	// From and To are the months the KPI rows cover; HasKPIData is false
	// (and KPIRows empty) when the organisation has no KPI data up to AsOf.
	From, To   diagnostic.Month
	HasKPIData bool
	// KPIRows are every KPI × every month From..To, in catalogue order then
	// month order (kpi.Compute).
	KPIRows []kpi.Row
	// Scorecard holds one row per KPI in catalogue order: the latest month
	// with a value, else the row of To (value nil, Missing set).
	Scorecard []kpi.Row

	// PlanFacts summarises the KPI plan for the rules.
	PlanFacts *recommend.PlanFacts
	// RecommendInput is exactly what the recommendation engine was given.
	RecommendInput recommend.Input
	// Recommendations are sorted by priority, highest first.
	Recommendations []recommend.Recommendation

	// Warnings are data problems that did not stop the analysis (an answer
	// outside 1–5 left out of the scores, say), for logs and the GUI.
	Warnings []string
}

// Analyse computes an Analysis of snap in lang. It loads the embedded
// questionnaire, KPI catalogue and rules; scores the latest and previous
// assessments; computes the change; computes the KPI rows monthly over the
// data range up to AsOf and the scorecard; builds the recommendation input
// and generates the recommendations (see docs/ANALYSIS.md for the order).
// Missing data gives a partial Analysis; errors come only from broken
// embedded content, an invalid custom KPI, an unknown language or ctx.
func Analyse(ctx context.Context, snap Snapshot, lang locale.Lang) (*Analysis, error) {
	if !lang.Valid() {
		return nil, fmt.Errorf("analysing %q: language %q: %w", snap.Profile.Name, lang, diagnostic.ErrInvalid)
	}
	a := &Analysis{Snapshot: snap, Lang: lang}
	if a.Snapshot.DealTable == nil {
		a.Snapshot.DealTable = kpi.DealTableOf(snap.Deals) // the one form of deals the analysis reads
	}
	a.Snapshot.Assessments = slices.Clone(snap.Assessments)
	slices.SortStableFunc(a.Snapshot.Assessments, func(x, y diagnostic.Assessment) int { return x.Date.Compare(y.Date) })

	if err := a.load(); err != nil {
		return nil, fmt.Errorf("analysing %q: %w", snap.Profile.Name, err)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("analysing %q: %w", snap.Profile.Name, err)
	}
	a.score()
	a.effectiveAsOf()
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("analysing %q: %w", snap.Profile.Name, err)
	}
	if err := a.computeKPIs(); err != nil {
		return nil, fmt.Errorf("analysing %q: %w", snap.Profile.Name, err)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("analysing %q: %w", snap.Profile.Name, err)
	}
	a.recommend()
	return a, nil
}

// load reads the embedded content and extends the catalogue.
func (a *Analysis) load() error {
	q, err := diagnostic.LoadQuestionnaire()
	if err != nil {
		return fmt.Errorf("loading the questionnaire: %w", err)
	}
	cat, err := kpi.LoadCatalogue()
	if err != nil {
		return fmt.Errorf("loading the KPI catalogue: %w", err)
	}
	if len(a.Snapshot.CustomKPIs) > 0 {
		if cat, err = cat.WithCustom(a.Snapshot.CustomKPIs); err != nil {
			return fmt.Errorf("custom KPIs: %w", err)
		}
	}
	rules, err := recommend.LoadRules()
	if err != nil {
		return fmt.Errorf("loading the recommendation rules: %w", err)
	}
	a.Questionnaire, a.Catalogue, a.Rules = q, cat, rules
	return nil
}

// score scores the latest and previous assessments and compares them.
// An anonymous assessment's respondents are replaced, for everything the
// analysis feeds (results, exports, report, GUI), by
// diagnostic.AnonymousRespondents: no names, small departments merged.
func (a *Analysis) score() {
	as := a.Snapshot.Assessments // Analyse's own copy
	if len(as) == 0 {
		return
	}
	for i := range as {
		if as[i].Anonymous {
			if err := diagnostic.ValidateRespondents(a.Questionnaire, as[i].Respondents); err != nil {
				a.Warnings = append(a.Warnings, fmt.Sprintf("assessment of %s: %v", as[i].Date.Format(time.DateOnly), err))
			}
			as[i].Respondents = diagnostic.AnonymousRespondents(as[i].Respondents)
		}
	}
	a.Assessment = &as[len(as)-1]
	a.Result = a.scoreOne(a.Assessment)
	if len(as) < 2 {
		return
	}
	a.Previous = &as[len(as)-2]
	a.PreviousResult = a.scoreOne(a.Previous)
	c := diagnostic.Compare(a.Result, a.PreviousResult)
	a.Change = &c
}

// scoreOne scores an assessment, noting invalid answers (which scoring
// leaves out) as warnings.
func (a *Analysis) scoreOne(as *diagnostic.Assessment) *diagnostic.Result {
	if as.Anonymous {
		return diagnostic.ScoreAssessment(a.Questionnaire, as) // validated before its names went
	}
	if err := diagnostic.ValidateRespondents(a.Questionnaire, as.Respondents); err != nil {
		a.Warnings = append(a.Warnings, fmt.Sprintf("assessment of %s: %v", as.Date.Format(time.DateOnly), err))
	}
	return diagnostic.ScoreAssessment(a.Questionnaire, as)
}

// effectiveAsOf fills a zero AsOf with the end of the latest data or the
// latest assessment's date, so that a snapshot without one still analyses.
func (a *Analysis) effectiveAsOf() {
	if !a.Snapshot.AsOf.IsZero() {
		return
	}
	if _, to, ok := kpi.DataRange(a.kpiInputs()); ok {
		a.Snapshot.AsOf = to.End().Add(-time.Nanosecond)
	}
	if a.Assessment != nil && a.Assessment.Date.After(a.Snapshot.AsOf) {
		a.Snapshot.AsOf = a.Assessment.Date
	}
}

// AsOf is the effective "today" of the analysis (zero only for a snapshot
// with no data and no assessment).
func (a *Analysis) AsOf() time.Time { return a.Snapshot.AsOf }

// Context is the latest assessment's context (symptom, 12-month objective,
// KPI checklist), zero before the first assessment.
func (a *Analysis) Context() diagnostic.Context {
	if a.Assessment == nil {
		return diagnostic.Context{}
	}
	return a.Assessment.Context
}

package diagnosis

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/analysis"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
	"github.com/revopsdx/revopsdx/diagnostic/recommend"
)

// Diagnose writes the synthesis of a. It only reads a: the binding
// constraint is the first money finding of the plan (recommend ranks by
// money × confidence), the symptom check looks at the KPIs content lists
// for the named symptom, and with preliminary data neither makes a
// performance claim. Errors come only from broken embedded content.
func Diagnose(a *analysis.Analysis) (*Diagnosis, error) {
	c, err := LoadContent()
	if err != nil {
		return nil, fmt.Errorf("diagnosing %q: %w", a.Snapshot.Profile.Name, err)
	}
	w := &writer{a: a, c: c}
	d := &Diagnosis{
		Org: a.Snapshot.Profile.Name, Lang: string(a.Lang),
		Preliminary:  a.RecommendInput.Preliminary,
		Missing:      w.missing(),
		AnswerChecks: w.answerChecks(),
		Strengths:    []string{},
		Actions30:    []Item{},
		Skipped:      []string{},
	}
	if r, q := a.Result, a.Questionnaire; r != nil && q != nil {
		for _, sk := range r.Skipped {
			d.Skipped = append(d.Skipped, q.SkipReason(sk, a.Lang))
		}
	}
	d.Level = w.level()
	d.Change = w.change()
	if !d.Preliminary {
		d.BindingConstraint = w.constraint()
	}
	d.SymptomCheck = w.symptomCheck(d.Preliminary)
	for _, r := range a.Recommendations {
		switch {
		case r.Appendix:
		case r.Kind == recommend.KindCelebration:
			d.Strengths = append(d.Strengths, r.Text)
		case r.HorizonDays == 30:
			d.Actions30 = append(d.Actions30, Item{ID: r.ID, Kind: r.Kind, Owner: a.OwnerName(r.Owner), Text: r.Text, Impact: r.Impact, Currency: r.Currency})
		}
	}
	d.Situation = w.situation(d)
	return d, nil
}

// writer holds what the sentences are written from.
type writer struct {
	a *analysis.Analysis
	c *Content
}

func (w *writer) text(id string, vars map[string]string) string { return w.c.text(id, w.a.Lang, vars) }

func (w *writer) money(v float64) string {
	return w.a.Lang.Money(v, w.a.Snapshot.Profile.Currency, 0)
}

// levelInfo is the maturity level of the latest assessment.
func (w *writer) levelInfo() (diagnostic.Level, bool) {
	r := w.a.Result
	if r == nil || r.Overall.Level == nil {
		return diagnostic.Level{}, false
	}
	return w.a.Questionnaire.LevelInfo(*r.Overall.Level)
}

func (w *writer) level() string {
	l, ok := w.levelInfo()
	if !ok {
		return ""
	}
	return w.text("level", map[string]string{"level": fmt.Sprint(l.Level), "name": l.Name.In(w.a.Lang), "description": l.Description.In(w.a.Lang)})
}

// change says how the overall score and the pillars moved since the
// previous assessment.
func (w *writer) change() string {
	ch, prev := w.a.Change, w.a.Previous
	if ch == nil || prev == nil || ch.Overall.Delta == nil {
		return ""
	}
	l := w.a.Lang
	signed := func(v float64) string {
		s := l.Number(v, 1)
		if v > 0 {
			s = "+" + s
		}
		return s
	}
	out := w.text("change", map[string]string{"date": l.Date(prev.Date.In(time.UTC)), "previous": l.Number(*ch.Overall.Previous, 0),
		"current": l.Number(*ch.Overall.Current, 0), "delta": signed(*ch.Overall.Delta)})
	var best, worst *diagnostic.PillarChange
	for i, p := range ch.Pillars {
		if p.Delta == nil {
			continue
		}
		if best == nil || *p.Delta > *best.Delta {
			best = &ch.Pillars[i]
		}
		if worst == nil || *p.Delta < *worst.Delta {
			worst = &ch.Pillars[i]
		}
	}
	if best != nil && *best.Delta > 0 {
		out += w.text("change_best", map[string]string{"pillar": w.a.PillarName(best.Pillar), "delta": signed(*best.Delta)})
	}
	if worst != nil && *worst.Delta < 0 {
		out += w.text("change_worst", map[string]string{"pillar": w.a.PillarName(worst.Pillar), "delta": signed(*worst.Delta)})
	}
	return out + w.newQuestions()
}

// newQuestions says which questions the current questionnaire added since
// the version the previous assessment was answered with, by the practice
// areas they cover; "" when none (or the previous version is unknown).
func (w *writer) newQuestions() string {
	prev, q := w.a.Previous, w.a.Questionnaire
	if prev == nil || q == nil || prev.QuestionnaireVersion == "" {
		return ""
	}
	ids := q.NewSince(prev.QuestionnaireVersion)
	if len(ids) == 0 {
		return ""
	}
	g, err := diagnostic.LoadGlossary()
	if err != nil {
		return ""
	}
	var areas []string
	for _, id := range ids {
		qu, _ := q.Question(id)
		for _, ar := range qu.Areas {
			if n := lowerFirst(g.AreaName(ar).In(w.a.Lang)); !slices.Contains(areas, n) {
				areas = append(areas, n)
			}
		}
	}
	id := "change_new_questions"
	if len(ids) == 1 {
		id = "change_new_question"
	}
	return w.text(id, map[string]string{"count": fmt.Sprint(len(ids)), "areas": joinList(w, areas)})
}

// top is the binding finding: the first money action or measure of the
// plan (the plan is ranked by money × confidence × symptom boost).
func (w *writer) top() (recommend.Recommendation, bool) {
	for _, r := range w.a.Recommendations {
		if r.Kind != recommend.KindCelebration && !r.Appendix && r.Impact != nil && *r.Impact > 0 {
			return r, true
		}
	}
	return recommend.Recommendation{}, false
}

// subjectName names a finding's subject: a KPI, a pillar or the rule.
func (w *writer) subjectName(r recommend.Recommendation) (name, kpiID, pillar string) {
	if _, ok := w.a.Catalogue.Def(r.Subject); ok {
		return w.a.KPIName(r.Subject), r.Subject, ""
	}
	if slices.Contains(recommend.Pillars, r.Subject) {
		return w.a.PillarName(r.Subject), "", r.Subject
	}
	return r.Subject, "", ""
}

func (w *writer) constraint() *Constraint {
	r, ok := w.top()
	if !ok {
		return nil
	}
	name, kpiID, pillar := w.subjectName(r)
	return &Constraint{
		KPI: kpiID, Pillar: pillar, Impact: *r.Impact, Currency: r.Currency,
		Text: w.text("constraint", map[string]string{"kpi": name, "impact": w.money(*r.Impact),
			"confidence": w.a.Rules.Note("confidence_"+r.Confidence, w.a.Lang), "action": r.Text}),
		Evidence: w.a.EvidenceText(r),
	}
}

// situation is one sentence: level, size and growth, and the binding
// constraint (or why there is none).
func (w *writer) situation(d *Diagnosis) string {
	org := w.a.Snapshot.Profile.Name
	var b strings.Builder
	if l, ok := w.levelInfo(); ok {
		b.WriteString(w.text("situation_level", map[string]string{"org": org, "level": fmt.Sprint(l.Level), "name": l.Name.In(w.a.Lang)}))
	} else {
		b.WriteString(w.text("situation_no_level", map[string]string{"org": org}))
	}
	f := w.a.RecommendInput.Facts
	if !d.Preliminary && f.ARR > 0 {
		b.WriteString(w.text("situation_arr", map[string]string{"arr": w.money(f.ARR)}))
		if r, ok := w.a.Latest("revenue_growth"); ok && r.Value != nil {
			b.WriteString(w.text("situation_growth", map[string]string{"growth": w.a.Lang.Percent(*r.Value, 0)}))
		}
	}
	switch {
	case d.Preliminary:
		b.WriteString(w.text("situation_preliminary", nil))
	case d.BindingConstraint != nil:
		top, _ := w.top()
		name, _, _ := w.subjectName(top)
		b.WriteString(w.text("situation_constraint", map[string]string{"kpi": lowerFirst(name), "impact": w.money(d.BindingConstraint.Impact)}))
	default:
		b.WriteString(w.text("situation_no_constraint", nil))
	}
	return b.String()
}

// lowerFirst lowers the first letter of a name inside a sentence, except
// for acronyms (NRR, CAC).
func lowerFirst(s string) string {
	if len(s) < 2 || strings.ToUpper(s[:2]) == s[:2] {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// missing says what data would complete a preliminary picture.
func (w *writer) missing() []string {
	out := []string{}
	if !w.a.RecommendInput.Preliminary {
		return out
	}
	if !w.a.HasKPIData {
		return append(out, w.text("missing_kpi_data", nil))
	}
	f := w.a.RecommendInput.Facts
	if f.Months < analysis.MinMonths {
		out = append(out, w.text("missing_months", map[string]string{"need": fmt.Sprint(analysis.MinMonths), "have": fmt.Sprint(f.Months)}))
	}
	if w.a.Snapshot.DealCount() > 0 && f.ClosedDeals12 < analysis.MinClosedDeals {
		out = append(out, w.text("missing_deals", map[string]string{"need": fmt.Sprint(analysis.MinClosedDeals), "have": fmt.Sprint(f.ClosedDeals12)}))
	}
	return out
}

// answerChecks lists checklist answers the data contradict: a KPI said to
// be measured that the imported data cannot compute (only once some data
// are imported), and a KPI said not to be measured that the data compute.
func (w *writer) answerChecks() []AnswerCheck {
	out := []AnswerCheck{}
	if !w.a.HasKPIData {
		return out
	}
	cov := w.a.Context().Coverage
	l := w.a.Lang
	for _, d := range w.a.Catalogue.KPIs {
		k, asked := cov[d.ID]
		r, ok := w.a.Latest(d.ID)
		if !asked || !ok {
			continue
		}
		switch {
		case k.Measured && r.Value == nil && len(r.Missing) > 0:
			names := make([]string, len(r.Missing))
			for i, m := range r.Missing {
				names[i] = w.a.Catalogue.MissingLabel(m, l)
			}
			out = append(out, AnswerCheck{Subject: d.ID, Text: w.text("answer_measured_no_data", map[string]string{"kpi": d.Name(l), "missing": joinList(w, names)})})
		case !k.Measured && r.Value != nil:
			out = append(out, AnswerCheck{Subject: d.ID, Text: w.text("answer_not_measured_has_data", map[string]string{"kpi": d.Name(l),
				"value": diagnostic.FormatValue(l, r.Unit, *r.Value, w.a.Snapshot.Profile.Currency)})})
		}
	}
	return out
}

func joinList(w *writer, names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + w.a.Lang.Pick(" y ", " and ") + names[len(names)-1]
}

// bad says whether a KPI row shows a problem: off track or at risk, or
// worse than its benchmark; a worsening trend counts only when neither a
// benchmark nor a target judges the level (a level above the median that
// slips is not yet the problem named). judged is whether anything judges it.
func bad(r kpi.Row) (isBad, judged bool) {
	if r.Value == nil {
		return false, false
	}
	byLevel := r.Benchmark != nil && r.Benchmark.Position != "" || r.Status != kpi.NoStatus
	switch {
	case r.Status == kpi.OffTrack || r.Status == kpi.AtRisk || r.Benchmark != nil && r.Benchmark.Position.Worse():
		return true, true
	case !byLevel && r.Trend != nil && r.Trend.Direction == kpi.Worsening:
		return true, true
	}
	return false, byLevel
}

// leansWorse reports a KPI whose value is on the worse side of its
// benchmark's median while its interval still holds the median (position
// "about the median"): the data neither confirm nor contradict a symptom
// that names it, and the client is not told they are wrong.
func (w *writer) leansWorse(r kpi.Row) bool {
	if r.Value == nil || r.Benchmark == nil || r.Benchmark.Median == nil || r.Benchmark.Position != kpi.AboutMedian {
		return false
	}
	d, ok := w.a.Catalogue.Def(r.KPI)
	if !ok {
		return false
	}
	if d.Direction == diagnostic.LowerIsBetter {
		return *r.Value > *r.Benchmark.Median
	}
	return *r.Value < *r.Benchmark.Median
}

// symptomCheck compares the named symptom with the data.
func (w *writer) symptomCheck(preliminary bool) SymptomCheck {
	s := w.a.Context().Symptom
	if s == "" {
		return SymptomCheck{Verdict: Unknown, Text: w.text("symptom_none", nil)}
	}
	name := w.a.SymptomName(s)
	out := SymptomCheck{Symptom: s, Verdict: Unknown}
	unknown := func(missing string) SymptomCheck {
		out.Text = w.text("symptom_unknown", map[string]string{"symptom": name, "missing": missing})
		return out
	}
	if preliminary {
		return unknown(strings.Join(w.missing(), w.a.Lang.Pick("; ", "; ")))
	}
	switch s {
	case "teams_misaligned":
		return w.alignmentCheck(out, name)
	case "no_clear_numbers":
		if !w.a.HasKPIData {
			out.Verdict = Confirmed
			out.Text = w.text("symptom_confirmed", map[string]string{"symptom": name, "evidence": w.text("symptom_no_data", nil)})
			return out
		}
		var weak []string
		for _, t := range []string{"data_quality", "single_source", "data_collection"} {
			if v, ok := w.a.RecommendInput.Topics[t]; ok && v < 2.5 {
				weak = append(weak, w.a.TopicName(t))
			}
		}
		if len(weak) == 0 {
			return unknown(w.text("symptom_no_data", nil))
		}
		out.Verdict = Confirmed
		out.Text = w.text("symptom_confirmed", map[string]string{"symptom": name, "evidence": w.text("symptom_weak_data", map[string]string{"topics": joinList(w, weak)})})
		return out
	}
	var worse, fine, unclear, absent []string
	for _, id := range w.c.SymptomKPIs[s] {
		r, ok := w.a.Latest(id)
		isBad, judged := bad(r)
		switch {
		case !ok || r.Value == nil:
			absent = append(absent, w.a.KPIName(id))
		case isBad:
			worse = append(worse, w.kpiPhrase(r))
		case w.leansWorse(r):
			unclear = append(unclear, w.kpiPhrase(r))
		case judged:
			fine = append(fine, w.kpiPhrase(r))
		}
	}
	switch {
	case len(worse) > 0:
		out.Verdict = Confirmed
		out.Text = w.text("symptom_confirmed", map[string]string{"symptom": name, "evidence": joinList(w, worse)})
	case len(unclear) > 0:
		out.Text = w.text("symptom_unclear", map[string]string{"symptom": name, "evidence": joinList(w, unclear)})
	case len(fine) > 0:
		out.Verdict = Contradicted
		out.Text = w.text("symptom_contradicted", map[string]string{"symptom": name, "evidence": joinList(w, fine)})
	default:
		return unknown(w.text("symptom_kpis_missing", map[string]string{"kpis": joinList(w, absent)}))
	}
	return out
}

// kpiPhrase is "Win rate 14.3% against 19%": the value and the reference
// it is judged by (benchmark, else target).
func (w *writer) kpiPhrase(r kpi.Row) string {
	l, cur := w.a.Lang, w.a.Snapshot.Profile.Currency
	ref := ""
	switch {
	case r.Benchmark != nil && r.Benchmark.Median != nil:
		ref = w.text("kpi_reference", map[string]string{"reference": diagnostic.FormatValue(l, r.Unit, *r.Benchmark.Median, cur)})
	case r.Target != nil:
		ref = w.text("kpi_reference", map[string]string{"reference": diagnostic.FormatValue(l, r.Unit, r.Target.Value, cur)})
	}
	return w.text("kpi_bad", map[string]string{"kpi": w.a.KPIName(r.KPI), "value": diagnostic.FormatValue(l, r.Unit, *r.Value, cur), "reference": ref})
}

// alignmentCheck checks "teams misaligned" against the department gaps.
func (w *writer) alignmentCheck(out SymptomCheck, name string) SymptomCheck {
	r := w.a.Result
	if r == nil || len(r.Departments) < 2 {
		out.Text = w.text("symptom_unknown", map[string]string{"symptom": name, "missing": w.text("symptom_one_department", nil)})
		return out
	}
	gaps := analysis.GapsByPillar(r)
	var names []string
	for _, p := range recommend.Pillars {
		if g, ok := gaps[p]; ok && g.Largest >= 2 {
			names = append(names, w.a.PillarName(p))
		}
	}
	if len(names) == 0 {
		out.Verdict = Contradicted
		out.Text = w.text("symptom_contradicted", map[string]string{"symptom": name, "evidence": w.text("symptom_no_gaps", nil)})
		return out
	}
	out.Verdict = Confirmed
	out.Text = w.text("symptom_confirmed", map[string]string{"symptom": name, "evidence": w.text("symptom_gaps", map[string]string{"pillars": joinList(w, names)})})
	return out
}

package diagnostic

import "math"

// item is one scored item while scoring: a question or the checklist.
type item struct {
	id, pillar string
	weight     float64
	topics     []string
	sum        float64 // sum of 1–5 answers
	n, na, dk  int     // 1–5 answers, N/A, don't know
	hidden     int     // respondents whose gate answer hid the question
	skip       *Skip   // set when the question was hidden from everyone
	notAsked   bool    // hidden from some, answered 1–5 by none: out of the weights
	dept       map[Department]*meanAcc
	value      *float64 // mean answer, or checklist level
}

type meanAcc struct {
	sum float64
	n   int
}

func (m *meanAcc) mean() float64 { return m.sum / float64(m.n) }

// Score scores an assessment: the respondents' answers and the KPI coverage
// checklist (nil when the checklist was not answered; an empty, non-nil map
// means "nothing measured"). The assessment's answer to a question is the
// mean of its respondents' 1–5 answers; N/A, "don't know" and missing
// answers are left out, as are values outside 1–5 (validate input with
// ValidateRespondents). A question a respondent's gate answer hides (see
// Questionnaire.Shown) was not asked of them: hidden from some respondents
// and answered 1–5 by none of the others, it is left out of its pillar's
// weight, so it lowers neither the score nor the basis; hidden from every
// respondent, it is also listed in Result.Skipped with the reason. Answers
// to retired questions are ignored.
// See docs/QUESTIONNAIRE.md for the method.
func Score(q *Questionnaire, respondents []Respondent, coverage map[string]KPICoverage) *Result {
	items := collect(q, respondents, coverage)
	r := &Result{Respondents: len(respondents), Topics: map[string]float64{}}
	r.Departments = answeringDepartments(items)
	r.DepartmentRespondents = departmentRespondents(respondents)
	for _, it := range items {
		r.Questions = append(r.Questions, it.result())
	}
	for _, p := range q.Pillars {
		r.Pillars = append(r.Pillars, scorePillar(q, p.ID, items, r.Departments))
	}
	r.Overall = overall(q, r.Pillars)
	for _, it := range items {
		if it.skip != nil {
			r.Skipped = append(r.Skipped, *it.skip)
		}
	}
	r.Gaps = findGaps(r.Questions)
	r.Topics = topicLevels(items)
	r.Strengths, r.Weaknesses = highlights(q, r)
	return r
}

// overall combines the pillars, weighted by pillar weight: the score is the
// mean of the scored pillars, the basis the mean of all pillars' bases, the
// alignment the mean of the pillars that have one. The score is nil when no
// pillar is scored or the overall basis is under MinBasis.
func overall(q *Questionnaire, pillars []PillarResult) Overall {
	var wAll, wBasis, wScored, wScore, wAligned, wAlign float64
	for i, p := range q.Pillars {
		pr := pillars[i]
		wAll += p.Weight
		wBasis += p.Weight * pr.Basis
		if pr.Score != nil {
			wScored += p.Weight
			wScore += p.Weight * *pr.Score
		}
		if pr.Alignment != nil {
			wAligned += p.Weight
			wAlign += p.Weight * *pr.Alignment
		}
	}
	var o Overall
	if wAll == 0 {
		return o
	}
	o.Basis = round(wBasis/wAll, 3)
	if wScored > 0 && wBasis/wAll >= MinBasis-1e-9 {
		o.Score, o.Level = scoreAndLevel(q, wScore/wScored)
	}
	if wAligned > 0 {
		o.Alignment = ptr(round(wAlign/wAligned, 1))
	}
	return o
}

// collect gathers every respondent's answers per item, in questionnaire
// order, with the checklist after the last question of its pillar.
func collect(q *Questionnaire, respondents []Respondent, coverage map[string]KPICoverage) []*item {
	var items []*item
	for _, qu := range q.Questions {
		it := &item{id: qu.ID, pillar: qu.Pillar, weight: qu.Weight, topics: qu.Topics, dept: map[Department]*meanAcc{}}
		var gateSum float64
		for _, rs := range respondents {
			if !q.Shown(&qu, rs.Answers) {
				it.hidden++
				gateSum += float64(rs.Answers[qu.ShowIf.Question].Value)
				continue // not asked: any answer given anyway is left out
			}
			a, ok := rs.Answers[qu.ID]
			switch {
			case !ok:
			case a.Value == NA:
				it.na++
			case a.Value == DontKnow:
				it.dk++
			case a.Value >= 1 && a.Value <= 5:
				v := float64(a.Value)
				it.sum += v
				it.n++
				if rs.Department == "" {
					break // counts in the scores, in no department view (AnonymousRespondents)
				}
				m := it.dept[rs.Department]
				if m == nil {
					m = &meanAcc{}
					it.dept[rs.Department] = m
				}
				m.sum += v
				m.n++
			}
		}
		if it.n > 0 {
			it.value = ptr(it.sum / float64(it.n))
		}
		it.notAsked = it.hidden > 0 && it.n == 0
		if it.hidden > 0 && it.hidden == len(respondents) {
			it.skip = &Skip{Question: qu.ID, Pillar: qu.Pillar, Gate: qu.ShowIf.Question, Min: qu.ShowIf.Min, Max: qu.ShowIf.Max,
				GateValue: round(gateSum/float64(it.hidden), 2)}
		}
		items = append(items, it)
	}
	cl := &item{id: CoverageItem, pillar: q.Checklist.Pillar, weight: q.Checklist.Weight, topics: q.Checklist.Topics}
	if coverage != nil {
		cl.value = ptr(1 + 4*CoverageLevel(&q.Checklist, coverage))
		cl.n = 1
	}
	at := len(items)
	for i, it := range items {
		if it.pillar == cl.pillar {
			at = i + 1
		}
	}
	return append(items[:at], append([]*item{cl}, items[at:]...)...)
}

// result converts an item to its public form.
func (it *item) result() QuestionResult {
	qr := QuestionResult{ID: it.id, Pillar: it.pillar, Weight: it.weight, Answers: it.n, NA: it.na, DontKnow: it.dk,
		Skipped: it.skip != nil}
	if it.value != nil {
		qr.Value = ptr(round(*it.value, 2))
		qr.Score = ptr(round(valueScore(*it.value), 1))
	}
	if len(it.dept) > 0 {
		qr.Departments = map[Department]float64{}
		lo, hi := math.Inf(1), math.Inf(-1)
		for d, m := range it.dept {
			v := m.mean()
			qr.Departments[d] = round(v, 2)
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
		qr.Spread = round(hi-lo, 2)
	}
	return qr
}

// scorePillar computes one pillar's score, basis, level, department scores
// and alignment index.
func scorePillar(q *Questionnaire, id string, items []*item, depts []Department) PillarResult {
	pr := PillarResult{ID: id}
	var total, answered, weighted float64
	var alignW, alignSpread []float64
	var replies int
	for _, it := range items {
		if it.pillar != id || it.notAsked {
			continue // hidden, and nobody it was shown to answered it: not asked
		}
		pr.DontKnow += it.dk
		replies += it.n + it.na + it.dk
		total += it.weight
		if it.value != nil {
			answered += it.weight
			weighted += it.weight * valueScore(*it.value)
		}
		if len(it.dept) >= 2 {
			alignW = append(alignW, it.weight)
			alignSpread = append(alignSpread, spread(it))
		}
	}
	if replies > 0 {
		pr.DontKnowShare = round(float64(pr.DontKnow)/float64(replies), 3)
	}
	if total == 0 {
		return pr
	}
	pr.Basis = round(answered/total, 3)
	if answered/total >= MinBasis-1e-9 {
		pr.Score, pr.Level = scoreAndLevel(q, weighted/answered)
	}
	if a, ok := AlignmentIndex(alignW, alignSpread); ok {
		pr.Alignment = ptr(round(a, 1))
	}
	pr.Departments = departmentScores(id, items, depts)
	return pr
}

// departmentScores scores a pillar from each department's own answers
// (questions only, not the checklist), keeping departments whose answered
// weight reaches MinBasis of the pillar's question weight.
func departmentScores(pillar string, items []*item, depts []Department) map[Department]float64 {
	out := map[Department]float64{}
	for _, d := range depts {
		var total, answered, weighted float64
		for _, it := range items {
			if it.pillar != pillar || it.id == CoverageItem || it.notAsked {
				continue
			}
			total += it.weight
			if m := it.dept[d]; m != nil {
				answered += it.weight
				weighted += it.weight * valueScore(m.mean())
			}
		}
		if total > 0 && answered/total >= MinBasis-1e-9 {
			out[d] = round(weighted/answered, 1)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// departmentRespondents counts, per department, the respondents with at
// least one answer; respondents without a department (AnonymousRespondents)
// are in no department view and not counted.
func departmentRespondents(respondents []Respondent) map[Department]int {
	out := map[Department]int{}
	for _, rs := range respondents {
		if rs.Department != "" && len(rs.Answers) > 0 {
			out[rs.Department]++
		}
	}
	return out
}

// answeringDepartments lists the departments with at least one 1–5 answer,
// known departments in display order first, then any others.
func answeringDepartments(items []*item) []Department {
	seen := map[Department]bool{}
	for _, it := range items {
		for d := range it.dept {
			seen[d] = true
		}
	}
	var out []Department
	for _, d := range allDepartments {
		if seen[d] {
			out = append(out, d)
			delete(seen, d)
		}
	}
	var rest []Department
	for d := range seen {
		rest = append(rest, d)
	}
	sortStrings(rest)
	return append(out, rest...)
}

// spread is the largest difference between two departments' mean answers.
func spread(it *item) float64 {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, m := range it.dept {
		v := m.mean()
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	return hi - lo
}

// topicLevels is the weighted mean answer (1–5) of the answered items of
// each recommendation topic.
func topicLevels(items []*item) map[string]float64 {
	sum, w := map[string]float64{}, map[string]float64{}
	for _, it := range items {
		if it.value == nil {
			continue
		}
		for _, t := range it.topics {
			sum[t] += it.weight * *it.value
			w[t] += it.weight
		}
	}
	out := make(map[string]float64, len(sum))
	for t := range sum {
		out[t] = round(sum[t]/w[t], 2)
	}
	return out
}

// valueScore maps an answer on the 1–5 scale to 0–100 (1→0 … 5→100).
func valueScore(v float64) float64 { return (v - 1) * 25 }

// scoreAndLevel rounds a score to one decimal and finds its level.
func scoreAndLevel(q *Questionnaire, s float64) (*float64, *int) {
	rs := round(s, 1)
	lvl := q.LevelFor(rs).Level
	return &rs, &lvl
}

func round(x float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(x*p) / p
}

func ptr[T any](v T) *T { return &v }

// ScoreAssessment scores a stored assessment: its respondents and its KPI
// checklist.
func ScoreAssessment(q *Questionnaire, a *Assessment) *Result {
	return Score(q, a.Respondents, a.Context.Coverage)
}

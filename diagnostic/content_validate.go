package diagnostic

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

var idPattern = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// contentErrors collects every problem found in the content, each naming
// where it is, so one test run shows them all.
type contentErrors []string

func (c *contentErrors) addf(format string, a ...any) { *c = append(*c, fmt.Sprintf(format, a...)) }

func (c contentErrors) err() error {
	if len(c) == 0 {
		return nil
	}
	return fmt.Errorf("%d content problem(s): %s: %w", len(c), strings.Join(c, "; "), ErrInvalid)
}

// text checks that both languages are filled in.
func (c *contentErrors) text(where string, t Text) {
	if strings.TrimSpace(t.ES) == "" {
		c.addf("%s: Spanish text missing", where)
	}
	if strings.TrimSpace(t.EN) == "" {
		c.addf("%s: English text missing", where)
	}
}

// Validate checks the structure of the content: unique well-formed ids,
// both languages everywhere, five options per question, known pillars and
// topics, positive weights, increasing level thresholds starting at 0, the
// two context questions with their fixed option ids, and a checklist with
// the four KPI families.
func (q *Questionnaire) Validate() error {
	var c contentErrors
	if q.Version == "" {
		c.addf("version missing")
	}
	if q.Timing.WordsPerMinute.ES <= 0 || q.Timing.WordsPerMinute.EN <= 0 || q.Timing.SecondsPerDecision < 0 || q.Timing.MaxMinutes <= 0 {
		c.addf("timing: words_per_minute (es and en) and max_minutes must be > 0, seconds_per_decision >= 0")
	}
	if q.Timing.ShortMaxMinutes < 0 || q.Timing.ShortMaxMinutes > q.Timing.MaxMinutes {
		c.addf("timing: short_max_minutes must be between 0 (no short mode) and max_minutes")
	}
	c.text("not_applicable", q.NotApplicable)
	c.text("dont_know", q.DontKnow)
	c.text("skip_texts.reason", q.SkipTexts.Reason)
	c.text("skip_texts.min", q.SkipTexts.Min)
	c.text("skip_texts.max", q.SkipTexts.Max)
	c.text("skip_texts.both", q.SkipTexts.Both)
	q.validatePillars(&c)
	q.validateQuestions(&c)
	q.validateRetired(&c)
	q.validateLevels(&c)
	q.validateContext(&c)
	q.validateChecklist(&c)
	q.validateProfile(&c)
	q.validateDepartments(&c)
	return c.err()
}

func (q *Questionnaire) validatePillars(c *contentErrors) {
	if len(q.Pillars) == 0 {
		c.addf("no pillars")
	}
	seen := map[string]bool{}
	for i, p := range q.Pillars {
		where := fmt.Sprintf("pillars[%d] %q", i, p.ID)
		if !contains(allPillarIDs, p.ID) {
			c.addf("%s: unknown pillar id (use one of %v)", where, allPillarIDs)
		}
		if seen[p.ID] {
			c.addf("%s: duplicate id", where)
		}
		seen[p.ID] = true
		if p.Weight <= 0 {
			c.addf("%s: weight must be > 0", where)
		}
		c.text(where+".name", p.Name)
		c.text(where+".description", p.Description)
	}
}

func (q *Questionnaire) validateQuestions(c *contentErrors) {
	seen := map[string]bool{CoverageItem: true}
	for i, qu := range q.Questions {
		where := fmt.Sprintf("questions[%d] %q", i, qu.ID)
		if !idPattern.MatchString(qu.ID) {
			c.addf("%s: id must be lower_snake_case", where)
		}
		if seen[qu.ID] {
			c.addf("%s: duplicate or reserved id", where)
		}
		seen[qu.ID] = true
		if _, ok := q.pillarIdx[qu.Pillar]; !ok {
			c.addf("%s: unknown pillar %q", where, qu.Pillar)
		}
		if qu.Weight <= 0 {
			c.addf("%s: weight must be > 0", where)
		}
		c.text(where+".text", qu.Text)
		c.text(where+".help", qu.Help)
		if len(qu.Options) != 5 {
			c.addf("%s: %d options, want 5", where, len(qu.Options))
		}
		for j, o := range qu.Options {
			c.text(fmt.Sprintf("%s.options[%d]", where, j), o)
		}
		if len(qu.Topics) == 0 {
			c.addf("%s: no topics", where)
		}
		for _, t := range qu.Topics {
			if !contains(allTopics, t) {
				c.addf("%s: unknown topic %q", where, t)
			}
		}
		for _, k := range qu.KPIs {
			if !idPattern.MatchString(k) {
				c.addf("%s: malformed KPI id %q", where, k)
			}
		}
		if len(qu.Areas) == 0 {
			c.addf("%s: no areas", where)
		}
		for _, a := range qu.Areas {
			if !idPattern.MatchString(a) {
				c.addf("%s: malformed area id %q", where, a)
			}
		}
		if qu.Since != "" && versionLess(q.Version, qu.Since) {
			c.addf("%s: since %q is later than the questionnaire version %q", where, qu.Since, q.Version)
		}
		q.validateShowIf(c, where, i, qu.ShowIf)
	}
}

// validateShowIf checks a gate: an earlier question (so gates never form a
// loop), a range within 1–5 that is not empty, and one that hides
// something.
func (q *Questionnaire) validateShowIf(c *contentErrors, where string, i int, s *ShowIf) {
	if s == nil {
		return
	}
	if j, ok := q.questionIdx[s.Question]; !ok || j >= i {
		c.addf("%s: show_if.question %q must be an earlier question", where, s.Question)
	}
	lo, hi := s.Min, s.Max
	if hi == 0 {
		hi = 5
	}
	if lo == 0 {
		lo = 1
	}
	switch {
	case s.Min < 0 || s.Min > 5 || s.Max < 0 || s.Max > 5:
		c.addf("%s: show_if min and max must be within 1–5", where)
	case s.Min == 0 && s.Max == 0, lo == 1 && hi == 5:
		c.addf("%s: show_if needs a min or a max that hides some answers", where)
	case lo > hi:
		c.addf("%s: show_if min %d above max %d", where, s.Min, s.Max)
	}
}

// validateRetired checks the retired questions: well-formed ids no current
// question uses, each with the version that retired it and why.
func (q *Questionnaire) validateRetired(c *contentErrors) {
	for i, r := range q.Retired {
		where := fmt.Sprintf("retired[%d] %q", i, r.ID)
		if !idPattern.MatchString(r.ID) {
			c.addf("%s: id must be lower_snake_case", where)
		}
		if _, ok := q.questionIdx[r.ID]; ok {
			c.addf("%s: still a current question", where)
		}
		if r.In == "" {
			c.addf("%s: in (the version that retired it) missing", where)
		}
		c.text(where+".why", r.Why)
	}
}

func (q *Questionnaire) validateLevels(c *contentErrors) {
	if len(q.Levels) != 5 {
		c.addf("levels: %d, want 5", len(q.Levels))
		return
	}
	for i, l := range q.Levels {
		where := fmt.Sprintf("levels[%d]", i)
		if l.Level != i+1 {
			c.addf("%s: level %d, want %d", where, l.Level, i+1)
		}
		if i == 0 && l.MinScore != 0 {
			c.addf("%s: min_score must be 0", where)
		}
		if i > 0 && l.MinScore <= q.Levels[i-1].MinScore {
			c.addf("%s: min_score %g not above the previous level's", where, l.MinScore)
		}
		if l.MinScore > 100 {
			c.addf("%s: min_score above 100", where)
		}
		c.text(where+".name", l.Name)
		c.text(where+".description", l.Description)
	}
}

func (q *Questionnaire) validateContext(c *contentErrors) {
	want := map[string][]string{ContextSymptom: allSymptoms, ContextObjective: objectiveIDs()}
	if len(q.Context) != len(want) {
		c.addf("context: %d questions, want %d (%s, %s)", len(q.Context), len(want), ContextSymptom, ContextObjective)
	}
	for i, cq := range q.Context {
		where := fmt.Sprintf("context[%d] %q", i, cq.ID)
		ids, ok := want[cq.ID]
		if !ok {
			c.addf("%s: unknown context question", where)
			continue
		}
		delete(want, cq.ID)
		c.text(where+".text", cq.Text)
		c.text(where+".help", cq.Help)
		var got []string
		for j, o := range cq.Options {
			got = append(got, o.ID)
			c.text(fmt.Sprintf("%s.options[%d]", where, j), o.Label)
		}
		if !sameSet(got, ids) {
			c.addf("%s: options %v, want exactly %v", where, got, ids)
		}
	}
}

func (q *Questionnaire) validateChecklist(c *contentErrors) {
	cl := q.Checklist
	if _, ok := q.pillarIdx[cl.Pillar]; !ok {
		c.addf("checklist: unknown pillar %q", cl.Pillar)
	}
	if cl.Weight <= 0 {
		c.addf("checklist: weight must be > 0")
	}
	for _, t := range cl.Topics {
		if !contains(allTopics, t) {
			c.addf("checklist: unknown topic %q", t)
		}
	}
	c.text("checklist.text", cl.Text)
	c.text("checklist.help", cl.Help)
	var fams []string
	seen := map[string]bool{}
	for i, f := range cl.Families {
		fams = append(fams, f.ID)
		where := fmt.Sprintf("checklist.families[%d] %q", i, f.ID)
		c.text(where+".name", f.Name)
		if len(f.KPIs) == 0 {
			c.addf("%s: no KPIs", where)
		}
		for j, k := range f.KPIs {
			kw := fmt.Sprintf("%s.kpis[%d] %q", where, j, k.ID)
			if !idPattern.MatchString(k.ID) || seen[k.ID] {
				c.addf("%s: malformed or duplicate KPI id", kw)
			}
			seen[k.ID] = true
			c.text(kw+".name", k.Name)
		}
	}
	if !sameSet(fams, allKPIFamilies) {
		c.addf("checklist: families %v, want %v", fams, allKPIFamilies)
	}
}

func (q *Questionnaire) validateProfile(c *contentErrors) {
	seen := map[string]bool{}
	for i, f := range q.Profile {
		where := fmt.Sprintf("profile[%d] %q", i, f.ID)
		if !idPattern.MatchString(f.ID) || seen[f.ID] {
			c.addf("%s: malformed or duplicate id", where)
		}
		seen[f.ID] = true
		c.text(where+".label", f.Label)
		for j, o := range f.Options {
			c.text(fmt.Sprintf("%s.options[%d] %q", where, j, o.ID), o.Label)
		}
	}
}

func (q *Questionnaire) validateDepartments(c *contentErrors) {
	var ids []string
	for i, d := range q.Departments {
		ids = append(ids, d.ID)
		c.text(fmt.Sprintf("departments[%d] %q.label", i, d.ID), d.Label)
	}
	if !sameSet(ids, strs(allDepartments)) {
		c.addf("departments: %v, want %v", ids, allDepartments)
	}
}

// strs converts a list of string-based ids to plain strings.
func strs[T ~string](s []T) []string {
	out := make([]string, len(s))
	for i, v := range s {
		out[i] = string(v)
	}
	return out
}

// CheckProduct applies the rules the shipped questionnaire must meet on top
// of Validate: all seven pillars in order, named as the glossary names
// them, 28–35 scored questions with 3–6 per pillar, N/A allowed everywhere,
// every area a glossary area and every required area (RequiredAreas)
// covered, an estimated completion time on the median path within
// Timing.MaxMinutes in each language, and a short mode (checkShort).
func (q *Questionnaire) CheckProduct() error {
	var errs contentErrors
	var ids []string
	for _, p := range q.Pillars {
		ids = append(ids, p.ID)
	}
	if strings.Join(ids, ",") != strings.Join(allPillarIDs, ",") {
		errs.addf("pillars %v, want %v", ids, allPillarIDs)
	}
	if n := len(q.Questions); n < 28 || n > 35 {
		errs.addf("%d scored questions, want 28 to 35", n)
	}
	for _, p := range q.Pillars {
		if n := len(q.QuestionsOf(p.ID)); n < 3 || n > 6 {
			errs.addf("pillar %q has %d questions, want 3 to 6", p.ID, n)
		}
	}
	g, err := LoadGlossary()
	if err != nil {
		return err
	}
	covered := map[string]bool{}
	for _, qu := range q.Questions {
		if !qu.AllowsNA {
			errs.addf("question %q: allows_na must be true", qu.ID)
		}
		for _, a := range qu.Areas {
			if _, ok := g.Areas[a]; !ok {
				errs.addf("question %q: area %q is not in %s", qu.ID, a, GlossaryFile)
			}
			covered[a] = true
		}
	}
	for _, a := range RequiredAreas {
		if !covered[a] {
			errs.addf("required area %q: no question covers it", a)
		}
	}
	for _, p := range q.Pillars {
		if want, ok := g.Pillars[p.ID]; ok && p.Name != want {
			errs.addf("pillar %q: named %q / %q, the glossary says %q / %q", p.ID, p.Name.ES, p.Name.EN, want.ES, want.EN)
		}
	}
	q.checkShort(&errs)
	for _, l := range locale.Langs() {
		est := q.EstimateTiming(l)
		if est.Minutes() > q.Timing.MaxMinutes {
			errs.addf("estimated time in %s is %.2f min, over %g", l, est.Minutes(), q.Timing.MaxMinutes)
		}
	}
	return errs.err()
}

func objectiveIDs() []string { return strs(allObjectives) }

// sameSet reports whether a and b hold the same ids, ignoring order; a
// duplicate in a makes it differ.
func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	x := append([]string(nil), a...)
	y := append([]string(nil), b...)
	sort.Strings(x)
	sort.Strings(y)
	return strings.Join(x, ",") == strings.Join(y, ",")
}

package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"os"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// questionsCommand prints the diagnostic questionnaire in one language.
func questionsCommand() *Command {
	return &Command{
		Name:    "questions",
		Args:    "[--lang es|en] [--short] [--json]",
		Summary: "print the diagnostic questionnaire (pillars, questions, levels, estimated time)",
		Setup: func(fs *flag.FlagSet) RunFunc {
			lang := fs.String("lang", "", "language, es or en (default: the system language, else en)")
			short := fs.Bool("short", false, "only the short mode for a first call: one question per area, every pillar, no KPI checklist")
			asJSON := fs.Bool("json", false, "print JSON: pillars, areas, questions, levels, context, checklist, estimated_minutes (and estimated_minutes_short) per language")
			return func(_ context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return Usagef("unexpected argument %q", args[0])
				}
				l, err := contentLang(*lang)
				if err != nil {
					return err
				}
				q, err := diagnostic.LoadQuestionnaire()
				if err != nil {
					return fmt.Errorf("loading the questionnaire: %w", err)
				}
				full := q
				if *short {
					if !q.HasShortMode() {
						return fmt.Errorf("questionnaire %s has no short mode", q.Version)
					}
					q = q.Short()
				}
				if *asJSON {
					v, err := questionsView(q, l)
					if err != nil {
						return err
					}
					v.Short = *short
					return writeJSON(env.Stdout, v)
				}
				return printQuestions(env.Stdout, full, q, l)
			}
		},
	}
}

// contentLang resolves the --lang flag: es or en, else the system language
// ($LC_ALL, $LC_MESSAGES, $LANG), else English.
func contentLang(flagValue string) (locale.Lang, error) {
	if flagValue != "" {
		l, err := locale.ParseLang(flagValue)
		if err != nil {
			return "", Usagef("--lang: %v", err)
		}
		return l, nil
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := os.Getenv(v); s != "" {
			return locale.FromSystem(s), nil
		}
	}
	return locale.EN, nil
}

type qnPillarView struct {
	ID     string  `json:"id"`
	Name   string  `json:"name"`
	Weight float64 `json:"weight"`
}

type qnQuestionView struct {
	ID       string             `json:"id"`
	Pillar   string             `json:"pillar"`
	Weight   float64            `json:"weight"`
	Areas    []string           `json:"areas"`
	Short    bool               `json:"short,omitempty"`
	ShowIf   *diagnostic.ShowIf `json:"show_if,omitempty"`
	Since    string             `json:"since,omitempty"`
	Text     string             `json:"text"`
	Help     string             `json:"help"`
	Options  []string           `json:"options"`
	AllowsNA bool               `json:"allows_na"`
	Topics   []string           `json:"topics"`
	KPIs     []string           `json:"kpis"`
}

type qnLevelView struct {
	Level       int     `json:"level"`
	Name        string  `json:"name"`
	MinScore    float64 `json:"min_score"`
	Description string  `json:"description"`
}

type qnChoiceView struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

type qnContextView struct {
	ID      string         `json:"id"`
	Text    string         `json:"text"`
	Help    string         `json:"help"`
	Options []qnChoiceView `json:"options"`
}

type qnFamilyView struct {
	ID   string         `json:"id"`
	Name string         `json:"name"`
	KPIs []qnChoiceView `json:"kpis"`
}

type qnChecklistView struct {
	Pillar   string         `json:"pillar"`
	Weight   float64        `json:"weight"`
	Text     string         `json:"text"`
	Help     string         `json:"help"`
	Families []qnFamilyView `json:"families"`
}

// qnTimingView is the timing model's estimate of one language's median
// path (every question answered 3).
type qnTimingView struct {
	Words          int     `json:"words"`
	Decisions      int     `json:"decisions"`
	Questions      int     `json:"questions"`
	WordsPerMinute float64 `json:"words_per_minute"`
	SecondsPerDec  float64 `json:"seconds_per_decision"`
	Minutes        float64 `json:"minutes"`
}

type qnRetiredView struct {
	ID  string `json:"id"`
	In  string `json:"in"`
	Why string `json:"why"`
}

type qnQuestionnaireView struct {
	Version          string                  `json:"version"`
	Language         locale.Lang             `json:"language"`
	NotApplicable    string                  `json:"not_applicable"`
	DontKnow         string                  `json:"dont_know"`
	Pillars          []qnPillarView          `json:"pillars"`
	Areas            []qnChoiceView          `json:"areas"`
	Questions        []qnQuestionView        `json:"questions"`
	Retired          []qnRetiredView         `json:"retired"`
	Levels           []qnLevelView           `json:"levels"`
	Context          []qnContextView         `json:"context"`
	Checklist        qnChecklistView         `json:"checklist"`
	EstimatedMinutes map[string]float64      `json:"estimated_minutes"`
	MedianPath       map[string]qnTimingView `json:"median_path"`
	// The short mode: its median path per language (omitted when the
	// content has none), and whether this view is the short mode itself
	// (questions --short), in which case the fields above describe it too.
	ShortMinutes map[string]float64      `json:"estimated_minutes_short,omitempty"`
	ShortPath    map[string]qnTimingView `json:"short_path,omitempty"`
	Short        bool                    `json:"short,omitempty"`
}

// questionsView is the JSON form of the questionnaire in language l, with
// the estimated minutes of the median path in every language, and of the
// short mode's median path when the content has a short mode.
func questionsView(q *diagnostic.Questionnaire, l locale.Lang) (qnQuestionnaireView, error) {
	g, err := diagnostic.LoadGlossary()
	if err != nil {
		return qnQuestionnaireView{}, fmt.Errorf("loading the glossary: %w", err)
	}
	v := qnQuestionnaireView{
		Version: q.Version, Language: l, NotApplicable: q.NotApplicable.In(l), DontKnow: q.DontKnow.In(l),
		Retired: []qnRetiredView{}, EstimatedMinutes: map[string]float64{}, MedianPath: map[string]qnTimingView{},
	}
	timing := func(q *diagnostic.Questionnaire, ll locale.Lang) qnTimingView {
		e := q.EstimateTiming(ll)
		return qnTimingView{Words: e.Words, Decisions: e.Decisions, Questions: e.Questions,
			WordsPerMinute: q.Timing.WordsPerMinute.In(ll), SecondsPerDec: q.Timing.SecondsPerDecision,
			Minutes: math.Round(e.Minutes()*10) / 10}
	}
	for _, ll := range locale.Langs() {
		t := timing(q, ll)
		v.EstimatedMinutes[string(ll)] = t.Minutes
		v.MedianPath[string(ll)] = t
	}
	if q.HasShortMode() {
		s := q.Short()
		v.ShortMinutes, v.ShortPath = map[string]float64{}, map[string]qnTimingView{}
		for _, ll := range locale.Langs() {
			t := timing(s, ll)
			v.ShortMinutes[string(ll)] = t.Minutes
			v.ShortPath[string(ll)] = t
		}
	}
	for _, p := range q.Pillars {
		v.Pillars = append(v.Pillars, qnPillarView{p.ID, p.Name.In(l), p.Weight})
	}
	seen := map[string]bool{}
	for _, qu := range q.Questions {
		for _, a := range qu.Areas {
			if !seen[a] {
				seen[a] = true
				v.Areas = append(v.Areas, qnChoiceView{a, g.AreaName(a).In(l)})
			}
		}
	}
	for _, r := range q.Retired {
		v.Retired = append(v.Retired, qnRetiredView{r.ID, r.In, r.Why.In(l)})
	}
	for _, qu := range q.Questions {
		qv := qnQuestionView{ID: qu.ID, Pillar: qu.Pillar, Weight: qu.Weight, Areas: qu.Areas, Short: qu.Short, ShowIf: qu.ShowIf, Since: qu.Since,
			Text: qu.Text.In(l), Help: qu.Help.In(l), AllowsNA: qu.AllowsNA, Topics: qu.Topics, KPIs: qu.KPIs}
		if qv.KPIs == nil {
			qv.KPIs = []string{}
		}
		for _, o := range qu.Options {
			qv.Options = append(qv.Options, o.In(l))
		}
		v.Questions = append(v.Questions, qv)
	}
	for _, lv := range q.Levels {
		v.Levels = append(v.Levels, qnLevelView{lv.Level, lv.Name.In(l), lv.MinScore, lv.Description.In(l)})
	}
	for _, c := range q.Context {
		cv := qnContextView{ID: c.ID, Text: c.Text.In(l), Help: c.Help.In(l)}
		for _, o := range c.Options {
			cv.Options = append(cv.Options, qnChoiceView{o.ID, o.Label.In(l)})
		}
		v.Context = append(v.Context, cv)
	}
	cl := q.Checklist
	v.Checklist = qnChecklistView{Pillar: cl.Pillar, Weight: cl.Weight, Text: cl.Text.In(l), Help: cl.Help.In(l),
		Families: []qnFamilyView{}} // none in the short mode
	for _, f := range cl.Families {
		fv := qnFamilyView{ID: f.ID, Name: f.Name.In(l)}
		for _, k := range f.KPIs {
			fv.KPIs = append(fv.KPIs, qnChoiceView{k.ID, k.Name.In(l)})
		}
		v.Checklist.Families = append(v.Checklist.Families, fv)
	}
	return v, nil
}

// printQuestions prints the questionnaire q as readable text; q is full
// itself or its short mode (full.Short()).
func printQuestions(w io.Writer, full, q *diagnostic.Questionnaire, l locale.Lang) error {
	sw := &stickyWriter{w: w}
	about := func(q *diagnostic.Questionnaire) string {
		return l.Pick("unos ", "about ") + l.Number(q.EstimateTiming(l).Minutes(), 1) + " min " +
			l.Pick("(respondiendo 3 a todo)", "(answering 3 throughout)")
	}
	sw.printf("%s %s · %s\n", l.Pick("Cuestionario de diagnóstico, versión", "Diagnostic questionnaire, version"), q.Version, about(q))
	switch {
	case q != full:
		sw.printf("%s\n", l.Pick(
			fmt.Sprintf("Modo corto, para una primera llamada: %d de las %d preguntas, una por área; ni las demás ni el checklist de KPI se preguntan.", len(q.Questions), len(full.Questions)),
			fmt.Sprintf("Short mode, for a first call: %d of the %d questions, one per area; the others and the KPI checklist are not asked.", len(q.Questions), len(full.Questions))))
	case full.HasShortMode():
		s := full.Short()
		sw.printf("%s\n", l.Pick(
			fmt.Sprintf("Modo corto (--short): %d preguntas, %s", len(s.Questions), about(s)),
			fmt.Sprintf("Short mode (--short): %d questions, %s", len(s.Questions), about(s))))
	}
	for i, p := range q.Pillars {
		sw.printf("\n%d. %s\n", i+1, p.Name.In(l))
		for _, qu := range q.QuestionsOf(p.ID) {
			sw.printf("\n  [%s] %s\n      %s\n", qu.ID, qu.Text.In(l), qu.Help.In(l))
			if s := qu.ShowIf; s != nil {
				sw.printf("      (%s)\n", showIfText(s, l))
			}
			for j, o := range qu.Options {
				sw.printf("      %d  %s\n", j+1, o.In(l))
			}
			sw.printf("      -  %s\n      ?  %s\n", q.NotApplicable.In(l), q.DontKnow.In(l))
		}
		if q.Checklist.Pillar == p.ID && len(q.Checklist.Families) > 0 {
			sw.printf("\n  [%s] %s\n      %s\n", diagnostic.CoverageItem, q.Checklist.Text.In(l), q.Checklist.Help.In(l))
			for _, f := range q.Checklist.Families {
				sw.printf("      %s:", f.Name.In(l))
				for k, kpi := range f.KPIs {
					sep := ","
					if k == 0 {
						sep = ""
					}
					sw.printf("%s %s", sep, kpi.Name.In(l))
				}
				sw.printf("\n")
			}
		}
	}
	sw.printf("\n%s\n", l.Pick("Contexto (sin puntuación)", "Context (not scored)"))
	for _, c := range q.Context {
		sw.printf("\n  [%s] %s\n      %s\n", c.ID, c.Text.In(l), c.Help.In(l))
		for _, o := range c.Options {
			sw.printf("      %-24s %s\n", o.ID, o.Label.In(l))
		}
	}
	sw.printf("\n%s\n", l.Pick("Niveles de madurez", "Maturity levels"))
	for _, lv := range q.Levels {
		sw.printf("  %d %-11s ≥%-3s %s\n", lv.Level, lv.Name.In(l), l.Number(lv.MinScore, 0), lv.Description.In(l))
	}
	return sw.err
}

// showIfText says when a gated question is asked: "only if [gate] ≥ 2".
func showIfText(s *diagnostic.ShowIf, l locale.Lang) string {
	cond := ""
	switch {
	case s.Min > 0 && s.Max > 0:
		cond = fmt.Sprintf("%d–%d", s.Min, s.Max)
	case s.Min > 0:
		cond = fmt.Sprintf("≥ %d", s.Min)
	default:
		cond = fmt.Sprintf("≤ %d", s.Max)
	}
	return fmt.Sprintf("%s [%s] %s", l.Pick("solo si", "only if"), s.Question, cond)
}

// stickyWriter remembers the first write error so printing code stays flat.
type stickyWriter struct {
	w   io.Writer
	err error
}

// Write implements io.Writer, doing nothing after the first error.
func (e *stickyWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	var n int
	n, e.err = e.w.Write(p)
	return n, e.err
}

func (e *stickyWriter) printf(format string, a ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, a...)
	}
}

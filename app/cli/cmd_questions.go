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
		Args:    "[--lang es|en] [--json]",
		Summary: "print the diagnostic questionnaire (pillars, questions, levels, estimated time)",
		Setup: func(fs *flag.FlagSet) RunFunc {
			lang := fs.String("lang", "", "language, es or en (default: the system language, else en)")
			asJSON := fs.Bool("json", false, "print JSON: pillars, questions, levels, context, checklist, estimated_minutes")
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
				if *asJSON {
					return writeJSON(env.Stdout, questionsView(q, l))
				}
				return printQuestions(env.Stdout, q, l)
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
	ID       string   `json:"id"`
	Pillar   string   `json:"pillar"`
	Weight   float64  `json:"weight"`
	Text     string   `json:"text"`
	Help     string   `json:"help"`
	Options  []string `json:"options"`
	AllowsNA bool     `json:"allows_na"`
	Topics   []string `json:"topics"`
	KPIs     []string `json:"kpis"`
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

type qnQuestionnaireView struct {
	Version          string           `json:"version"`
	Language         locale.Lang      `json:"language"`
	NotApplicable    string           `json:"not_applicable"`
	Pillars          []qnPillarView   `json:"pillars"`
	Questions        []qnQuestionView `json:"questions"`
	Levels           []qnLevelView    `json:"levels"`
	Context          []qnContextView  `json:"context"`
	Checklist        qnChecklistView  `json:"checklist"`
	EstimatedMinutes float64          `json:"estimated_minutes"`
}

// questionsView is the JSON form of the questionnaire in language l.
func questionsView(q *diagnostic.Questionnaire, l locale.Lang) qnQuestionnaireView {
	v := qnQuestionnaireView{
		Version: q.Version, Language: l, NotApplicable: q.NotApplicable.In(l),
		EstimatedMinutes: math.Round(q.EstimateTiming(l).Minutes()*10) / 10,
	}
	for _, p := range q.Pillars {
		v.Pillars = append(v.Pillars, qnPillarView{p.ID, p.Name.In(l), p.Weight})
	}
	for _, qu := range q.Questions {
		qv := qnQuestionView{ID: qu.ID, Pillar: qu.Pillar, Weight: qu.Weight, Text: qu.Text.In(l), Help: qu.Help.In(l),
			AllowsNA: qu.AllowsNA, Topics: qu.Topics, KPIs: qu.KPIs}
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
	v.Checklist = qnChecklistView{Pillar: cl.Pillar, Weight: cl.Weight, Text: cl.Text.In(l), Help: cl.Help.In(l)}
	for _, f := range cl.Families {
		fv := qnFamilyView{ID: f.ID, Name: f.Name.In(l)}
		for _, k := range f.KPIs {
			fv.KPIs = append(fv.KPIs, qnChoiceView{k.ID, k.Name.In(l)})
		}
		v.Checklist.Families = append(v.Checklist.Families, fv)
	}
	return v
}

// printQuestions prints the questionnaire as readable text.
func printQuestions(w io.Writer, q *diagnostic.Questionnaire, l locale.Lang) error {
	sw := &stickyWriter{w: w}
	est := q.EstimateTiming(l)
	sw.printf("%s %s · %s\n", l.Pick("Cuestionario de diagnóstico, versión", "Diagnostic questionnaire, version"), q.Version,
		l.Pick("unos ", "about ")+l.Number(est.Minutes(), 1)+" min")
	for i, p := range q.Pillars {
		sw.printf("\n%d. %s\n", i+1, p.Name.In(l))
		for _, qu := range q.QuestionsOf(p.ID) {
			sw.printf("\n  [%s] %s\n      %s\n", qu.ID, qu.Text.In(l), qu.Help.In(l))
			for j, o := range qu.Options {
				sw.printf("      %d  %s\n", j+1, o.In(l))
			}
			sw.printf("      -  %s\n", q.NotApplicable.In(l))
		}
		if q.Checklist.Pillar == p.ID {
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

package cli

import (
	"context"
	"flag"
	"fmt"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// minAnswerYear is the earliest year of an assessment's date.
const minAnswerYear = 1990

// answerCommand stores an answers file as a new assessment of an
// organisation, scores it and stores the score.
func answerCommand() *Command {
	return &Command{
		Name:    "answer",
		Args:    "--org NAME_OR_ID --answers FILE.json [--date YYYY-MM-DD] [--json]",
		Summary: "store an answers file as a new assessment of an organisation, and score it",
		Setup: func(fs *flag.FlagSet) RunFunc {
			org := fs.String("org", "", "organisation name or id")
			answers := fs.String("answers", "", "answers file (JSON, see docs/QUESTIONNAIRE.md), with its optional context")
			date := fs.String("date", "", "date of the assessment, YYYY-MM-DD (default today)")
			asJSON := fs.Bool("json", false, `print {"assessment","org","respondents","score","level"}`)
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return Usagef("unexpected argument %q", args[0])
				}
				if *org == "" || *answers == "" {
					return Usagef("answer needs --org NAME_OR_ID and --answers FILE.json")
				}
				var when time.Time
				if *date != "" {
					d, err := time.Parse(time.DateOnly, *date)
					if err != nil {
						return Usagef("--date %q: want YYYY-MM-DD", *date)
					}
					// 0001-01-01 is Go's zero time, which the store reads as
					// "today": refuse it and every other implausible date.
					if d.Year() < minAnswerYear || d.After(now().AddDate(1, 0, 0)) {
						return Usagef("--date %s: an assessment's date is from %d to a year from today", *date, minAnswerYear)
					}
					when = d
				}
				q, af, err := readAnswersFile(*answers)
				if err != nil {
					return err
				}
				return withStore(ctx, env, func(s *store.Store) error {
					o, err := findOrg(ctx, s, *org)
					if err != nil {
						return err
					}
					// The answers and their score: one transaction.
					r := diagnostic.Score(q, af.Respondents, af.Context.Coverage)
					a, err := s.CreateScoredAssessment(ctx, diagnostic.Assessment{
						OrgID: o.ID, Date: when, Language: o.Language, QuestionnaireVersion: q.Version,
						Status: diagnostic.StatusComplete, Context: af.Context, Respondents: af.Respondents,
					}, r.Overall.Score)
					if err != nil {
						return fmt.Errorf("%s: storing the answers for %q: %w", *answers, o.Name, err)
					}
					return printAnswered(env, o, a, r, q, *asJSON)
				})
			}
		},
	}
}

type answeredView struct {
	Assessment  int64    `json:"assessment"`
	Org         int64    `json:"org"`
	Respondents int      `json:"respondents"`
	Score       *float64 `json:"score"`
	Level       *int     `json:"level"`
}

// printAnswered says what was stored.
func printAnswered(env *Env, o store.Org, a diagnostic.Assessment, r *diagnostic.Result, q *diagnostic.Questionnaire, asJSON bool) error {
	if asJSON {
		return writeJSON(env.Stdout, answeredView{a.ID, o.ID, len(a.Respondents), r.Overall.Score, r.Overall.Level})
	}
	l := msgLang(o)
	score := l.Pick("sin respuestas suficientes para una puntuación global", "not enough answers for an overall score")
	if r.Overall.Score != nil {
		score = fmt.Sprintf(l.Pick("puntuación global %s/100, nivel %d (%s)", "overall score %s/100, level %d (%s)"),
			l.Number(*r.Overall.Score, 1), *r.Overall.Level, levelName(q, *r.Overall.Level, l))
	}
	_, err := fmt.Fprintf(env.Stdout, l.Pick("Evaluación %d de %q guardada (%s, %s): %s.\n", "Stored assessment %d of %q (%s, %s): %s.\n"),
		a.ID, o.Name, l.Date(a.Date), people(l, len(a.Respondents)), score)
	return err
}

// people is a count of respondents with its noun: "1 persona", "3
// respondents".
func people(l locale.Lang, n int) string {
	return l.Count(n, "persona", "personas", "respondent", "respondents")
}

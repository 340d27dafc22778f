package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// scoreCommand scores an answers file without touching the database, or
// the latest assessment of an organisation stored in it.
func scoreCommand() *Command {
	return &Command{
		Name:    "score",
		Args:    "(--answers FILE.json | --org NAME_OR_ID) [--lang es|en] [--short] [--json]",
		Summary: "score an answers file or an organisation's latest assessment: pillars, levels, alignment gaps",
		Setup: func(flags *flag.FlagSet) RunFunc {
			answers := flags.String("answers", "", "answers file (JSON, see docs/QUESTIONNAIRE.md)")
			org := flags.String("org", "", "organisation name or id: score its latest stored assessment")
			lang := flags.String("lang", "", "language, es or en (default: the organisation's with --org, else the system language, else en)")
			asJSON := flags.Bool("json", false, "print JSON: overall, pillars, gaps, strengths, weaknesses, skipped")
			short := flags.Bool("short", false, "score an answers file of the short mode (questions --short): the other questions count as not asked")
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return Usagef("unexpected argument %q", args[0])
				}
				if (*answers == "") == (*org == "") {
					return Usagef("--answers FILE is required (or --org NAME_OR_ID, not both)")
				}
				if *org != "" {
					if *short {
						return Usagef("--short scores an answers file (--answers), not a stored assessment")
					}
					return scoreOrg(ctx, env, *org, *lang, *asJSON)
				}
				l, err := contentLang(*lang)
				if err != nil {
					return err
				}
				q, af, err := readAnswersFile(*answers)
				if err != nil {
					return err
				}
				if !*short {
					if onlyShortAnswers(q, af.Respondents) {
						fmt.Fprintf(env.Stderr, "revopsdx: %s: %s\n", *answers, l.Pick(
							"solo responde preguntas del modo corto; puntúalo con --short para que las demás cuenten como no planteadas",
							"it answers only questions of the short mode; score it with --short so the others count as not asked"))
					}
					r := diagnostic.Score(q, af.Respondents, af.Context.Coverage)
					return writeScore(env, q, r, l, *asJSON)
				}
				return scoreShort(env, q, af, *answers, l, *asJSON)
			}
		},
	}
}

// scoreShort scores an answers file as the short mode: only its questions
// count, the others are not asked. A file answering other questions, or the
// KPI checklist, is refused rather than silently cut.
func scoreShort(env *Env, q *diagnostic.Questionnaire, af *diagnostic.AnswersFile, path string, l locale.Lang, asJSON bool) error {
	if !q.HasShortMode() {
		return fmt.Errorf("questionnaire %s has no short mode", q.Version)
	}
	if err := q.CheckShortAnswers(af.Respondents); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if af.Context.Coverage != nil {
		return fmt.Errorf("%s: context.coverage: the short mode has no KPI checklist (score the file without --short to count it): %w",
			path, diagnostic.ErrInvalid)
	}
	s := q.Short()
	r := diagnostic.Score(s, af.Respondents, nil)
	if asJSON {
		v := scoreView(s, r, l)
		v.Short = &scShortView{Questions: len(s.Questions), NotAsked: len(q.Questions) - len(s.Questions)}
		return writeJSON(env.Stdout, v)
	}
	sw := &stickyWriter{w: env.Stdout}
	sw.printf("%s\n\n", l.Pick(
		fmt.Sprintf("Modo corto: %d preguntas; las otras %d no se plantearon y no cuentan en la puntuación ni en la base.", len(s.Questions), len(q.Questions)-len(s.Questions)),
		fmt.Sprintf("Short mode: %d questions; the other %d were not asked and count in neither the score nor the basis.", len(s.Questions), len(q.Questions)-len(s.Questions))))
	if sw.err != nil {
		return sw.err
	}
	return printScore(env.Stdout, s, r, l)
}

// onlyShortAnswers reports whether the respondents answered at least one
// question and only questions of the short mode.
func onlyShortAnswers(q *diagnostic.Questionnaire, respondents []diagnostic.Respondent) bool {
	if !q.HasShortMode() {
		return false
	}
	n := 0
	for _, rs := range respondents {
		for id := range rs.Answers {
			if qu, ok := q.Question(id); ok {
				if !qu.Short {
					return false
				}
				n++
			}
		}
	}
	return n > 0
}

// readAnswersFile loads the questionnaire and parses an answers file
// against it; errors start with the file name.
func readAnswersFile(path string) (*diagnostic.Questionnaire, *diagnostic.AnswersFile, error) {
	q, err := diagnostic.LoadQuestionnaire()
	if err != nil {
		return nil, nil, fmt.Errorf("loading the questionnaire: %w", err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, nil, fmt.Errorf("%s: cannot read the answers file: %w", path, err)
	}
	af, err := diagnostic.ParseAnswers(data, q)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	return q, af, nil
}

// writeScore prints a result as JSON or as a readable summary: the one
// output of `score`, whether from a file or from the database.
func writeScore(env *Env, q *diagnostic.Questionnaire, r *diagnostic.Result, l locale.Lang, asJSON bool) error {
	if asJSON {
		return writeJSON(env.Stdout, scoreView(q, r, l))
	}
	return printScore(env.Stdout, q, r, l)
}

type scOverallView struct {
	Score     *float64 `json:"score"`
	Basis     float64  `json:"basis"`
	Level     *int     `json:"level"`
	LevelName string   `json:"level_name,omitempty"`
	Alignment *float64 `json:"alignment"`
}

type scPillarView struct {
	ID            string   `json:"id"`
	Name          string   `json:"name"`
	Score         *float64 `json:"score"`
	Basis         float64  `json:"basis"`
	Level         *int     `json:"level"`
	Alignment     *float64 `json:"alignment"`
	DontKnow      int      `json:"dont_know"`
	DontKnowShare float64  `json:"dont_know_share"`
}

// scSkipView is a question no respondent was asked, and why.
type scSkipView struct {
	diagnostic.Skip
	Reason string `json:"reason"`
}

type scDriverView struct {
	Question string  `json:"question"`
	Text     string  `json:"text"`
	Score    float64 `json:"score"`
}

type scHighlightView struct {
	Pillar    string         `json:"pillar"`
	Name      string         `json:"name"`
	Score     float64        `json:"score"`
	Level     int            `json:"level"`
	Questions []scDriverView `json:"questions"`
}

type scResultView struct {
	Overall     scOverallView           `json:"overall"`
	Pillars     []scPillarView          `json:"pillars"`
	Gaps        []diagnostic.Gap        `json:"gaps"`
	Strengths   []scHighlightView       `json:"strengths"`
	Weaknesses  []scHighlightView       `json:"weaknesses"`
	Respondents int                     `json:"respondents"`
	Departments []diagnostic.Department `json:"departments"`
	// The team view: who answered per department, and how far apart the
	// departments are on each question answered by two or more.
	DepartmentRespondents map[diagnostic.Department]int `json:"department_respondents"`
	Spread                []scSpreadView                `json:"spread"`
	Skipped               []scSkipView                  `json:"skipped"`
	// Short is set when the file was scored as the short mode (--short).
	Short *scShortView `json:"short,omitempty"`
}

// scShortView says how many questions the short mode asked and how many it
// did not (those count in neither the scores nor the bases).
type scShortView struct {
	Questions int `json:"questions"`
	NotAsked  int `json:"not_asked"`
}

type scSpreadView struct {
	Question    string                            `json:"question"`
	Spread      float64                           `json:"spread"`
	Departments map[diagnostic.Department]float64 `json:"departments"`
}

// scoreView is the JSON form of a result, with names in language l.
func scoreView(q *diagnostic.Questionnaire, r *diagnostic.Result, l locale.Lang) scResultView {
	v := scResultView{
		Overall:     scOverallView{Score: r.Overall.Score, Basis: r.Overall.Basis, Level: r.Overall.Level, Alignment: r.Overall.Alignment},
		Gaps:        r.Gaps,
		Respondents: r.Respondents,
		Departments: r.Departments,
		Strengths:   []scHighlightView{},
		Weaknesses:  []scHighlightView{},
		Skipped:     []scSkipView{},
	}
	for _, sk := range r.Skipped {
		v.Skipped = append(v.Skipped, scSkipView{sk, q.SkipReason(sk, l)})
	}
	if v.Gaps == nil {
		v.Gaps = []diagnostic.Gap{}
	}
	if v.Departments == nil {
		v.Departments = []diagnostic.Department{}
	}
	v.DepartmentRespondents = r.DepartmentRespondents
	if v.DepartmentRespondents == nil {
		v.DepartmentRespondents = map[diagnostic.Department]int{}
	}
	v.Spread = []scSpreadView{}
	for _, qr := range spreadQuestions(r) {
		v.Spread = append(v.Spread, scSpreadView{qr.ID, qr.Spread, qr.Departments})
	}
	if r.Overall.Level != nil {
		v.Overall.LevelName = levelName(q, *r.Overall.Level, l)
	}
	for _, p := range r.Pillars {
		v.Pillars = append(v.Pillars, scPillarView{p.ID, pillarName(q, p.ID, l), p.Score, p.Basis, p.Level, p.Alignment, p.DontKnow, p.DontKnowShare})
	}
	hv := func(hs []diagnostic.Highlight) []scHighlightView {
		out := []scHighlightView{}
		for _, h := range hs {
			x := scHighlightView{Pillar: h.Pillar, Name: pillarName(q, h.Pillar, l), Score: h.Score, Level: h.Level, Questions: []scDriverView{}}
			for _, d := range h.Questions {
				x.Questions = append(x.Questions, scDriverView{d.Question, itemText(q, d.Question, l), d.Score})
			}
			out = append(out, x)
		}
		return out
	}
	v.Strengths, v.Weaknesses = hv(r.Strengths), hv(r.Weaknesses)
	return v
}

func pillarName(q *diagnostic.Questionnaire, id string, l locale.Lang) string {
	if p, ok := q.Pillar(id); ok {
		return p.Name.In(l)
	}
	return id
}

func levelName(q *diagnostic.Questionnaire, n int, l locale.Lang) string {
	if lv, ok := q.LevelInfo(n); ok {
		return lv.Name.In(l)
	}
	return ""
}

// itemText is a question's text, or the checklist's for CoverageItem.
func itemText(q *diagnostic.Questionnaire, id string, l locale.Lang) string {
	if qu, ok := q.Question(id); ok {
		return qu.Text.In(l)
	}
	if id == diagnostic.CoverageItem {
		return q.Checklist.Text.In(l)
	}
	return id
}

// printScore prints a readable summary of a result.
func printScore(w io.Writer, q *diagnostic.Questionnaire, r *diagnostic.Result, l locale.Lang) error {
	sw := &stickyWriter{w: w}
	noData := l.Pick("sin datos suficientes", "insufficient data")
	num := func(p *float64) string {
		if p == nil {
			return "–"
		}
		return l.Number(*p, 1)
	}
	if r.Overall.Score != nil {
		sw.printf("%s: %s/100 · %s %d, %s\n", l.Pick("Puntuación global", "Overall score"), num(r.Overall.Score),
			l.Pick("nivel", "level"), *r.Overall.Level, levelName(q, *r.Overall.Level, l))
	} else {
		sw.printf("%s: %s\n", l.Pick("Puntuación global", "Overall score"), noData)
	}
	depts := make([]string, len(r.Departments))
	for i, d := range r.Departments {
		depts[i] = q.DepartmentName(d, l)
		if n := r.DepartmentRespondents[d]; n > 0 {
			depts[i] += " " + l.Number(float64(n), 0)
		}
	}
	sw.printf("%s: %s · %s: %d (%s)", l.Pick("Base", "Basis"), l.Percent(r.Overall.Basis, 0),
		l.Pick("Participantes", "Respondents"), r.Respondents, strings.Join(depts, ", "))
	if r.Overall.Alignment != nil {
		sw.printf(" · %s: %s/100", l.Pick("Alineación", "Alignment"), num(r.Overall.Alignment))
	}
	sw.printf("\n\n")
	tw := tabwriter.NewWriter(sw, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", l.Pick("Pilar", "Pillar"), l.Pick("Puntos", "Score"), l.Pick("Nivel", "Level"),
		l.Pick("Base", "Basis"), l.Pick("Alineación", "Alignment"))
	for _, p := range r.Pillars {
		score, level := noData, ""
		if p.Score != nil {
			score, level = num(p.Score), fmt.Sprintf("%d %s", *p.Level, levelName(q, *p.Level, l))
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", pillarName(q, p.ID, l), score, level, l.Percent(p.Basis, 0), num(p.Alignment))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	printHighlights(sw, q, l, l.Pick("Fortalezas", "Strengths"), r.Strengths)
	printHighlights(sw, q, l, l.Pick("Debilidades", "Weaknesses"), r.Weaknesses)
	if sp := spreadQuestions(r); len(sp) > 0 {
		sw.printf("\n%s\n", l.Pick("Dispersión por pregunta (pasos entre el departamento más alto y el más bajo)", "Spread per question (steps between the highest and the lowest department)"))
		for _, qr := range sp {
			sw.printf("  %s  %s [%s]\n", l.Number(qr.Spread, 2), itemText(q, qr.ID, l), qr.ID)
		}
	}
	if len(r.Gaps) > 0 {
		sw.printf("\n%s\n", l.Pick("Brechas de alineación (2 o más pasos entre departamentos)", "Alignment gaps (2 or more steps between departments)"))
		for _, g := range r.Gaps {
			var parts []string
			for _, d := range r.Departments {
				if v, ok := g.Departments[d]; ok {
					parts = append(parts, q.DepartmentName(d, l)+" "+l.Auto(v, 2))
				}
			}
			sw.printf("  %s [%s]\n    %s → %s %s\n", itemText(q, g.Question, l), g.Question, strings.Join(parts, " · "),
				l.Auto(g.Difference, 2), l.Pick("pasos", "steps"))
		}
	}
	printDontKnow(sw, q, r, l)
	if len(r.Skipped) > 0 {
		sw.printf("\n%s\n", l.Pick("Preguntas no planteadas (no cuentan en la puntuación)", "Questions not asked (they do not count in the score)"))
		for _, sk := range r.Skipped {
			sw.printf("  [%s] %s\n", sk.Question, q.SkipReason(sk, l))
		}
	}
	return sw.err
}

// spreadQuestions lists the questions answered by two or more departments,
// largest spread first (ties in questionnaire order).
func spreadQuestions(r *diagnostic.Result) []diagnostic.QuestionResult {
	var out []diagnostic.QuestionResult
	for _, qr := range r.Questions {
		if len(qr.Departments) >= 2 {
			out = append(out, qr)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Spread > out[j].Spread })
	return out
}

// printDontKnow lists the pillars with "don't know" answers: many of them
// are a finding about visibility.
func printDontKnow(sw *stickyWriter, q *diagnostic.Questionnaire, r *diagnostic.Result, l locale.Lang) {
	var lines []string
	for _, p := range r.Pillars {
		if p.DontKnow > 0 {
			lines = append(lines, fmt.Sprintf("  %s: %d (%s)", pillarName(q, p.ID, l), p.DontKnow, l.Percent(p.DontKnowShare, 0)))
		}
	}
	if len(lines) == 0 {
		return
	}
	sw.printf("\n%s\n%s\n", l.Pick("Respuestas «No lo sé» (no cuentan en la puntuación)", "\"Don't know\" answers (they do not count in the score)"),
		strings.Join(lines, "\n"))
}

func printHighlights(sw *stickyWriter, q *diagnostic.Questionnaire, l locale.Lang, title string, hs []diagnostic.Highlight) {
	if len(hs) == 0 {
		return
	}
	sw.printf("\n%s\n", title)
	for _, h := range hs {
		sw.printf("  %s: %s\n", pillarName(q, h.Pillar, l), l.Number(h.Score, 1))
		for _, d := range h.Questions {
			sw.printf("    %s  %s [%s]\n", l.Auto(d.Score, 1), itemText(q, d.Question, l), d.Question)
		}
	}
}

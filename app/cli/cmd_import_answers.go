package cli

import (
	"context"
	"flag"
	"fmt"

	"github.com/revopsdx/revopsdx/diagnostic/store"
	"github.com/revopsdx/revopsdx/usecase"
)

// importAnswersCommand adds the respondents of filled forms and answers
// files to one assessment, all or nothing.
func importAnswersCommand() *Command {
	return &Command{
		Name:    "import-answers",
		Args:    "--org NAME_OR_ID [--assessment ID|--new] [--anonymous] [--json] FILE…",
		Summary: "add the respondents of filled forms (XLSX) and answers files (JSON) to one assessment, all or nothing",
		Setup: func(fs *flag.FlagSet) RunFunc {
			org := fs.String("org", "", "organisation name or id")
			assessment := fs.Int64("assessment", 0, "assessment to add the respondents to (default: the latest one when still in progress, else a new one)")
			fresh := fs.Bool("new", false, "add the respondents to a new assessment")
			anonymous := fs.Bool("anonymous", false, "make the assessment anonymous: names kept for response tracking only, never in results, exports or the report; departments under 3 people merged")
			asJSON := fs.Bool("json", false, `print {"assessment","created","added","respondents","score","level"}`)
			return func(ctx context.Context, env *Env, args []string) error {
				if *org == "" || len(args) == 0 {
					return Usagef("import-answers needs --org NAME_OR_ID and at least one FILE")
				}
				if *fresh && *assessment != 0 {
					return Usagef("give --assessment ID or --new, not both")
				}
				if *assessment < 0 {
					return Usagef("--assessment %d: want an assessment id", *assessment)
				}
				return withStore(ctx, env, func(s *store.Store) error {
					o, err := findOrg(ctx, s, *org)
					if err != nil {
						return err
					}
					res, err := usecase.ImportAnswers(ctx, s, o, usecase.ImportAnswersRequest{Files: args, Assessment: *assessment, New: *fresh, Anonymous: *anonymous})
					if err != nil {
						return err
					}
					if *asJSON {
						return writeJSON(env.Stdout, importedAnswersView{res.Assessment, res.Created, res.Respondents, res.Total, res.Score, res.Level})
					}
					l := msgLang(o)
					which := fmt.Sprintf(l.Pick("la evaluación %d", "assessment %d"), res.Assessment)
					if res.Created {
						which = fmt.Sprintf(l.Pick("la nueva evaluación %d", "new assessment %d"), res.Assessment)
					}
					score := l.Pick("sin respuestas suficientes para una puntuación global", "not enough answers for an overall score")
					if res.Score != nil {
						score = fmt.Sprintf(l.Pick("puntuación global %s/100", "overall score %s/100"), l.Number(*res.Score, 1))
					}
					added := l.Pick("%s añadidas a %s de %q (%d en total): %s.\n", "Added %s to %s of %q (%d in all): %s.\n")
					if res.Respondents == 1 {
						added = l.Pick("%s añadida a %s de %q (%d en total): %s.\n", added)
					}
					_, err = fmt.Fprintf(env.Stdout, added, people(l, res.Respondents), which, o.Name, res.Total, score)
					return err
				})
			}
		},
	}
}

type importedAnswersView struct {
	Assessment  int64    `json:"assessment"`
	Created     bool     `json:"created"`
	Added       int      `json:"added"`
	Respondents int      `json:"respondents"`
	Score       *float64 `json:"score"`
	Level       *int     `json:"level"`
}

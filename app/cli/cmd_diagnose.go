package cli

import (
	"context"
	"flag"

	"github.com/revopsdx/revopsdx/diagnostic/diagnosis"
	"github.com/revopsdx/revopsdx/diagnostic/store"
	"github.com/revopsdx/revopsdx/usecase"
)

// diagnoseCommand prints an organisation's synthesis: situation, level,
// change, binding constraint, symptom check, contradicted answers,
// strengths and the 30-day plan.
func diagnoseCommand() *Command {
	return &Command{
		Name:    "diagnose",
		Args:    "--org NAME_OR_ID [--lang es|en] [--json]",
		Summary: "the diagnosis in one page: where the company stands, what holds revenue back most, the 30-day plan",
		Setup: func(fs *flag.FlagSet) RunFunc {
			org := fs.String("org", "", "organisation name or id")
			lang := fs.String("lang", "", "language, es or en (default: the organisation's)")
			asJSON := fs.Bool("json", false, `print {"situation","level","change","binding_constraint","symptom_check","answer_checks","preliminary","strengths","actions_30",...}`)
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return Usagef("unexpected argument %q", args[0])
				}
				if err := checkLang(*lang); err != nil {
					return err
				}
				return withStore(ctx, env, func(s *store.Store) error {
					o, err := findOrg(ctx, s, *org)
					if err != nil {
						return err
					}
					l, err := orgLang(*lang, o)
					if err != nil {
						return err
					}
					a, d, err := usecase.DiagnoseOrg(ctx, s, o.ID, l, now())
					if err != nil {
						return err
					}
					if *asJSON {
						return writeJSON(env.Stdout, d)
					}
					return diagnosis.WriteText(env.Stdout, d, a.Lang)
				})
			}
		},
	}
}

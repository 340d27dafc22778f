package cli

import (
	"context"
	"flag"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// responsesCommand lists the response tracking of an organisation's forms:
// who was invited, who answered, when.
func responsesCommand() *Command {
	return &Command{
		Name:    "responses",
		Args:    "--org NAME_OR_ID [--json]",
		Summary: "response tracking of the questionnaire forms: who was invited, who answered and when",
		Setup: func(fs *flag.FlagSet) RunFunc {
			org := fs.String("org", "", "organisation name or id")
			asJSON := fs.Bool("json", false, `print [{"form","name","department","format","invited","answered","assessment"}]`)
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return Usagef("unexpected argument %q", args[0])
				}
				return withStoreRead(ctx, env, func(s *store.Store) error {
					o, err := findOrg(ctx, s, *org)
					if err != nil {
						return err
					}
					list, err := s.FormResponses(ctx, o.ID)
					if err != nil {
						return err
					}
					if *asJSON {
						views := make([]responseView, 0, len(list))
						for _, f := range list {
							views = append(views, responseView{f.FormID, f.Name, f.Department, f.Format, timePtr(f.Invited), timePtr(f.Answered), f.AssessmentID})
						}
						return writeJSON(env.Stdout, views)
					}
					return printResponses(env, o, list)
				})
			}
		},
	}
}

type responseView struct {
	Form       string                `json:"form"`
	Name       string                `json:"name"`
	Department diagnostic.Department `json:"department"`
	Format     string                `json:"format"`
	Invited    *time.Time            `json:"invited"`
	Answered   *time.Time            `json:"answered"`
	Assessment int64                 `json:"assessment,omitempty"`
}

func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// printResponses prints one line per form and a count of the answered.
func printResponses(env *Env, o store.Org, list []store.FormResponse) error {
	l := msgLang(o)
	q, err := diagnostic.LoadQuestionnaire()
	if err != nil {
		return fmt.Errorf("loading the questionnaire: %w", err)
	}
	answered := 0
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", l.Pick("Formulario", "Form"), l.Pick("Nombre", "Name"), l.Pick("Departamento", "Department"),
		l.Pick("Formato", "Format"), l.Pick("Invitación", "Invited"), l.Pick("Respuesta", "Answered"))
	for _, f := range list {
		dept, invited, ans := "–", "–", l.Pick("pendiente", "pending")
		if f.Department != "" {
			dept = q.DepartmentName(f.Department, l)
		}
		if !f.Invited.IsZero() {
			invited = l.Date(f.Invited)
		}
		if !f.Answered.IsZero() {
			answered++
			ans = l.Date(f.Answered)
		}
		name := diagnostic.Printable(f.Name)
		if name == "" {
			name = "–"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", f.FormID, name, dept, f.Format, invited, ans)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err = fmt.Fprintf(env.Stdout, l.Pick("%d de %d formularios respondidos.\n", "%d of %d forms answered.\n"), answered, len(list))
	return err
}

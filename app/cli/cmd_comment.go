package cli

import (
	"context"
	"flag"
	"fmt"
	"slices"
	"strings"

	"github.com/revopsdx/revopsdx/diagnostic/report"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// commentCommand saves the consultant's commentary on one section of an
// organisation's report.
func commentCommand() *Command {
	return &Command{
		Name:    "comment",
		Args:    "--org NAME_OR_ID --section " + strings.Join(report.Sections(), "|") + " --text TEXT",
		Summary: "the consultant's comment printed under a section's title in the report (an empty --text removes it)",
		Setup: func(fs *flag.FlagSet) RunFunc {
			org := fs.String("org", "", "organisation name or id")
			section := fs.String("section", "", "report section: "+strings.Join(report.Sections(), ", "))
			text := fs.String("text", "", "the comment (empty removes it)")
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return Usagef("unexpected argument %q", args[0])
				}
				set := false
				fs.Visit(func(f *flag.Flag) { set = set || f.Name == "text" })
				if *org == "" || *section == "" || !set {
					return Usagef("comment needs --org NAME_OR_ID, --section ID and --text TEXT")
				}
				if !slices.Contains(report.Sections(), *section) {
					return Usagef("--section %q: use one of %s", *section, strings.Join(report.Sections(), ", "))
				}
				return withStore(ctx, env, func(s *store.Store) error {
					o, err := findOrg(ctx, s, *org)
					if err != nil {
						return err
					}
					if err := s.SetComment(ctx, o.ID, *section, *text); err != nil {
						return err
					}
					l := msgLang(o)
					msg := l.Pick("Comentario de la sección %s de %q guardado.\n", "Saved the comment on section %s of %q.\n")
					if strings.TrimSpace(*text) == "" {
						msg = l.Pick("Comentario de la sección %s de %q eliminado.\n", "Removed the comment on section %s of %q.\n")
					}
					_, err = fmt.Fprintf(env.Stdout, msg, *section, o.Name)
					return err
				})
			}
		},
	}
}

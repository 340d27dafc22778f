package cli

import (
	"context"
	"flag"
	"fmt"

	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// importEngagementCommand brings an organisation from a .revops file.
func importEngagementCommand() *Command {
	return &Command{
		Name:    "import-engagement",
		Args:    "FILE.revops [--rename NEW] [--json]",
		Summary: "bring an organisation from a .revops file into the database",
		Setup: func(fs *flag.FlagSet) RunFunc {
			rename := fs.String("rename", "", "import the organisation under this name")
			asJSON := fs.Bool("json", false, `print {"id","name"} of the imported organisation`)
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) != 1 {
					return Usagef("import-engagement needs one FILE.revops")
				}
				return withStore(ctx, env, func(s *store.Store) error {
					p := newPrompter(env)
					o, err := s.ImportEngagement(ctx, args[0], store.ImportOptions{Rename: *rename,
						Passphrase: func() (string, error) { return p.passphrase(false) }})
					if err != nil {
						return err
					}
					if *asJSON {
						return writeJSON(env.Stdout, map[string]any{"id": o.ID, "name": o.Name})
					}
					_, err = fmt.Fprintf(env.Stdout, msgLang(o).Pick("Organización %q importada (id %d) desde %s.\n", "Imported %q (id %d) from %s.\n"), o.Name, o.ID, args[0])
					return err
				})
			}
		},
	}
}

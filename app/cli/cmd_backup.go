package cli

import (
	"context"
	"flag"
	"fmt"

	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// backupCommand writes a consistent copy of the whole database.
func backupCommand() *Command {
	return &Command{
		Name:    "backup",
		Args:    "--out FILE",
		Summary: "copy the whole database to a new file (safe while the app runs)",
		Setup: func(fs *flag.FlagSet) RunFunc {
			out := fs.String("out", "", "the backup file to create (must not exist)")
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 || *out == "" {
					return Usagef("backup needs --out FILE and no arguments")
				}
				return withStoreRead(ctx, env, func(s *store.Store) error {
					if err := s.Backup(ctx, *out); err != nil {
						return err
					}
					_, err := fmt.Fprintf(env.Stdout, sysLang().Pick("Copia de %s guardada en %s.\n", "Backed up %s to %s.\n"), s.Path(), *out)
					return err
				})
			}
		},
	}
}

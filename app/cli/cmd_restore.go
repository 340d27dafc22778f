package cli

import (
	"context"
	"flag"
	"fmt"

	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// restoreCommand replaces the database's content with a backup.
func restoreCommand() *Command {
	return &Command{
		Name:    "restore",
		Args:    "FILE [--yes]",
		Summary: "replace the database with a backup (the current content is backed up first)",
		Setup: func(fs *flag.FlagSet) RunFunc {
			yes := fs.Bool("yes", false, "do not ask for confirmation")
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) != 1 {
					return Usagef("restore needs one backup FILE")
				}
				if !*yes {
					l := sysLang()
					ok, err := newPrompter(env).confirm(l, fmt.Sprintf(l.Pick("¿Sustituir todo el contenido de %s por %s? (una copia del contenido actual se guarda en %s)",
						"Replace everything in %s with %s? (a copy of the current content goes to %s)"),
						env.DBPath, args[0], store.BackupDir(env.DBPath)))
					if err != nil {
						return fmt.Errorf("%w (use --yes to restore without asking)", err)
					}
					if !ok {
						return fmt.Errorf("nothing was restored")
					}
				}
				if err := store.Restore(ctx, env.DBPath, args[0], store.Options{AutoBackup: true}); err != nil {
					return storeError(err)
				}
				_, err := fmt.Fprintf(env.Stdout, sysLang().Pick("%s restaurada desde %s.\n", "Restored %s from %s.\n"), env.DBPath, args[0])
				return err
			}
		},
	}
}

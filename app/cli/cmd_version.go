package cli

import (
	"context"
	"flag"
	"fmt"
)

// versionCommand prints the application's version.
func versionCommand() *Command {
	return &Command{
		Name:    "version",
		Args:    "[--json]",
		Summary: "print the version",
		Setup: func(fs *flag.FlagSet) RunFunc {
			asJSON := fs.Bool("json", false, `print {"version": "..."}`)
			return func(_ context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return Usagef("unexpected argument %q", args[0])
				}
				if *asJSON {
					return writeJSON(env.Stdout, map[string]string{"version": env.Version})
				}
				_, err := fmt.Fprintf(env.Stdout, "revopsdx %s\n", env.Version)
				return err
			}
		},
	}
}

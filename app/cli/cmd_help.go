package cli

import (
	"context"
	"flag"
)

// helpCommand lists the commands, or shows one command's flags.
func helpCommand() *Command {
	return &Command{
		Name:    "help",
		Args:    "[COMMAND]",
		Summary: "list the commands, or show the flags of one",
		Setup: func(fs *flag.FlagSet) RunFunc {
			return func(_ context.Context, env *Env, args []string) error {
				if len(args) == 0 {
					printHelp(env.Stdout)
					return nil
				}
				if len(args) > 1 {
					return Usagef("help takes at most one command name")
				}
				cmd := lookup(args[0])
				if cmd == nil {
					return Usagef("unknown command %q", args[0])
				}
				cfs := newFlagSet(cmd, env)
				cmd.Setup(cfs)
				cfs.String("db", env.DBPath, "database file")
				cfs.SetOutput(env.Stdout)
				cfs.Usage()
				return nil
			}
		},
	}
}

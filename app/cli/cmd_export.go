package cli

import (
	"context"
	"flag"
	"fmt"

	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// scryptWorkFactor is the scrypt cost of encrypted exports; 0 is the
// store's default. Tests lower it.
var scryptWorkFactor = 0

// exportCommand writes one organisation to a portable engagement file.
func exportCommand() *Command {
	return &Command{
		Name:    "export",
		Args:    "--org NAME_OR_ID --out FILE.revops [--encrypt]",
		Summary: "write one organisation and all its data to a portable .revops file",
		Setup: func(fs *flag.FlagSet) RunFunc {
			org := fs.String("org", "", "organisation name or id")
			out := fs.String("out", "", "the .revops file to create (must not exist)")
			encrypt := fs.Bool("encrypt", false, "protect the file with a passphrase (asked, or $"+passphraseEnv+")")
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 || *out == "" {
					return Usagef("export needs --org NAME_OR_ID and --out FILE, and no arguments")
				}
				return withStore(ctx, env, func(s *store.Store) error {
					o, err := findOrg(ctx, s, *org)
					if err != nil {
						return err
					}
					opts := store.ExportOptions{AppVersion: env.Version, WorkFactor: scryptWorkFactor}
					if *encrypt {
						if opts.Passphrase, err = newPrompter(env).passphrase(true); err != nil {
							return err
						}
					}
					if err := s.ExportEngagement(ctx, o.ID, *out, opts); err != nil {
						return err
					}
					l := msgLang(o)
					how := ""
					if *encrypt {
						how = l.Pick(" (cifrado)", ", encrypted")
					}
					_, err = fmt.Fprintf(env.Stdout, l.Pick("Organización %q exportada a %s%s.\n", "Exported %q to %s%s.\n"), o.Name, *out, how)
					return err
				})
			}
		},
	}
}

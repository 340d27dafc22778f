package cli

import (
	"context"
	"flag"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// snapshotsCommand lists an organisation's dated deals snapshots, or
// deletes one.
func snapshotsCommand() *Command {
	return &Command{
		Name:    "snapshots",
		Args:    "--org NAME_OR_ID [--delete YYYY-MM-DD] [--json]",
		Summary: "list the dated deals snapshots of an organisation (each deals import), or delete one",
		Setup: func(fs *flag.FlagSet) RunFunc {
			org := fs.String("org", "", "organisation name or id")
			del := fs.String("delete", "", "delete the snapshot of this day (its import and deals)")
			asJSON := fs.Bool("json", false, `print a JSON array of {"import_id","as_of","file_name","match_key","deals","open","open_amount","imported"}`)
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return Usagef("unexpected argument %q", args[0])
				}
				if *del != "" {
					day, err := time.Parse("2006-01-02", *del)
					if err != nil {
						return Usagef("--delete wants a date YYYY-MM-DD, got %q", *del)
					}
					return withStore(ctx, env, func(s *store.Store) error {
						o, err := findOrg(ctx, s, *org)
						if err != nil {
							return err
						}
						if err := s.DeleteSnapshot(ctx, o.ID, day); err != nil {
							return err
						}
						_, err = fmt.Fprintf(env.Stdout, msgLang(o).Pick("Eliminada la instantánea del %s.\n", "Deleted the snapshot of %s.\n"), *del)
						return err
					})
				}
				return withStoreRead(ctx, env, func(s *store.Store) error {
					o, err := findOrg(ctx, s, *org)
					if err != nil {
						return err
					}
					list, err := s.Snapshots(ctx, o.ID)
					if err != nil {
						return err
					}
					if *asJSON {
						if list == nil {
							list = []store.Snapshot{}
						}
						return writeJSON(env.Stdout, list)
					}
					l := msgLang(o)
					if len(list) == 0 {
						_, err := fmt.Fprintln(env.Stdout, l.Pick("Aún no hay instantáneas: importa una exportación de negocios con `revopsdx import --org ORG --as-of AAAA-MM-DD ARCHIVO`.",
							"No snapshots yet: import a deals export with `revopsdx import --org ORG --as-of YYYY-MM-DD FILE`."))
						return err
					}
					tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
					fmt.Fprintln(tw, l.Pick("FECHA\tARCHIVO\tNEGOCIOS\tABIERTOS\tPIPELINE ABIERTO\tCOINCIDENCIA", "DATE\tFILE\tDEALS\tOPEN\tOPEN PIPELINE\tMATCHED BY"))
					for _, sn := range list {
						fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", l.Date(sn.AsOf), sn.FileName, l.Number(float64(sn.Deals), 0), l.Number(float64(sn.Open), 0),
							l.Money(sn.OpenAmount, o.Currency, 0), matchLabel(l, sn.MatchKey))
					}
					return tw.Flush()
				})
			}
		},
	}
}

package cli

import (
	"context"
	"flag"
	"fmt"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// orgCommand adds or removes an organisation.
func orgCommand() *Command {
	return &Command{
		Name: "org",
		Args: "add --name NAME [--industry I] [--segment S] [--business-model M] [--employees N] [--currency EUR] [--lang es|en] [--json]\n" +
			"       revopsdx org rm NAME_OR_ID [--yes]",
		Summary: "add or remove an organisation",
		Setup: func(fs *flag.FlagSet) RunFunc {
			name := fs.String("name", "", "organisation name (add)")
			industry := fs.String("industry", "", fmt.Sprintf("industry: one of %v (add)", diagnostic.Industries()))
			segment := fs.String("segment", "", fmt.Sprintf("size segment: one of %v (add)", diagnostic.Segments()))
			model := fs.String("business-model", "", fmt.Sprintf("business model: one of %v (add)", diagnostic.BusinessModels()))
			employees := fs.Int("employees", 0, "number of employees (add)")
			currency := fs.String("currency", "EUR", "ISO currency code (add)")
			lang := fs.String("lang", "", "report language es or en (add; default: the settings' default language)")
			asJSON := fs.Bool("json", false, "print the new organisation as JSON (add)")
			yes := fs.Bool("yes", false, "do not ask for confirmation (rm)")
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) == 0 {
					return Usagef("org needs a subcommand: add or rm")
				}
				switch args[0] {
				case "add":
					if len(args) > 1 {
						return Usagef("org add takes no arguments besides its flags (did you mean --name %q?)", args[1])
					}
					if *name == "" {
						return Usagef("org add needs --name NAME")
					}
					band, err := employeeBand(*employees)
					if err != nil {
						return Usagef("%v", err)
					}
					p := diagnostic.Profile{Name: *name, Industry: diagnostic.Industry(*industry), Segment: diagnostic.Segment(*segment),
						BusinessModel: diagnostic.BusinessModel(*model), EmployeeBand: band, Currency: *currency, Language: locale.Lang(*lang)}
					return withStore(ctx, env, func(s *store.Store) error { return orgAdd(ctx, env, s, p, *asJSON) })
				case "rm":
					if len(args) != 2 {
						return Usagef("org rm needs one NAME_OR_ID")
					}
					return withStore(ctx, env, func(s *store.Store) error { return orgRemove(ctx, env, s, args[1], *yes) })
				}
				return Usagef("unknown subcommand %q (use add or rm)", args[0])
			}
		},
	}
}

func orgAdd(ctx context.Context, env *Env, s *store.Store, p diagnostic.Profile, asJSON bool) error {
	if p.Language == "" {
		st, err := s.Settings(ctx)
		if err != nil {
			return err
		}
		p.Language = st.DefaultLanguage
	}
	o, err := s.CreateOrg(ctx, p)
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(env.Stdout, map[string]any{"id": o.ID, "name": o.Name, "industry": o.Industry, "segment": o.Segment,
			"business_model": o.BusinessModel, "employees_band": o.EmployeeBand, "currency": o.Currency, "language": o.Language})
	}
	_, err = fmt.Fprintf(env.Stdout, msgLang(o).Pick("Organización %q añadida (id %d).\n", "Added organisation %q (id %d).\n"), o.Name, o.ID)
	return err
}

func orgRemove(ctx context.Context, env *Env, s *store.Store, ref string, yes bool) error {
	o, err := s.FindOrg(ctx, ref)
	if err != nil {
		return err
	}
	if !yes {
		as, err := s.Assessments(ctx, o.ID)
		if err != nil {
			return err
		}
		l := msgLang(o)
		ok, err := newPrompter(env).confirm(l, fmt.Sprintf(l.Pick("¿Eliminar la organización %q (id %d) con sus %d evaluaciones y todos sus datos?",
			"Delete organisation %q (id %d) with its %d assessments and all its data?"), o.Name, o.ID, len(as)))
		if err != nil {
			return fmt.Errorf("%w (use --yes to delete without asking)", err)
		}
		if !ok {
			return fmt.Errorf("organisation %q was not deleted", o.Name)
		}
	}
	if err := s.DeleteOrg(ctx, o.ID); err != nil {
		return err
	}
	_, err = fmt.Fprintf(env.Stdout, msgLang(o).Pick("Organización %q eliminada (id %d).\n", "Deleted organisation %q (id %d).\n"), o.Name, o.ID)
	return err
}

// employeeBand maps a head count to the profile's band; 0 means unknown.
func employeeBand(n int) (string, error) {
	switch {
	case n < 0:
		return "", fmt.Errorf("--employees %d: must be positive", n)
	case n == 0:
		return "", nil
	case n <= 10:
		return "1-10", nil
	case n <= 50:
		return "11-50", nil
	case n <= 200:
		return "51-200", nil
	case n <= 1000:
		return "201-1000", nil
	}
	return "1000+", nil
}

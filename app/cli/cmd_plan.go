package cli

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// planCommand shows an organisation's objectives and KPI plan, or sets the
// objectives and adds the KPIs they suggest.
func planCommand() *Command {
	return &Command{
		Name:    "plan",
		Args:    "--org NAME_OR_ID [--objectives a,b] [--lang es|en] [--json]",
		Summary: "show the KPI plan, or set the objectives (adding the KPIs they suggest)",
		Setup: func(fs *flag.FlagSet) RunFunc {
			org := fs.String("org", "", "organisation name or id")
			objectives := fs.String("objectives", "", "set the objectives, comma-separated: "+joinObjectives())
			lang := fs.String("lang", "", "language of the text (names, labels, targets), es or en (default: the organisation's)")
			asJSON := fs.Bool("json", false, `print {"org","objectives","plan":[{"kpi","name","owner","cadence","retired","target","targets"}],"added"}`)
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return Usagef("unexpected argument %q", args[0])
				}
				objs, set, err := parseObjectives(*objectives)
				if err != nil {
					return err
				}
				if err := checkLang(*lang); err != nil {
					return err
				}
				return withStore(ctx, env, func(s *store.Store) error {
					o, err := findOrg(ctx, s, *org)
					if err != nil {
						return err
					}
					cat, err := orgCatalogue(ctx, s, o)
					if err != nil {
						return err
					}
					added := []string{}
					if set {
						var suggested []diagnostic.PlanItem
						for _, id := range cat.Suggest(objs) {
							d, _ := cat.Def(id)
							suggested = append(suggested, diagnostic.PlanItem{KPI: id, Cadence: d.Cadence})
						}
						if added, err = s.ApplyObjectives(ctx, o.ID, objs, suggested); err != nil {
							return err
						}
						if added == nil {
							added = []string{}
						}
					}
					v, err := planOf(ctx, s, o, cat, *lang)
					if err != nil {
						return err
					}
					v.Added = added
					if *asJSON {
						return writeJSON(env.Stdout, v)
					}
					return printPlan(env, v, set)
				})
			}
		},
	}
}

func joinObjectives() string {
	s := make([]string, len(diagnostic.Objectives()))
	for i, o := range diagnostic.Objectives() {
		s[i] = string(o)
	}
	return strings.Join(s, ", ")
}

// parseObjectives reads --objectives; set is false when it was not given.
func parseObjectives(v string) (objs []diagnostic.Objective, set bool, err error) {
	if v == "" {
		return nil, false, nil
	}
	for _, part := range strings.Split(v, ",") {
		o := diagnostic.Objective(strings.TrimSpace(part))
		if o == "" {
			continue
		}
		known := false
		for _, k := range diagnostic.Objectives() {
			known = known || k == o
		}
		if !known {
			return nil, true, Usagef("--objectives: unknown objective %q (use %s)", o, joinObjectives())
		}
		objs = append(objs, o)
	}
	return objs, true, nil
}

// orgCatalogue is the KPI catalogue with the organisation's custom KPIs.
func orgCatalogue(ctx context.Context, s *store.Store, o store.Org) (*kpi.Catalogue, error) {
	cat, err := kpi.LoadCatalogue()
	if err != nil {
		return nil, fmt.Errorf("loading the KPI catalogue: %w", err)
	}
	custom, err := s.CustomKPIs(ctx, o.ID)
	if err != nil {
		return nil, err
	}
	if cat, err = cat.WithCustom(custom); err != nil {
		return nil, fmt.Errorf("custom KPIs of %q: %w", o.Name, err)
	}
	return cat, nil
}

type planItemView struct {
	KPI     string              `json:"kpi"`
	Name    string              `json:"name"`
	Owner   string              `json:"owner"`
	Cadence diagnostic.Cadence  `json:"cadence"`
	Retired bool                `json:"retired"`
	Target  *diagnostic.Target  `json:"target"` // in force today
	Targets []diagnostic.Target `json:"targets"`

	unit diagnostic.Unit // for the text; JSON keeps the plain value
}

type planView struct {
	Org        string                 `json:"org"`
	Objectives []diagnostic.Objective `json:"objectives"`
	Plan       []planItemView         `json:"plan"`
	Added      []string               `json:"added"`

	// For the text: its language, the organisation's currency and the
	// catalogue that names objectives and KPIs.
	lang     locale.Lang
	currency string
	cat      *kpi.Catalogue
}

// planOf reads the objectives and the plan for display.
func planOf(ctx context.Context, s *store.Store, o store.Org, cat *kpi.Catalogue, lang string) (planView, error) {
	l, err := orgLang(lang, o)
	if err != nil {
		return planView{}, err
	}
	v := planView{Org: o.Name, Objectives: []diagnostic.Objective{}, Plan: []planItemView{}, lang: l, currency: o.Currency, cat: cat}
	objs, err := s.Objectives(ctx, o.ID)
	if err != nil {
		return v, err
	}
	v.Objectives = append(v.Objectives, objs...)
	plan, err := s.Plan(ctx, o.ID)
	if err != nil {
		return v, err
	}
	today := kpi.PeriodOf(kpi.Month, diagnostic.MonthOf(now()))
	for _, it := range plan {
		iv := planItemView{KPI: it.KPI, Name: it.KPI, Owner: it.Owner, Cadence: it.Cadence, Retired: it.Retired, Targets: it.Targets}
		if d, ok := cat.Def(it.KPI); ok {
			iv.Name, iv.unit = d.Name(l), d.Unit
		}
		if t, ok := kpi.TargetFor(it, today); ok {
			iv.Target = &t
		}
		if iv.Targets == nil {
			iv.Targets = []diagnostic.Target{}
		}
		v.Plan = append(v.Plan, iv)
	}
	return v, nil
}

// printPlan prints the objectives and the plan as a table in the plan's
// language: objective names, headers, cadences and targets in its words
// and formats (25 %, 165.000 €, dic 2026).
func printPlan(env *Env, v planView, set bool) error {
	l := v.lang
	sw := &stickyWriter{w: env.Stdout}
	objs := make([]string, len(v.Objectives))
	for i, o := range v.Objectives {
		objs[i] = v.cat.ObjectiveName(o, l)
	}
	if len(objs) == 0 {
		objs = []string{"-"}
	}
	sw.printf(l.Pick("%s · objetivos: %s\n", "%s · objectives: %s\n"), v.Org, strings.Join(objs, ", "))
	if set {
		names := make([]string, len(v.Added))
		for i, id := range v.Added {
			names[i] = id
			if d, ok := v.cat.Def(id); ok {
				names[i] = d.Name(l)
			}
		}
		kpis := l.Pick("KPI", "KPIs")
		if len(v.Added) == 1 {
			kpis = "KPI"
		}
		sw.printf(l.Pick("Añadidos al plan: %d %s%s\n", "Added to the plan: %d %s%s\n"), len(v.Added), kpis, listSuffix(names))
	}
	if len(v.Plan) == 0 {
		sw.printf("%s\n", l.Pick("El plan de KPI está vacío: elige objetivos con --objectives para recibir KPI sugeridos.",
			"The KPI plan is empty: set objectives with --objectives to get suggested KPIs."))
		return sw.err
	}
	tw := tabwriter.NewWriter(sw, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, l.Pick("\nKPI\tNOMBRE\tRESPONSABLE\tFRECUENCIA\tOBJETIVO\tPARA\tRETIRADO", "\nKPI\tNAME\tOWNER\tCADENCE\tTARGET\tBY\tRETIRED"))
	for _, it := range v.Plan {
		tgt, by, ret := "-", "-", ""
		if it.Target != nil {
			tgt = diagnostic.FormatValue(l, it.unit, it.Target.Value, v.currency)
			by = l.MonthYear(it.Target.By.Year, it.Target.By.Month)
		}
		if it.Retired {
			ret = l.Pick("sí", "yes")
		}
		cad, err := cadenceText(l, it.Cadence)
		if err != nil {
			return err
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", it.KPI, it.Name, dash(it.Owner), cad, tgt, by, ret)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	return sw.err
}

func listSuffix(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	return " (" + strings.Join(ids, ", ") + ")"
}

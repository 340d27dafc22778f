package cli

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/analysis"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// actionView is one recommendation with the consultant's decision, as
// `action` and `actions` print it.
type actionView struct {
	ID     string `json:"id"`
	Text   string `json:"text"`
	Team   string `json:"team"`
	Status string `json:"status"`
	Owner  string `json:"owner"`
	Due    string `json:"due"` // YYYY-MM-DD or ""
	Note   string `json:"note"`
}

// actionCommand records the consultant's decision about a recommendation
// (the same state the GUI's recommendations screen saves).
func actionCommand() *Command {
	return &Command{
		Name:    "action",
		Args:    "--org NAME_OR_ID --rec ID [--status open|accepted|dismissed|done] [--owner NAME] [--due YYYY-MM-DD] [--note TEXT] [--json]",
		Summary: "record the consultant's decision about a recommendation: status, owner, due date, note (only the flags given change)",
		Setup: func(fs *flag.FlagSet) RunFunc {
			org := fs.String("org", "", "organisation name or id")
			rec := fs.String("rec", "", "recommendation id, as listed by actions or recommend --json")
			status := fs.String("status", "", "open, accepted, dismissed or done")
			owner := fs.String("owner", "", "person who owns the action (empty clears it)")
			due := fs.String("due", "", "due date YYYY-MM-DD (empty clears it)")
			note := fs.String("note", "", "note printed under the action in the report (empty clears it)")
			asJSON := fs.Bool("json", false, `print the saved {"id","text","team","status","owner","due","note"}`)
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return Usagef("unexpected argument %q", args[0])
				}
				if *org == "" || *rec == "" {
					return Usagef("action needs --org NAME_OR_ID and --rec ID")
				}
				set := map[string]bool{}
				fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
				switch store.RecStatus(*status) {
				case store.RecOpen, store.RecAccepted, store.RecDismissed, store.RecDone:
				default:
					if set["status"] {
						return Usagef("--status %q: use open, accepted, dismissed or done", *status)
					}
				}
				var dueDate time.Time
				if set["due"] && *due != "" {
					d, err := time.Parse(time.DateOnly, *due)
					if err != nil {
						return Usagef("--due %q: use a date YYYY-MM-DD", *due)
					}
					dueDate = d
				}
				return withStore(ctx, env, func(s *store.Store) error {
					o, a, err := orgAnalysis(ctx, s, *org, "")
					if err != nil {
						return err
					}
					views, states, err := actionViews(ctx, s, o.ID, a)
					if err != nil {
						return err
					}
					st, ok := states[*rec]
					if !ok {
						if !hasAction(views, *rec) {
							return fmt.Errorf("organisation %q has no recommendation %q (see `actions --org %s`): %w", o.Name, *rec, *org, diagnostic.ErrInvalid)
						}
						st = store.RecState{RuleID: *rec, Status: store.RecOpen}
					}
					if set["status"] {
						st.Status = store.RecStatus(*status)
					}
					if set["owner"] {
						st.Owner = strings.TrimSpace(*owner)
					}
					if set["due"] {
						st.Due = dueDate
					}
					if set["note"] {
						st.Note = strings.TrimSpace(*note)
					}
					if err := s.SetRecState(ctx, o.ID, st); err != nil {
						return err
					}
					v := actionViewOf(st, views)
					if *asJSON {
						return writeJSON(env.Stdout, v)
					}
					l := msgLang(o)
					_, err = fmt.Fprintf(env.Stdout, l.Pick("Recomendación %s: %s.\n", "Recommendation %s: %s.\n"), v.ID, describeAction(v, l.Pick))
					return err
				})
			}
		},
	}
}

// actionsCommand lists an organisation's recommendations with the
// consultant's decisions.
func actionsCommand() *Command {
	return &Command{
		Name:    "actions",
		Args:    "--org NAME_OR_ID [--json]",
		Summary: "the organisation's recommendations with the consultant's decisions (status, owner, due date, note)",
		Setup: func(fs *flag.FlagSet) RunFunc {
			org := fs.String("org", "", "organisation name or id")
			asJSON := fs.Bool("json", false, `print a JSON array of {"id","text","team","status","owner","due","note"}`)
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return Usagef("unexpected argument %q", args[0])
				}
				return withStore(ctx, env, func(s *store.Store) error {
					o, a, err := orgAnalysis(ctx, s, *org, "")
					if err != nil {
						return err
					}
					views, _, err := actionViews(ctx, s, o.ID, a)
					if err != nil {
						return err
					}
					if *asJSON {
						return writeJSON(env.Stdout, views)
					}
					l := msgLang(o)
					sw := &stickyWriter{w: env.Stdout}
					if len(views) == 0 {
						sw.printf("%s\n", l.Pick("Sin recomendaciones.", "No recommendations."))
					}
					for _, v := range views {
						sw.printf("%s  %s\n   %s\n", v.ID, v.Text, describeAction(v, l.Pick))
						if v.Note != "" {
							sw.printf("   %s: %s\n", l.Pick("Nota", "Note"), v.Note)
						}
					}
					return sw.err
				})
			}
		},
	}
}

// actionViews joins the analysis's recommendations with the stored
// decisions, in the analysis's order; a decision about a recommendation
// the rules no longer produce follows with an empty text.
func actionViews(ctx context.Context, s *store.Store, orgID int64, a *analysis.Analysis) ([]actionView, map[string]store.RecState, error) {
	list, err := s.RecStates(ctx, orgID)
	if err != nil {
		return nil, nil, err
	}
	states := map[string]store.RecState{}
	for _, st := range list {
		states[st.RuleID] = st
	}
	views := []actionView{}
	seen := map[string]bool{}
	for _, r := range a.Recommendations {
		st, ok := states[r.ID]
		if !ok {
			st = store.RecState{RuleID: r.ID, Status: store.RecOpen}
		}
		v := actionViewOf(st, nil)
		v.Text, v.Team = r.Text, r.Team
		views = append(views, v)
		seen[r.ID] = true
	}
	for _, st := range list {
		if !seen[st.RuleID] {
			views = append(views, actionViewOf(st, nil))
		}
	}
	return views, states, nil
}

// actionViewOf is a stored decision as printed, with the text and team of
// the matching view when there is one.
func actionViewOf(st store.RecState, views []actionView) actionView {
	v := actionView{ID: st.RuleID, Status: string(st.Status), Owner: st.Owner, Note: st.Note}
	if !st.Due.IsZero() {
		v.Due = st.Due.Format(time.DateOnly)
	}
	for _, w := range views {
		if w.ID == st.RuleID {
			v.Text, v.Team = w.Text, w.Team
		}
	}
	return v
}

// hasAction reports whether views hold the recommendation id.
func hasAction(views []actionView, id string) bool {
	for _, v := range views {
		if v.ID == id {
			return true
		}
	}
	return false
}

// describeAction is "accepted · owner Zoë · due 2027-01-15" in the
// message language.
func describeAction(v actionView, pick func(es, en string) string) string {
	status := map[string][2]string{
		"open": {"abierta", "open"}, "accepted": {"aceptada", "accepted"},
		"dismissed": {"apartada", "dismissed"}, "done": {"hecha", "done"},
	}[v.Status]
	parts := []string{pick(status[0], status[1])}
	if v.Owner != "" {
		parts = append(parts, pick("responsable ", "owner ")+v.Owner)
	}
	if v.Due != "" {
		parts = append(parts, pick("antes del ", "due ")+v.Due)
	}
	return strings.Join(parts, " · ")
}

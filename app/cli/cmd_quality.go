package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic/analysis"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// qualityCommand prints an organisation's data-quality summary: field
// completeness per record kind and the problems found, with the KPIs each
// one touches (docs/METHOD.md, "Data quality").
func qualityCommand() *Command {
	return &Command{
		Name:    "quality",
		Args:    "--org NAME_OR_ID [--lang es|en] [--json]",
		Summary: "data-quality summary of an organisation's records: completeness, stale or duplicate deals, implausible values, empty months",
		Setup: func(fs *flag.FlagSet) RunFunc {
			org := fs.String("org", "", "organisation name or id")
			lang := fs.String("lang", "", "language of the text, es or en (default: the organisation's)")
			asJSON := fs.Bool("json", false, `print a JSON object {"records","fields","issues"}`)
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return Usagef("unexpected argument %q", args[0])
				}
				if err := checkLang(*lang); err != nil {
					return err
				}
				return withStore(ctx, env, func(s *store.Store) error {
					o, snap, err := orgSnapshot(ctx, s, *org)
					if err != nil {
						return err
					}
					q := orgQuality(snap)
					if *asJSON {
						return writeJSON(env.Stdout, q)
					}
					l, err := orgLang(*lang, o)
					if err != nil {
						return err
					}
					return printQuality(env.Stdout, q, l, "")
				})
			}
		},
	}
}

// orgQuality assesses a snapshot's records as of its AsOf (now when unset).
func orgQuality(snap analysis.Snapshot) kpi.QualityReport {
	asOf := snap.AsOf
	if asOf.IsZero() {
		asOf = time.Now()
	}
	return kpi.AssessQuality(kpi.Inputs{Observations: snap.Observations, Deals: snap.Deals, DealTable: snap.DealTable, Customers: snap.Customers,
		Transactions: snap.Transactions, Leads: snap.Leads}, asOf)
}

// printQuality writes a quality summary for people in l; only records of
// kind `only` when it is set (the import summary).
func printQuality(w io.Writer, q kpi.QualityReport, l locale.Lang, only string) error {
	cat, err := kpi.LoadCatalogue()
	if err != nil {
		return err
	}
	names := func(ids []string) string {
		out := make([]string, 0, len(ids))
		for _, id := range ids {
			if d, ok := cat.Def(id); ok {
				out = append(out, d.Name(l))
			}
		}
		return strings.Join(out, ", ")
	}
	var b strings.Builder
	for _, f := range q.Fields {
		if (only != "" && f.Record != only) || f.Filled == f.Total {
			continue
		}
		rec, err := uiText(l, "quality.record."+f.Record)
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "  %s · %s: %s (%d / %d) → %s\n", rec, f.Field, l.Percent(f.Share, 1), f.Filled, f.Total, names(f.KPIs))
	}
	for _, is := range q.Issues {
		if only != "" && is.Record != only {
			continue
		}
		text, err := uiText(l, "quality.issue."+is.Code)
		if err != nil {
			return err
		}
		rec, err := uiText(l, "quality.record."+is.Record)
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "  %s: %d / %d %s (%s) · %s → %s\n", text, is.Count, is.Total, rec, l.Percent(is.Share, 1),
			strings.Join(is.Examples, ", "), names(is.KPIs))
	}
	head, err := uiText(l, "quality.title")
	if err != nil {
		return err
	}
	if b.Len() == 0 {
		none, err := uiText(l, "quality.none")
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(w, "%s: %s\n", head, none)
		return err
	}
	_, err = fmt.Fprintf(w, "%s:\n%s", head, b.String())
	return err
}

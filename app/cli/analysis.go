package cli

import (
	"context"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic/analysis"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/store"
	"github.com/revopsdx/revopsdx/usecase"
)

// now is the commands' clock ("today" of an analysis, the demo's dates);
// tests may replace it.
var now = time.Now

// orgSnapshot resolves --org and loads the organisation's data for
// analysis (usecase.LoadForAnalysis: the deals as a compact table), as of
// now.
func orgSnapshot(ctx context.Context, s *store.Store, ref string) (store.Org, analysis.Snapshot, error) {
	o, err := findOrg(ctx, s, ref)
	if err != nil {
		return o, analysis.Snapshot{}, err
	}
	snap, err := usecase.LoadForAnalysis(ctx, s, o.ID)
	if err != nil {
		return o, snap, err
	}
	snap.AsOf = now().UTC()
	return o, snap, nil
}

// orgAnalysis resolves --org and analyses the organisation in language
// lang (the --lang value; empty is the organisation's language).
func orgAnalysis(ctx context.Context, s *store.Store, ref, lang string) (store.Org, *analysis.Analysis, error) {
	o, err := findOrg(ctx, s, ref)
	if err != nil {
		return o, nil, err
	}
	l, err := orgLang(lang, o)
	if err != nil {
		return o, nil, err
	}
	a, err := usecase.AnalyseOrg(ctx, s, o.ID, l, now())
	return o, a, err
}

// checkLang validates a --lang value early, before any database work, so
// that a bad value is a usage error whatever the organisation.
func checkLang(flagValue string) error {
	if flagValue == "" {
		return nil
	}
	_, err := locale.ParseLang(flagValue)
	if err != nil {
		return Usagef("--lang: %v", err)
	}
	return nil
}

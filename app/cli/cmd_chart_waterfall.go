package cli

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/revopsdx/revopsdx/charts"
	"github.com/revopsdx/revopsdx/diagnostic/pipeline"
	"github.com/revopsdx/revopsdx/diagnostic/report/chartset"
	"github.com/revopsdx/revopsdx/diagnostic/store"
	"github.com/revopsdx/revopsdx/usecase"
)

// waterfallChart draws the pipeline movement between two deals snapshots
// (--from/--to, else the last two) to out.
func waterfallChart(ctx context.Context, env *Env, org, lang, from, to, out string, o charts.Options) error {
	if (from == "") != (to == "") {
		return Usagef("a waterfall chart takes both --from and --to, or neither (the last two snapshots)")
	}
	var a, b time.Time
	if from != "" {
		var aerr, berr error
		a, aerr = time.Parse("2006-01-02", from)
		b, berr = time.Parse("2006-01-02", to)
		if aerr != nil || berr != nil {
			return Usagef("--from and --to are dates YYYY-MM-DD")
		}
	}
	return withStoreRead(ctx, env, func(s *store.Store) error {
		org, err := findOrg(ctx, s, org)
		if err != nil {
			return err
		}
		l, err := orgLang(lang, org)
		if err != nil {
			return err
		}
		var d pipeline.Diff
		if from != "" {
			d, err = usecase.PipelineDiff(ctx, s, org.ID, a, b)
		} else {
			var ok bool
			d, ok, err = usecase.LatestPipelineDiff(ctx, s, org.ID)
			if err == nil && !ok {
				err = fmt.Errorf("%q has fewer than two deals snapshots; import deals exports of two dates (import --as-of)", org.Name)
			}
		}
		if err != nil {
			return err
		}
		o.Lang, o.Currency = l, org.Currency
		img, err := charts.Waterfall(chartset.Waterfall(d, l), o)
		if err != nil {
			return fmt.Errorf("drawing the waterfall chart: %w", err)
		}
		return writeFileAtomic(out, func(w io.Writer) error { _, err := w.Write(img); return err })
	})
}

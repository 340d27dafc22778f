package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/revopsdx/revopsdx/charts"
	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/report/chartset"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// chartCommand draws one chart of an organisation to a PNG or SVG file.
func chartCommand() *Command {
	return &Command{
		Name: "chart",
		Args: "--org NAME_OR_ID --type radar|pillars|alignment|trend|funnel|scorecard|waterfall [--kpi ID] [--from DATE --to DATE] [--lang es|en] " +
			"[--format png|svg] [--width PX] [--height PX] [--dark] --out FILE",
		Summary: "draw one chart of an organisation to a PNG or SVG file",
		Setup: func(fs *flag.FlagSet) RunFunc {
			org := fs.String("org", "", "organisation name or id")
			typ := fs.String("type", "", "chart: radar, pillars, alignment, trend, funnel, scorecard or waterfall")
			from := fs.String("from", "", "waterfall: start snapshot YYYY-MM-DD (default: the last two snapshots)")
			to := fs.String("to", "", "waterfall: end snapshot YYYY-MM-DD")
			kpiID := fs.String("kpi", "", "KPI id, for trend and scorecard")
			lang := fs.String("lang", "", "language, es or en (default: the organisation's)")
			format := fs.String("format", "", "png or svg (default: from the --out extension, else png)")
			width := fs.Int("width", 0, "width in pixels (default: the chart's own)")
			height := fs.Int("height", 0, "height in pixels (default: the chart's own)")
			dark := fs.Bool("dark", false, "dark theme")
			out := fs.String("out", "", "image file to write (replaced if it exists)")
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return Usagef("unexpected argument %q", args[0])
				}
				if *out == "" || *typ == "" {
					return Usagef("chart needs --org, --type and --out")
				}
				t, err := charts.ParseType(*typ)
				if err != nil {
					return err // an unknown type fails (exit 1), as issue 7 says
				}
				if (t == charts.TypeTrend || t == charts.TypeScorecard) && *kpiID == "" {
					return Usagef("a %s chart needs --kpi ID", t)
				}
				f, err := chartFormat(*format, *out)
				if err != nil {
					return err
				}
				if err := checkLang(*lang); err != nil {
					return err
				}
				if t == charts.TypeWaterfall {
					return waterfallChart(ctx, env, *org, *lang, *from, *to, *out, charts.Options{Width: *width, Height: *height, Dark: *dark, Format: f})
				}
				return withStoreRead(ctx, env, func(s *store.Store) error {
					o, a, err := orgAnalysis(ctx, s, *org, *lang)
					if err != nil {
						return err
					}
					img, hasData, err := chartset.Render(a, t, *kpiID, charts.Options{Width: *width, Height: *height, Lang: a.Lang, Dark: *dark, Format: f})
					if errors.Is(err, diagnostic.ErrNotFound) {
						return fmt.Errorf("%q: %w (see `revopsdx kpis --org %q`)", o.Name, err, o.Name)
					}
					if err != nil {
						return err
					}
					if err := writeFileAtomic(*out, func(w io.Writer) error { _, err := w.Write(img); return err }); err != nil {
						return err
					}
					if !hasData {
						fmt.Fprintf(env.Stderr, "revopsdx: warning: %q has no data for the %s chart%s; %s shows \"no data\"\n", o.Name, t, kpiSuffix(*kpiID, t), *out)
					}
					return nil
				})
			}
		},
	}
}

// chartFormat is --format, else the extension of --out, else PNG.
func chartFormat(flagValue, out string) (charts.Format, error) {
	if flagValue != "" {
		f, err := charts.ParseFormat(flagValue)
		if err != nil {
			return "", Usagef("--format: %v", err)
		}
		return f, nil
	}
	if strings.EqualFold(filepath.Ext(out), ".svg") {
		return charts.SVG, nil
	}
	return charts.PNG, nil
}

func kpiSuffix(id string, t charts.Type) string {
	if t == charts.TypeTrend || t == charts.TypeScorecard {
		return " of " + id
	}
	return ""
}

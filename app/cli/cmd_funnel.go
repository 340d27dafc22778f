package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/pipeline"
	"github.com/revopsdx/revopsdx/diagnostic/store"
	"github.com/revopsdx/revopsdx/usecase"
)

// funnelCommand prints the stage funnel read from consecutive snapshots.
func funnelCommand() *Command {
	return &Command{
		Name:    "funnel",
		Args:    "--org NAME_OR_ID --by stage [--stages \"A,B,C\"] [--lang es|en] [--json]",
		Summary: "stage funnel from consecutive deals snapshots: conversion between stages, median time in stage, skips and regressions",
		Setup: func(fs *flag.FlagSet) RunFunc {
			org := fs.String("org", "", "organisation name or id")
			by := fs.String("by", "stage", "what the funnel is by: stage")
			stages := fs.String("stages", "", "the open stages in order, comma-separated (default: read from how deals move)")
			lang := fs.String("lang", "", "language of the table, es or en (default: the organisation's)")
			asJSON := fs.Bool("json", false, `print {"snapshots","deals","stages":[{"stage","reached","resolved","advanced","conversion","interval","confidence","enough_data","median_days","timed_deals"}],"won","lost","skips","regressions","order_from"}`)
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return Usagef("unexpected argument %q", args[0])
				}
				if *by != "stage" {
					return Usagef("--by: only stage is supported, got %q", *by)
				}
				if err := checkLang(*lang); err != nil {
					return err
				}
				var order []string
				for _, s := range strings.Split(*stages, ",") {
					if s = strings.TrimSpace(s); s != "" {
						order = append(order, s)
					}
				}
				return withStoreRead(ctx, env, func(s *store.Store) error {
					o, err := findOrg(ctx, s, *org)
					if err != nil {
						return err
					}
					f, err := usecase.StageFunnel(ctx, s, o.ID, order)
					if err != nil {
						return err
					}
					if *asJSON {
						return writeJSON(env.Stdout, f)
					}
					l, err := orgLang(*lang, o)
					if err != nil {
						return err
					}
					return printStageFunnel(env.Stdout, f, l)
				})
			}
		},
	}
}

// printStageFunnel writes the stage table and the moves.
func printStageFunnel(w io.Writer, f pipeline.StageFunnel, l locale.Lang) error {
	orderNote := l.Pick("orden leído de los movimientos de los negocios; --stages lo fija", "order read from how deals moved; --stages sets it")
	if f.OrderFrom == "given" {
		orderNote = l.Pick("orden dado con --stages", "order given with --stages")
	}
	fmt.Fprintf(w, l.Pick("Embudo por etapa: %s negocios en %d instantáneas (%s)\n\n", "Stage funnel: %s deals in %d snapshots (%s)\n\n"),
		l.Number(float64(f.Deals), 0), f.Snapshots, orderNote)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, l.Pick("ETAPA\tLLEGARON\tRESUELTOS\tAVANZARON\tCONVERSIÓN\tINTERVALO 90 %\tMEDIANA EN ETAPA", "STAGE\tREACHED\tRESOLVED\tADVANCED\tCONVERSION\t90 % INTERVAL\tMEDIAN IN STAGE"))
	for i, st := range f.Stages {
		next := l.Pick("ganada", "won")
		if i+1 < len(f.Stages) {
			next = f.Stages[i+1].Stage
		}
		conv, iv := "–", "–"
		if st.Conversion != nil {
			conv = l.Percent(*st.Conversion, 1) + " → " + diagnostic.Printable(next)
			iv = l.Percent(st.Interval[0], 0) + "–" + l.Percent(st.Interval[1], 0)
			if !st.Enough {
				iv += l.Pick(" (datos insuficientes)", " (not enough data)")
			}
		}
		days := "–"
		if st.MedianDays != nil {
			days = fmt.Sprintf(l.Pick("%s días (n = %d)", "%s days (n = %d)"), l.Number(*st.MedianDays, 0), st.Timed)
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\t%s\t%s\n", diagnostic.Printable(st.Stage), st.Reached, st.Resolved, st.Advanced, conv, iv, days)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, l.Pick("\nGanadas %d, perdidas %d; saltos de etapa %d, retrocesos %d. Una conversión necesita %d negocios resueltos para un veredicto; la mediana se mide entre instantáneas.\n",
		"\nWon %d, lost %d; stage skips %d, regressions %d. A conversion needs %d resolved deals for a verdict; time in stage is measured between snapshots.\n"),
		f.Won, f.Lost, f.Skips, f.Regressions, pipeline.MinResolved)
	return err
}

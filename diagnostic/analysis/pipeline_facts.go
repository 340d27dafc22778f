package analysis

import (
	"time"

	"github.com/revopsdx/revopsdx/diagnostic/pipeline"
	"github.com/revopsdx/revopsdx/diagnostic/recommend"
)

// MinOpenWithDate is the floor of open deals with an expected close date
// for the past-due share to be a fact: a proportion, so the 30 of
// docs/METHOD.md.
const MinOpenWithDate = 30

// CoverageQuarter is the horizon of the coverage fact: the open pipeline
// should cover the next three months of bookings at today's pace.
const CoverageQuarter = 3

// pipelineFacts adds the facts of dated snapshots and expected close dates
// (docs/PIPELINE.md) to f: the share of deals pushed between the last two
// snapshots, the share of the open pipeline past its expected close date at
// end, and the shortfall of the open pipeline against the next quarter's
// need. Each stays zero (unknown) below its evidence minimum.
func (a *Analysis) pipelineFacts(f *recommend.Facts, end time.Time) {
	if s := a.Snapshot.Slippage; s != nil && s.Enough && s.SharePushed != nil {
		f.PushedShare = *s.SharePushed
	}
	asOf := end
	if !a.Snapshot.AsOf.IsZero() && a.Snapshot.AsOf.Before(end) {
		asOf = a.Snapshot.AsOf
	}
	var withDate int
	var open, past, openAll float64
	t := a.Snapshot.DealTable
	for i := range t.Len() {
		if !t.Open(i) {
			continue
		}
		openAll += t.Amount(i)
		exp := t.ExpectedClose(i)
		if exp.IsZero() {
			continue
		}
		withDate++
		open += t.Amount(i)
		if exp.BeforeTime(asOf) {
			past += t.Amount(i)
		}
	}
	if withDate >= MinOpenWithDate && open > 0 {
		f.PastDueShare = past / open
	}
	// Coverage: bookings of the last three months at the windowed win rate
	// (only with enough closed deals for a verdict on it).
	wr, ok := a.Latest("win_rate")
	if !ok || wr.Value == nil || wr.Insufficient != nil || *wr.Value <= 0 {
		return
	}
	from := a.To.Add(1 - CoverageQuarter).Start()
	var won float64
	for i := range t.Len() {
		if c := t.Closed(i); t.Won(i) && !c.BeforeTime(from) && c.BeforeTime(end) {
			won += t.Amount(i)
		}
	}
	need := won / *wr.Value
	if need > 0 && openAll < need {
		f.CoverageShortfall = 1 - openAll/need
	}
}

// PipelineSlippage is the slippage between the last two of snaps (oldest
// first), nil with fewer than two: what Snapshot.Slippage holds.
func PipelineSlippage(snaps []pipeline.Snapshot) (*pipeline.Slippage, error) {
	if len(snaps) < 2 {
		return nil, nil
	}
	d, err := pipeline.Compute(snaps[len(snaps)-2], snaps[len(snaps)-1])
	if err != nil {
		return nil, err
	}
	return &d.Slippage, nil
}

package kpi

import (
	"math"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// Row is one KPI in one period, as the `kpis` command prints it.
type Row struct {
	KPI       string          `json:"kpi"`
	Period    string          `json:"period"` // YYYY-MM, YYYY-Qn or YYYY
	Value     *float64        `json:"value"`  // nil when not available
	Unit      diagnostic.Unit `json:"unit"`
	Target    *TargetRef      `json:"target"`
	Benchmark *BenchmarkRef   `json:"benchmark"`
	Status    Status          `json:"status"`
	Trend     *Trend          `json:"trend"`
	Missing   []string        `json:"missing"` // inputs lacking; empty when available

	// For the GUI, reports and recommendations; not in the JSON.
	Def   Def    `json:"-"`
	Of    Period `json:"-"`
	Match *Match `json:"-"`
}

// TargetRef is the target in force for the period (scaled to its length
// for flow KPIs) and its date.
type TargetRef struct {
	Value float64          `json:"value"`
	By    diagnostic.Month `json:"by"`
}

// BenchmarkRef is the benchmark chosen for the organisation's profile and
// where the value stands against it. Segment is the benchmark's own segment
// (in English; Match has both languages) and Closest says the profile's
// exact segment had no figure.
type BenchmarkRef struct {
	P25      *float64 `json:"p25"`
	Median   *float64 `json:"median"`
	P75      *float64 `json:"p75"`
	Low      *float64 `json:"low,omitempty"`
	High     *float64 `json:"high,omitempty"`
	Source   string   `json:"source"`
	Year     string   `json:"year"`
	Mark     Mark     `json:"mark"`
	Segment  string   `json:"segment"`
	Closest  bool     `json:"closest"`
	Position Position `json:"position"`
}

// Trend is how the KPI moves: change against the previous period and the
// same period a year earlier (absolute, and relative to the earlier value),
// the least-squares slope per period over the last TrendWindow periods and
// its reading, whether this value is an outlier, and when the target is
// reached at the current slope ("YYYY-MM"/"YYYY-Qn"/"YYYY", "reached" or
// "not_at_current_pace"; empty without a target or without a slope).
type Trend struct {
	Direction     string   `json:"direction"`
	ChangePrev    *float64 `json:"change_prev"`
	PctPrev       *float64 `json:"pct_prev"`
	ChangeYear    *float64 `json:"change_year"`
	PctYear       *float64 `json:"pct_year"`
	Slope         *float64 `json:"slope"`
	Z             *float64 `json:"z"`
	Outlier       bool     `json:"outlier"`
	TargetReached string   `json:"target_reached,omitempty"`
}

// NotAtCurrentPace and Reached are the non-period values of TargetReached.
const (
	NotAtCurrentPace = "not_at_current_pace"
	Reached          = "reached"
)

// maxReachPeriods bounds the projection: beyond ten years it is "not at
// current pace".
const maxReachMonths = 120

// Compute returns every KPI of the catalogue (in.Catalogue, with its custom
// KPIs) for every period of grain g covering from..to, in catalogue order
// then period order. A KPI whose inputs are absent has a nil Value and
// Missing naming them. Months after `to` are never used; history before
// `from` (for year-on-year, trends and 12-month retention) is.
func Compute(in Inputs, from, to diagnostic.Month, g Grain) ([]Row, error) {
	cat := in.Catalogue
	if cat == nil {
		var err error
		if cat, err = sharedCatalogue(); err != nil {
			return nil, err
		}
	}
	if g == "" {
		g = Month
	}
	periods := Periods(g, from, to)
	if len(periods) == 0 {
		return nil, nil
	}
	// History: the trend window, plus a year for year-on-year growth, plus a
	// year of monthly retention ratios.
	hist := (TrendWindow-1)*g.Months() + 24
	base := periods[0].First.Add(-hist)
	l := newLedger(in, base, periods[len(periods)-1].Last(), to)
	c := newCalc(l, cat)
	plan := map[string]diagnostic.PlanItem{}
	for _, it := range in.Plan {
		if !it.Retired {
			plan[it.KPI] = it
		}
	}
	// Every period from the start of the history, for trends and outliers.
	all := Periods(g, base, to)
	if l.hasCust {
		l.precomputeCustomers(all)
	}
	rows := make([]Row, 0, len(cat.KPIs)*len(periods))
	for _, d := range cat.KPIs {
		series := make([]res, len(all))
		for i, p := range all {
			series[i] = c.value(d.ID, p)
		}
		sp := spikes(series, scaleFloor(d.Unit))
		var match *Match
		m, ok, err := FindBenchmark(d.ID, in.Profile)
		if err != nil {
			return nil, err
		}
		if ok {
			match = &m
		}
		item, planned := plan[d.ID]
		off := len(all) - len(periods)
		for j, p := range periods {
			i := off + j
			r := Row{KPI: d.ID, Period: p.String(), Unit: d.Unit, Missing: []string{}, Def: d, Of: p, Match: match}
			if series[i].bad() {
				r.Missing = series[i].miss
			} else {
				v := series[i].v
				r.Value = &v
			}
			if match != nil {
				r.Benchmark = benchRef(*match, r.Value, d, in.Profile.Currency)
			}
			var tgt *diagnostic.Target
			if planned {
				if t, ok := TargetFor(item, p); ok {
					t.Value = scaleTarget(t.Value, d, p)
					tgt = &t
					r.Target = &TargetRef{Value: t.Value, By: t.By}
				}
			}
			if r.Value != nil {
				r.Trend, r.Status = trendAndStatus(series, all, i, d, tgt, c)
				if s := sp[i]; s.scored {
					r.Trend.Z, r.Trend.Outlier = ptr(s.z), s.outlier
				}
			}
			rows = append(rows, r)
		}
	}
	return rows, nil
}

// scaleTarget turns a monthly target of a flow KPI (summed across months)
// into the target of a quarter or a year.
func scaleTarget(v float64, d Def, p Period) float64 {
	if d.Aggregation == AggSum {
		return v * float64(p.Grain.Months())
	}
	return v
}

func benchRef(m Match, v *float64, d Def, currency string) *BenchmarkRef {
	b := &BenchmarkRef{P25: m.P25, Median: m.Median, P75: m.P75, Low: m.Low, High: m.High,
		Source: m.Source, Year: m.Year, Mark: m.Mark, Segment: m.SegmentEN, Closest: m.Closest}
	if v != nil {
		b.Position = PositionOf(*v, m.Benchmark, d.Direction, currency)
	}
	return b
}

func ptr(v float64) *float64 { return &v }

// trendAndStatus reads series[i] against its past and its target.
func trendAndStatus(series []res, all []Period, i int, d Def, tgt *diagnostic.Target, c *calc) (*Trend, Status) {
	v := series[i].v
	t := &Trend{Direction: InsufficientData}
	if i > 0 && !series[i-1].bad() {
		prev := series[i-1].v
		t.ChangePrev = ptr(v - prev)
		if prev != 0 {
			t.PctPrev = ptr((v - prev) / math.Abs(prev))
		}
	}
	yearAgo := all[i].YearAgo()
	if y := c.value(d.ID, yearAgo); !y.bad() {
		t.ChangeYear = ptr(v - y.v)
		if y.v != 0 {
			t.PctYear = ptr((v - y.v) / math.Abs(y.v))
		}
	}
	var xs, ys []float64
	for k := max(0, i-TrendWindow+1); k <= i; k++ {
		if !series[k].bad() {
			xs = append(xs, float64(k))
			ys = append(ys, series[k].v)
		}
	}
	dir, fit := Classify(xs, ys, d.Direction, scaleFloor(d.Unit))
	t.Direction = dir
	slopeKnown := dir != InsufficientData
	if slopeKnown {
		t.Slope = ptr(fit.Slope)
	}
	if tgt == nil {
		return t, NoStatus
	}
	p := all[i]
	in := StatusInput{Value: v, Target: tgt.Value, Direction: d.Direction, Period: p, By: tgt.By, SlopeKnown: slopeKnown}
	switch {
	case meets(v, tgt.Value, d.Direction):
		t.TargetReached = Reached
	case slopeKnown && fit.Slope != 0 && (fit.Slope > 0) == (tgt.Value > v):
		k := math.Ceil((tgt.Value - v) / fit.Slope)
		if k*float64(p.Grain.Months()) <= maxReachMonths {
			reach := Period{p.Grain, p.First.Add(int(k) * p.Grain.Months())}
			t.TargetReached = reach.String()
			in.Reach, in.HasReach = reach, true
		} else {
			t.TargetReached = NotAtCurrentPace
		}
	case slopeKnown:
		t.TargetReached = NotAtCurrentPace
	}
	// Baseline: the value in the period the target was set, else the first
	// value of the series.
	if !tgt.SetOn.IsZero() {
		bp := PeriodOf(p.Grain, diagnostic.MonthOf(tgt.SetOn))
		if b := c.value(d.ID, bp); !b.bad() {
			in.Baseline, in.BaselinePeriod, in.HasBaseline = b.v, bp, true
		}
	}
	if !in.HasBaseline {
		for k := 0; k <= i; k++ {
			if !series[k].bad() {
				in.Baseline, in.BaselinePeriod, in.HasBaseline = series[k].v, all[k], true
				break
			}
		}
	}
	return t, StatusOf(in)
}

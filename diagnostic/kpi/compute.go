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

	// The evidence (docs/METHOD.md). Value is judged over Window: for a
	// rate, the shortest trailing window (month, quarter, 6, 12 months)
	// whose Sample reaches the KPI's minimum (SampleRules); PeriodValue and
	// PeriodSample are the period's own figures, for charts. Sample is nil
	// for sums; Interval is the 90 % interval of a rate, else nil.
	// Insufficient is set when even the longest window falls short: then
	// there is no status, no position against the benchmark and no trend.
	Sample       *float64   `json:"sample"`
	Window       Window     `json:"window"`
	Interval     *Interval  `json:"interval"`
	Confidence   Confidence `json:"confidence"`
	PeriodValue  *float64   `json:"period_value"`
	PeriodSample *float64   `json:"period_sample"`
	Insufficient *Shortfall `json:"insufficient"`
	// Quality lists the data-quality issues that lowered Confidence.
	Quality []string `json:"quality"`

	// For the GUI, reports and recommendations; not in the JSON.
	Def   Def    `json:"-"`
	Of    Period `json:"-"`
	Match *Match `json:"-"`
	// PeriodMissing is what the period's own value lacks (Missing is what
	// the windowed Value lacks).
	PeriodMissing []string `json:"-"`
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
	// Basis says whether the row was chosen by the customers' size seen in
	// the data (average won deal, revenue per customer, company MRR) or by
	// the profile. Reason is set when no row fits (figures then nil): why
	// there is no comparable benchmark. Note flags a profile that
	// contradicts the data, and an old or undated figure used alone.
	Basis  Basis    `json:"basis"`
	Reason string   `json:"reason,omitempty"`
	Notes  []string `json:"notes,omitempty"`
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
	// The test behind Direction: its name (proportion_slope or
	// mann_kendall), the periods tested, the p-value; and, with a
	// projection, the earliest and latest period the target is reached at
	// the ends of the slope's 90 % range (latest "not_at_current_pace"
	// when the slow end never gets there).
	Test          string   `json:"test,omitempty"`
	Periods       int      `json:"periods"`
	P             *float64 `json:"p_value"`
	ReachEarliest string   `json:"reach_earliest,omitempty"`
	ReachLatest   string   `json:"reach_latest,omitempty"`
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
	in.DealTable = in.dealTable() // built once from the records, if need be
	// History: the trend window, plus a year for year-on-year growth, plus a
	// year of monthly retention ratios.
	hist := (TrendWindow-1)*g.Months() + 24
	base := periods[0].First.Add(-hist)
	l := newLedger(in, base, periods[len(periods)-1].Last(), to)
	c := newCalc(l, cat)
	c.dataFirst, _, _ = DataRange(in)
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
	size := c.sizeAt(to, in.Profile.Currency)
	quality := AssessQuality(in, endOf(to))
	for _, d := range cat.KPIs {
		series := make([]res, len(all))
		for i, p := range all {
			series[i] = c.value(d.ID, p)
		}
		sp := spikes(series, scaleFloor(d.Unit))
		var match, noFit *Match
		m, ok, err := ChooseBenchmarkErr(d.ID, in.Profile, size, to.Year)
		if err != nil {
			return nil, err
		}
		if ok && m.Reason == "" {
			match = &m
		} else if ok {
			noFit = &m // rows exist, none fits: "no comparable benchmark"
		}
		item, planned := plan[d.ID]
		off := len(all) - len(periods)
		for j, p := range periods {
			i := off + j
			r := Row{KPI: d.ID, Period: p.String(), Unit: d.Unit, Missing: []string{}, Def: d, Of: p, Match: match, Quality: []string{}}
			own := series[i]
			r.PeriodMissing = own.miss
			if r.PeriodMissing == nil {
				r.PeriodMissing = []string{}
			}
			if !own.bad() {
				r.PeriodValue = ptr(own.v)
				if own.n > 0 {
					r.PeriodSample = ptr(sample(d.ID, own))
				}
			}
			ev := c.judge(d, p, own)
			r.Window, r.Interval, r.Confidence, r.Insufficient = ev.win, ev.interval, ev.confidence, ev.short
			if levels, codes := quality.Downgrade(d.ID); levels > 0 {
				r.Confidence, r.Quality = lower(r.Confidence, levels), codes
			}
			if ev.r.bad() {
				r.Missing, r.Confidence = ev.r.miss, Low // nothing to trust
			} else {
				r.Value = ptr(ev.r.v)
				if ev.r.n > 0 {
					r.Sample = ptr(sample(d.ID, ev.r))
				}
			}
			switch {
			case match != nil:
				r.Benchmark = benchRef(*match, r, in.Profile.Currency)
			case noFit != nil:
				r.Benchmark = &BenchmarkRef{Basis: noFit.Basis, Reason: noFit.Reason}
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
				r.Trend, r.Status = trendAndStatus(series, all, i, d, tgt, c, r)
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

// benchRef places row r (its windowed value and interval) against the
// chosen benchmark; a value without enough data gets no position.
func benchRef(m Match, r Row, currency string) *BenchmarkRef {
	b := &BenchmarkRef{P25: m.P25, Median: m.Median, P75: m.P75, Low: m.Low, High: m.High,
		Source: m.Source, Year: m.Year, Mark: m.Mark, Segment: m.SegmentEN, Closest: m.Closest,
		Basis: m.Basis, Reason: m.Reason, Notes: m.Notes}
	if r.Value != nil && r.Insufficient == nil && m.Reason == "" {
		b.Position = PositionWithin(*r.Value, r.Interval, m.Benchmark, r.Def.Direction, currency)
	}
	return b
}

func ptr(v float64) *float64 { return &v }

// trendAndStatus reads row r (period all[i], its windowed value) against
// its past and its target. Changes are between the periods' own values;
// the direction comes from the trend test (testTrend); the status and the
// projection use the windowed value, and a projection is made only from a
// supported trend.
func trendAndStatus(series []res, all []Period, i int, d Def, tgt *diagnostic.Target, c *calc, r Row) (*Trend, Status) {
	v := *r.Value
	t := &Trend{Direction: InsufficientData}
	if own := series[i]; !own.bad() {
		if i > 0 && !series[i-1].bad() {
			prev := series[i-1].v
			t.ChangePrev = ptr(own.v - prev)
			if prev != 0 {
				t.PctPrev = ptr((own.v - prev) / math.Abs(prev))
			}
		}
		if y := c.value(d.ID, all[i].YearAgo()); !y.bad() {
			t.ChangeYear = ptr(own.v - y.v)
			if y.v != 0 {
				t.PctYear = ptr((own.v - y.v) / math.Abs(y.v))
			}
		}
	}
	tf := testTrend(d.ID, series, i, all[i].Grain)
	t.Periods = tf.periods
	if tf.ran && r.Insufficient == nil {
		t.Test, t.P, t.Slope = tf.test, ptr(tf.p), ptr(tf.slope)
		t.Direction = direction(tf, series, i, d)
	}
	supported := t.Direction == Improving || t.Direction == Worsening
	if tgt == nil || r.Insufficient != nil {
		return t, NoStatus
	}
	p := all[i]
	in := StatusInput{Value: v, Target: tgt.Value, Direction: d.Direction, Period: p, By: tgt.By, SlopeKnown: supported}
	switch {
	case meets(v, tgt.Value, d.Direction):
		t.TargetReached = Reached
	case supported && tf.slope != 0 && (tf.slope > 0) == (tgt.Value > v):
		reach, ok := reachAt(p, v, tgt.Value, tf.slope)
		if ok {
			t.TargetReached = reach.String()
			in.Reach, in.HasReach = reach, true
		} else {
			t.TargetReached = NotAtCurrentPace
		}
		fast, slow := tf.hi, tf.lo
		if tf.slope < 0 {
			fast, slow = tf.lo, tf.hi
		}
		if e, ok := reachAt(p, v, tgt.Value, fast); ok {
			t.ReachEarliest = e.String()
		}
		t.ReachLatest = NotAtCurrentPace
		if l, ok := reachAt(p, v, tgt.Value, slow); ok {
			t.ReachLatest = l.String()
		}
	case supported:
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
	st := StatusOf(in)
	// A shortfall is called off track only when the whole interval is short:
	// when its better end would be on track, the value is at risk.
	if st == OffTrack && r.Interval != nil {
		alt := in
		alt.Value = r.Interval.betterEnd(d.Direction)
		if StatusOf(alt) == OnTrack {
			st = AtRisk
		}
	}
	return t, st
}

// direction reads a trend test: improving or worsening when supported and
// material (the line moves at least StableShare of the level, or the
// unit's floor, over the periods tested), else stable ("no clear trend").
func direction(tf trendFit, series []res, i int, d Def) string {
	if !tf.supported {
		return Stable
	}
	var sum float64
	var n int
	for k := max(0, i-TrendWindow+1); k <= i; k++ {
		if !series[k].bad() {
			sum += series[k].v
			n++
		}
	}
	scale := math.Max(math.Abs(sum/float64(max(n, 1))), scaleFloor(d.Unit))
	if math.Abs(tf.slope)*float64(tf.periods-1) < StableShare*scale {
		return Stable
	}
	if (tf.slope > 0) == (d.Direction != diagnostic.LowerIsBetter) {
		return Improving
	}
	return Worsening
}

// reachAt is the period in which value v reaches target at slope per
// period, false when it never does or only beyond maxReachMonths.
func reachAt(p Period, v, target, slope float64) (Period, bool) {
	if slope == 0 || (slope > 0) != (target > v) {
		return Period{}, false
	}
	k := math.Ceil((target - v) / slope)
	if k*float64(p.Grain.Months()) > maxReachMonths {
		return Period{}, false
	}
	return Period{p.Grain, p.First.Add(int(k) * p.Grain.Months())}, true
}

package importer

import (
	"fmt"
	"sort"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/importer/dateparse"
)

// kpiAgg collects a KPI table's values and combines them into months.
type kpiAgg struct {
	r              *run
	period         int
	metric, value  int   // long layout
	wide           []int // wide layout: metric columns
	months         map[kpiKey]*kpiAcc
	seen           map[kpiDay]int // (metric, period as written) → first row
	finest, widest dateparse.Precision
}

type kpiKey struct {
	metric string
	month  diagnostic.Month
}

type kpiDay struct {
	metric string
	t      time.Time
	p      dateparse.Precision
}

// kpiAcc accumulates one metric's values for one month.
type kpiAcc struct {
	sum, first, last float64
	firstAt, lastAt  time.Time
	n                int
	row              int
	col              string
	raw              string
}

func newKPIAgg(r *run) *kpiAgg {
	k := &kpiAgg{r: r, period: r.col("period"), metric: r.col("metric"), value: r.col("value"),
		months: map[kpiKey]*kpiAcc{}, seen: map[kpiDay]int{}}
	if r.d.Layout == "wide" {
		for i, c := range r.d.Columns {
			if _, ok := r.v.Metrics[c.Field]; ok {
				k.wide = append(k.wide, i)
			}
		}
	}
	return k
}

// add reads one row of the table.
func (k *kpiAgg) add(n int) error {
	r := k.r
	p := r.get(k.period)
	if !p.set {
		if p.raw == "" {
			r.problem(newProblem(n, r.header(k.period), "", "no_period"))
		}
		return nil
	}
	if p.date.Precision == dateparse.Quarter || p.date.Precision == dateparse.Year {
		r.problem(newProblem(n, r.header(k.period), p.raw, "period_not_monthly", "precision", p.date.Precision.String()))
		return nil
	}
	type val struct {
		metric string
		v      float64
		col    int
	}
	var vals []val
	if k.metric >= 0 {
		m, v := r.get(k.metric), r.get(k.value)
		if !m.set {
			if m.raw == "" {
				r.problem(newProblem(n, r.header(k.metric), "", "no_metric_name"))
			}
			return nil
		}
		id, ok := r.v.metric[normalize(m.text)]
		if !ok {
			r.problem(newProblem(n, r.header(k.metric), m.raw, "unknown_metric"))
			return nil
		}
		if v.set {
			vals = append(vals, val{id, v.num.Value, k.value})
		}
	} else {
		for _, i := range k.wide {
			if c := r.get(i); c.set {
				vals = append(vals, val{r.d.Columns[i].Field, c.num.Value, i})
			}
		}
	}
	if r.rowProblems > 0 {
		return nil
	}
	if k.finest == 0 || p.date.Precision < k.finest {
		k.finest = p.date.Precision
	}
	if p.date.Precision > k.widest {
		k.widest = p.date.Precision
	}
	for _, x := range vals {
		if x.metric == "nps" && (x.v < -100 || x.v > 100) {
			r.problem(newProblem(n, r.header(x.col), r.get(x.col).raw, "nps_range"))
		}
		day := kpiDay{x.metric, p.date.Time, p.date.Precision}
		if first, dup := k.seen[day]; dup {
			r.problem(newProblem(n, r.header(x.col), r.get(x.col).raw, "duplicate_period", "metric", x.metric, "period", p.raw, "row", fmt.Sprint(first)))
		}
		k.seen[day] = n
	}
	if r.rowProblems > 0 {
		return nil
	}
	month := diagnostic.MonthOf(p.date.Time)
	for _, x := range vals {
		key := kpiKey{x.metric, month}
		a := k.months[key]
		if a == nil {
			a = &kpiAcc{first: x.v, firstAt: p.date.Time}
			k.months[key] = a
		}
		a.sum += x.v
		a.n++
		if !p.date.Time.Before(a.lastAt) {
			a.last, a.lastAt = x.v, p.date.Time
		}
		if p.date.Time.Before(a.firstAt) {
			a.first, a.firstAt = x.v, p.date.Time
		}
		a.row, a.col, a.raw = n, r.header(x.col), r.get(x.col).raw
	}
	return nil
}

// value combines a month's values by the metric's rule.
func (a *kpiAcc) value(rule Rule) float64 {
	switch rule {
	case RuleSum:
		return a.sum
	case RuleLast:
		return a.last
	case RuleFirst:
		return a.first
	}
	return a.sum / float64(a.n)
}

// finish checks month-level rules and passes the observations to the sink.
func (k *kpiAgg) finish(r *run) error {
	switch k.finest {
	case dateparse.Day:
		r.s.Granularity = "day"
	case dateparse.Week:
		r.s.Granularity = "week"
	case dateparse.Month:
		r.s.Granularity = "month"
	}
	if k.finest == dateparse.Day && k.weekly() {
		r.s.Granularity = "week"
	}
	keys := make([]kpiKey, 0, len(k.months))
	for key := range k.months {
		keys = append(keys, key)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].metric != keys[j].metric {
			return keys[i].metric < keys[j].metric
		}
		return keys[i].month.Before(keys[j].month)
	})
	values := map[kpiKey]float64{}
	for _, key := range keys {
		values[key] = k.months[key].value(r.opts.Rule(key.metric))
	}
	drop := map[kpiKey]bool{}
	for _, key := range keys {
		if key.metric != "churned_customers" {
			continue
		}
		start, ok := values[kpiKey{"customers_start", key.month}]
		if ok && values[key] > start {
			a := k.months[key]
			r.rowProblems = 0
			r.problem(newProblem(a.row, a.col, a.raw, "churn_above_start", "churned", fmt.Sprint(values[key]), "month", key.month.String(), "start", fmt.Sprint(start)))
			r.s.RowsRejected++
			r.s.RowsImported--
			drop[key] = true
		}
	}
	if !r.emit() {
		return nil
	}
	for _, key := range keys {
		if drop[key] {
			continue
		}
		o := diagnostic.Observation{Metric: key.metric, Month: key.month, Value: values[key], Source: r.opts.Source}
		if err := r.sink.Observation(o); err != nil {
			return fmt.Errorf("saving %s for %s: %w", key.metric, key.month, err)
		}
		r.s.Records++
		r.imported.Add(1)
	}
	return nil
}

// weekly reports whether day-precision periods are 7 days apart.
func (k *kpiAgg) weekly() bool {
	var days []time.Time
	seen := map[time.Time]bool{}
	for d := range k.seen {
		if !seen[d.t] {
			seen[d.t] = true
			days = append(days, d.t)
		}
	}
	if len(days) < 2 {
		return false
	}
	sort.Slice(days, func(i, j int) bool { return days[i].Before(days[j]) })
	for i := 1; i < len(days); i++ {
		if days[i].Sub(days[i-1]) != 7*24*time.Hour {
			return false
		}
	}
	return true
}

package importer

import (
	"fmt"
	"strconv"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/importer/dateparse"
)

// maxStages bounds the distinct stage names counted for the summary.
const maxStages = 1000

// col returns the column index of a field, or -1.
func (r *run) col(field string) int {
	for i, c := range r.d.Columns {
		if c.Field == field {
			return i
		}
	}
	return -1
}

// get returns the parsed cell of a column, or an unset cell.
func (r *run) get(i int) *cell {
	if i < 0 {
		return &cell{}
	}
	return &r.cells[i]
}

// header names a column for a problem.
func (r *run) header(i int) string {
	if i < 0 {
		return ""
	}
	return r.d.Columns[i].Header
}

// setBuilder prepares the row builder of the detected shape.
func (r *run) setBuilder() {
	switch r.d.Kind {
	case Deals:
		r.build = r.dealBuilder()
	case Customers:
		r.build = r.customerBuilder()
	case Transactions:
		r.build = r.transactionBuilder()
	case Leads:
		r.build = r.leadBuilder()
	case KPIs:
		r.kpi = newKPIAgg(r)
		r.build = r.kpi.add
	}
}

// dayOf keeps only dates: a month is read as its first day, quarters and
// years are refused.
func (r *run) dayOf(n, i int) (time.Time, bool) {
	c := r.get(i)
	if !c.set {
		return time.Time{}, false
	}
	if c.date.Precision == dateparse.Quarter || c.date.Precision == dateparse.Year {
		r.problem(newProblem(n, r.header(i), c.raw, "not_a_day", "precision", c.date.Precision.String()))
		return time.Time{}, false
	}
	return c.date.Time, true
}

func (r *run) dealBuilder() func(int) error {
	id, name, stage, status := r.col("id"), r.col("name"), r.col("stage"), r.col("status")
	won, closedFlag, amount, currency := r.col("won"), r.col("closed_flag"), r.col("amount"), r.col("currency")
	created, closed, wonDate, lostDate := r.col("created"), r.col("closed"), r.col("won_date"), r.col("lost_date")
	owner, source, pipeline := r.col("owner"), r.col("source"), r.col("pipeline")
	expected, category := r.col("expected_close"), r.col("forecast_category")
	r.s.Statuses = map[diagnostic.DealStatus]int{}
	r.stages = map[string]*StageCount{}
	presetStages := map[string]diagnostic.DealStatus{}
	if r.d.preset != nil {
		for k, v := range r.d.preset.Stages {
			presetStages[normalize(k)] = diagnostic.DealStatus(v)
		}
	}
	orgStages := map[string]diagnostic.DealStatus{}
	for k, v := range r.opts.Stages {
		orgStages[normalize(k)] = v
	}
	type cached struct {
		s  diagnostic.DealStatus
		ok bool
	}
	statusCache := map[string]cached{}
	return func(n int) error {
		d := diagnostic.Deal{
			ExternalID: r.get(id).text, Name: r.get(name).text, Stage: r.get(stage).text,
			Currency: r.get(currency).text, Owner: r.get(owner).text, Source: r.get(source).text, Pipeline: r.get(pipeline).text,
			ForecastCategory: r.get(category).text,
		}
		if d.ExternalID == "" {
			d.ExternalID = "row-" + strconv.Itoa(n)
		}
		if a := r.get(amount); a.set {
			d.Amount = a.num.Value
			if d.Currency == "" {
				d.Currency = a.num.Currency
			}
			if d.Amount < 0 {
				r.problem(newProblem(n, r.header(amount), a.raw, "negative_amount"))
			}
		}
		d.Created, _ = r.dayOf(n, created)
		closedAt, _ := r.dayOf(n, closed)
		wonAt, hasWon := r.dayOf(n, wonDate)
		lostAt, hasLost := r.dayOf(n, lostDate)
		// Status: an explicit status column, then won/closed flags, then the
		// stage vocabulary, then won/lost dates.
		switch st := r.get(status); {
		case st.set:
			sc, hit := statusCache[st.text]
			if !hit {
				sc.s, sc.ok = lookupStatus(st.text, orgStages, presetStages, r.v.dealStat)
				if len(statusCache) < maxStages {
					statusCache[st.text] = sc
				}
			}
			s, ok := sc.s, sc.ok
			if !ok {
				r.problem(newProblem(n, r.header(status), st.raw, "unknown_deal_status"))
			}
			d.Status = s
		case r.get(won).set:
			switch {
			case r.get(won).b:
				d.Status = diagnostic.DealWon
			case r.get(closedFlag).set && r.get(closedFlag).b:
				d.Status = diagnostic.DealLost
			default:
				d.Status = diagnostic.DealOpen
			}
		case stage >= 0 && d.Stage != "":
			sc := r.stages[d.Stage]
			if sc == nil {
				s, ok := lookupStatus(d.Stage, orgStages, presetStages, r.v.dealStat)
				sc = &StageCount{Stage: d.Stage, Status: s, Known: ok}
				if len(r.stages) < maxStages { // beyond, looked up each time and not listed
					r.stages[d.Stage] = sc
				}
			}
			sc.Count++
			d.Status = sc.Status
		case hasWon:
			d.Status = diagnostic.DealWon
		case hasLost:
			d.Status = diagnostic.DealLost
		case stage >= 0:
			r.problem(newProblem(n, r.header(stage), "", "no_stage"))
		default:
			d.Status = diagnostic.DealOpen
		}
		switch d.Status {
		case diagnostic.DealWon:
			d.Closed = firstSet(closedAt, wonAt)
		case diagnostic.DealLost:
			d.Closed = firstSet(closedAt, lostAt)
		default:
			// An open deal's close date is only expected: kept apart, for
			// pipeline movement and slippage (an explicit expected close
			// date column first).
			expAt, _ := r.dayOf(n, expected)
			d.ExpectedClose = firstSet(expAt, closedAt)
			d.Closed = time.Time{}
		}
		if !d.Closed.IsZero() && !d.Created.IsZero() && d.Closed.Before(truncDay(d.Created)) {
			col := closed
			if closedAt.IsZero() {
				col = wonDate
				if d.Status == diagnostic.DealLost {
					col = lostDate
				}
			}
			r.problem(newProblem(n, r.header(col), r.get(col).raw, "closed_before_created", "created", d.Created.Format("2006-01-02")))
		}
		if r.rowProblems > 0 || !r.emit() {
			return nil
		}
		r.s.Statuses[d.Status]++
		r.s.Records++
		r.imported.Add(1)
		return wrapSink(r.sink.Deal(d), n)
	}
}

// lookupStatus reads a stage or status name through the organisation's
// vocabulary, the preset's, then the built-in one.
func lookupStatus(s string, maps ...map[string]diagnostic.DealStatus) (diagnostic.DealStatus, bool) {
	k := normalize(s)
	for _, m := range maps {
		if st, ok := m[k]; ok {
			return st, true
		}
	}
	return diagnostic.DealOpen, false
}

func firstSet(ts ...time.Time) time.Time {
	for _, t := range ts {
		if !t.IsZero() {
			return t
		}
	}
	return time.Time{}
}

func truncDay(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func wrapSink(err error, n int) error {
	if err != nil {
		return fmt.Errorf("saving row %d: %w", n, err)
	}
	return nil
}

func (r *run) customerBuilder() func(int) error {
	id, start, end, churned := r.col("id"), r.col("start"), r.col("end"), r.col("churned")
	mrr, arr, plan := r.col("mrr"), r.col("arr"), r.col("plan")
	return func(n int) error {
		c := diagnostic.Customer{ExternalID: r.get(id).text, Plan: r.get(plan).text}
		if c.ExternalID == "" {
			r.problem(newProblem(n, r.header(id), "", "no_customer_id"))
		}
		c.Start, _ = r.dayOf(n, start)
		c.End, _ = r.dayOf(n, end)
		if ch := r.get(churned); ch.set {
			c.Churned = ch.b
		} else if churned < 0 {
			c.Churned = !c.End.IsZero()
		}
		switch {
		case r.get(mrr).set:
			c.MRR = r.get(mrr).num.Value
			if c.MRR < 0 {
				r.problem(newProblem(n, r.header(mrr), r.get(mrr).raw, "negative_amount"))
			}
		case r.get(arr).set:
			c.MRR = r.get(arr).num.Value / 12
			if c.MRR < 0 {
				r.problem(newProblem(n, r.header(arr), r.get(arr).raw, "negative_amount"))
			}
		}
		if !c.End.IsZero() && !c.Start.IsZero() && c.End.Before(c.Start) {
			r.problem(newProblem(n, r.header(end), r.get(end).raw, "ends_before_start", "start", c.Start.Format("2006-01-02")))
		}
		if r.rowProblems > 0 || !r.emit() {
			return nil
		}
		r.s.Records++
		r.imported.Add(1)
		return wrapSink(r.sink.Customer(c), n)
	}
}

func (r *run) transactionBuilder() func(int) error {
	order, date, amount, profit, customer := r.col("order_id"), r.col("date"), r.col("amount"), r.col("profit"), r.col("customer")
	return func(n int) error {
		t := diagnostic.Transaction{OrderID: r.get(order).text, Customer: r.get(customer).text}
		var ok bool
		if t.Date, ok = r.dayOf(n, date); !ok && !r.get(date).set && r.get(date).raw == "" {
			r.problem(newProblem(n, r.header(date), "", "no_date"))
		}
		if a := r.get(amount); a.set {
			t.Amount = a.num.Value
			if t.Amount < 0 {
				r.problem(newProblem(n, r.header(amount), a.raw, "negative_amount"))
			}
		} else if a.raw == "" {
			r.problem(newProblem(n, r.header(amount), "", "no_amount"))
		}
		if p := r.get(profit); p.set {
			v := p.num.Value
			t.Profit = &v
		}
		if r.rowProblems > 0 || !r.emit() {
			return nil
		}
		r.s.Records++
		r.imported.Add(1)
		return wrapSink(r.sink.Transaction(t), n)
	}
}

func (r *run) leadBuilder() func(int) error {
	id, created, source, stage := r.col("id"), r.col("created"), r.col("source"), r.col("stage")
	def := diagnostic.StageLead
	if id >= 0 {
		if s, ok := r.v.LeadStageByID[r.d.heads[id].norm]; ok {
			def = diagnostic.LeadStage(s)
		}
	}
	return func(n int) error {
		l := diagnostic.Lead{ExternalID: r.get(id).text, Source: r.get(source).text, Stage: def}
		if l.ExternalID == "" {
			l.ExternalID = "row-" + strconv.Itoa(n)
		}
		var ok bool
		if l.Created, ok = r.dayOf(n, created); !ok && r.get(created).raw == "" {
			r.problem(newProblem(n, r.header(created), "", "no_created"))
		}
		if st := r.get(stage); st.set {
			s, known := r.v.leadStg[normalize(st.text)]
			if !known {
				r.problem(newProblem(n, r.header(stage), st.raw, "unknown_lead_stage"))
			}
			l.Stage = s
		}
		if r.rowProblems > 0 || !r.emit() {
			return nil
		}
		r.s.Records++
		r.imported.Add(1)
		return wrapSink(r.sink.Lead(l), n)
	}
}

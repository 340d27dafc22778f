package importer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// Summary is the outcome of an import: what was detected and what was
// read, imported, rejected and skipped, with the problems found. It
// marshals to the JSON printed by `revopsdx import --json`.
type Summary struct {
	Detection
	RowsRead          int                           `json:"rows_read"`
	RowsImported      int                           `json:"rows_imported"` // 0 when the file was rejected
	RowsRejected      int                           `json:"rows_rejected"` // every row read when the file was rejected
	FooterRowsSkipped int                           `json:"footer_rows_skipped"`
	BlankRowsSkipped  int                           `json:"blank_rows_skipped"`
	Records           int                           `json:"records"` // records (or monthly observations) passed to the sink
	Granularity       string                        `json:"granularity,omitempty"`
	Statuses          map[diagnostic.DealStatus]int `json:"statuses,omitempty"`
	Stages            []StageCount                  `json:"stages,omitempty"`
	ProblemCount      int                           `json:"problem_count"`
	Problems          []Problem                     `json:"problems"`
	ElapsedMS         int64                         `json:"elapsed_ms"`
}

// StageCount says how a CRM stage name was read and how many rows had it.
type StageCount struct {
	Stage  string                `json:"stage"`
	Status diagnostic.DealStatus `json:"status"`
	Count  int                   `json:"count"`
	Known  bool                  `json:"known"` // false: not in the vocabulary, read as open
}

// Import reads a file, detects its shape and formats, checks every row and
// passes the records to sink. With any problem, unless opts.SkipInvalid,
// it returns a *ProblemsError listing them all and the caller must discard
// what the sink received (roll back). It streams: memory does not grow with
// the file, except for KPI tables, which are small and combined by month.
func Import(ctx context.Context, path string, opts Options, sink Sink) (Summary, error) {
	start := time.Now()
	d, err := detect(path, opts)
	var s Summary
	if d != nil {
		s.Detection = *d
	}
	if err != nil {
		return s, err
	}
	v, _ := loadVocabulary()
	r := newRun(v, d, opts, sink, &s)
	stop := r.startProgress(start)
	err = r.loop(ctx)
	if err == nil && d.Kind == KPIs {
		err = r.kpi.finish(r)
	}
	stop()
	s.ElapsedMS = time.Since(start).Milliseconds()
	if opts.Progress != nil {
		opts.Progress(r.snapshot(start, true))
	}
	s.Stages = r.stageList()
	if err != nil {
		return s, err
	}
	if s.ProblemCount > 0 && !opts.SkipInvalid {
		s.NothingImported()
		return s, &ProblemsError{File: d.File, Problems: s.Problems, Count: s.ProblemCount}
	}
	return s, nil
}

// NothingImported makes the summary of a rejected file say so: no row or
// record counts as imported (the caller rolls back what the sink got) and
// every row read counts as rejected. Import calls it when it returns a
// *ProblemsError; a caller whose own writing failed calls it too.
func (s *Summary) NothingImported() {
	s.RowsImported, s.Records, s.RowsRejected = 0, 0, s.RowsRead
}

// run is the state of one import.
type run struct {
	v      *vocabulary
	d      *Detection
	opts   Options
	sink   Sink
	s      *Summary
	failed bool // a problem was found and invalid rows are not skipped
	maxP   int

	rowProblems int // problems in the current row
	rows        atomic.Int64
	read        atomic.Int64
	total       int64
	imported    atomic.Int64
	problems    atomic.Int64

	latest time.Time // the latest plausible date: five years from now
	cells  []cell
	build  func(row int) error
	stages map[string]*StageCount
	kpi    *kpiAgg
}

func newRun(v *vocabulary, d *Detection, opts Options, sink Sink, s *Summary) *run {
	r := &run{v: v, d: d, opts: opts, sink: sink, s: s, maxP: opts.MaxProblems}
	now := time.Now
	if opts.Now != nil {
		now = opts.Now
	}
	r.latest = now().AddDate(maxYearsAhead, 0, 0)
	if r.maxP <= 0 {
		r.maxP = 1000
	}
	if r.opts.Source == "" {
		r.opts.Source = "import"
	}
	if r.opts.Rule == nil {
		r.opts.Rule = DefaultRule
	}
	s.Problems = []Problem{}
	r.cells = make([]cell, len(d.Columns))
	r.total = d.Size
	r.setBuilder()
	return r
}

// problem records a problem of the current row.
func (r *run) problem(p Problem) {
	r.rowProblems++
	r.s.ProblemCount++
	r.problems.Add(1)
	if len(r.s.Problems) < r.maxP {
		r.s.Problems = append(r.s.Problems, p)
	}
	if r.opts.OnProblem != nil {
		r.opts.OnProblem(p)
	}
	if !r.opts.SkipInvalid {
		r.failed = true
	}
}

// emit reports whether records may go to the sink.
func (r *run) emit() bool { return !r.failed }

// startProgress calls opts.Progress every interval until the returned stop
// function is called.
func (r *run) startProgress(start time.Time) func() {
	if r.opts.Progress == nil {
		return func() {}
	}
	every := r.opts.ProgressEvery
	if every <= 0 {
		every = 100 * time.Millisecond
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(every)
		defer tick.Stop()
		r.opts.Progress(r.snapshot(start, false))
		for {
			select {
			case <-tick.C:
				r.opts.Progress(r.snapshot(start, false))
			case <-done:
				return
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}

func (r *run) snapshot(start time.Time, done bool) Progress {
	return Progress{Done: done, Rows: r.rows.Load(), Read: r.read.Load(), Total: r.total,
		Imported: r.imported.Load(), Problems: r.problems.Load(), ElapsedMS: time.Since(start).Milliseconds()}
}

// pendingRow is a possible footer row, held until the end of the file
// shows it was one.
type pendingRow struct {
	cells []string
	row   int
}

// loop streams the rows after the header through the builder.
func (r *run) loop(ctx context.Context) error {
	t, readPos, err := r.d.openTable()
	if err != nil {
		return err
	}
	defer t.close()
	if xt, ok := t.(*xlsxTable); ok && xt.total > 0 {
		r.total = int64(xt.total)
	}
	for {
		_, n, err := t.next()
		if err == io.EOF {
			return fileErr(r.d.File, "header_vanished")
		}
		var re *rowError
		if err != nil && (!errors.As(err, &re) || re.fatal) {
			return fmt.Errorf("reading %s: %w", r.d.File, err)
		}
		if n >= r.d.HeaderRow {
			break
		}
	}
	var pending []pendingRow
	afterBlank := false
	width := len(r.d.heads)
	for i := 0; ; i++ {
		if i&255 == 0 {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("import of %s stopped: %w", r.d.File, err)
			}
			r.read.Store(readPos())
		}
		row, n, err := t.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			var re *rowError
			if !errors.As(err, &re) {
				return fmt.Errorf("reading %s: %w", r.d.File, err)
			}
			if err := r.flush(&pending); err != nil {
				return err
			}
			r.rowProblems = 0
			r.s.RowsRead++
			r.rows.Add(1)
			r.problem(newProblem(re.row, "", "", re.code, re.args...))
			r.s.RowsRejected++
			if re.fatal {
				r.problem(newProblem(re.row, "", "", "reading_stopped"))
				break
			}
			continue
		}
		if blank(row) {
			r.s.BlankRowsSkipped++
			afterBlank = true
			continue
		}
		if r.v.isFooter(row, afterBlank) || !r.d.xlsx && len(row) == 1 && width > 1 {
			pending = append(pending, pendingRow{slices.Clone(row), n})
			if len(pending) > 10000 {
				if err := r.flush(&pending); err != nil {
					return err
				}
			}
			continue
		}
		if err := r.flush(&pending); err != nil {
			return err
		}
		afterBlank = false
		if err := r.row(row, n); err != nil {
			return err
		}
	}
	r.read.Store(readPos())
	r.s.FooterRowsSkipped = len(pending)
	if r.s.RowsRead == 0 {
		return fileErr(r.d.File, "no_data_rows")
	}
	return nil
}

// flush processes held rows as data: a later data row showed they were
// not a footer.
func (r *run) flush(p *[]pendingRow) error {
	for _, pr := range *p {
		if err := r.row(pr.cells, pr.row); err != nil {
			return err
		}
	}
	*p = (*p)[:0]
	return nil
}

// row checks and converts one data row.
func (r *run) row(row []string, n int) error {
	r.s.RowsRead++
	r.rows.Add(1)
	r.rowProblems = 0
	width := len(r.d.heads)
	if len(row) != width {
		extra := false
		for _, c := range row[min(width, len(row)):] {
			if c != "" {
				extra = true
			}
		}
		switch {
		case len(row) > width && extra && !r.d.xlsx, len(row) < width && !r.d.xlsx:
			r.problem(newProblem(n, "", "", "ragged", "values", fmt.Sprint(len(row)), "columns", fmt.Sprint(width)))
		}
	}
	for i := range min(width, len(row)) {
		c := row[i]
		if len(c) > maxField {
			r.problem(newProblem(n, r.d.heads[i].raw, "", "field_too_long"))
			row[i] = ""
		} else if r.d.hasNUL && containsNUL(c) {
			r.problem(newProblem(n, r.d.heads[i].raw, c, "nul_byte"))
			row[i] = ""
		}
	}
	if r.rowProblems == 0 { // a ragged or damaged row is not read further
		r.parseCells(row, n)
		if err := r.build(n); err != nil {
			return err
		}
	}
	if r.rowProblems > 0 {
		r.s.RowsRejected++
	} else {
		r.s.RowsImported++
	}
	return nil
}

func containsNUL(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == 0 {
			return true
		}
	}
	return false
}

// stageList returns the stage counts, most frequent first.
func (r *run) stageList() []StageCount {
	if len(r.stages) == 0 {
		return nil
	}
	out := make([]StageCount, 0, len(r.stages))
	for _, sc := range r.stages {
		out = append(out, *sc)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Stage < out[j].Stage
	})
	return out
}

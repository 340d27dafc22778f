package store

import (
	"database/sql"
	"fmt"
	"strconv"
	"strings"
)

// batchRows is how many rows one insert statement carries; the widest table
// (deals: 11 bound columns, 1,408 parameters a statement) stays far below
// SQLite's limit of 32,766 bound parameters.
const batchRows = 128

// maxSharedStmts bounds the prepared statements a batch keeps, one for each
// combination of shared columns met so far.
const maxSharedStmts = 8

// batch collects the rows of one kind until a full statement can run.
//
// Binding a value costs the pure-Go SQLite driver a copy, two calls under
// the connection's mutex and a release, about as much as inserting it, and
// in a real export many columns hold one value for long stretches (the
// currency, the pipeline, a column the file does not have). So a full batch
// binds a column whose value is the same in all its rows once, as a named
// parameter that every row refers to; the others are bound row by row.
type batch struct {
	what       string // "deal", "observation"… for error messages
	head, tail string // "INSERT INTO t(cols) VALUES" and an optional upsert clause
	row        string // "(1, 7, ?, ?, …)": one ? per bound column
	cols       int    // bound columns
	args       []any  // the queued rows' values, row after row
	n          int    // queued rows
	stmts      map[uint64]*sql.Stmt
	send       []any // the last statement's arguments, reused
}

// newBatch prepares a batch for rows made from template row.
func newBatch(what, head, row, tail string) *batch {
	return &batch{what: what, head: head, row: row, tail: tail, cols: strings.Count(row, "?")}
}

// add queues one row of a kind and runs the statement when the batch is
// full. The statements run without the context (no watcher goroutine per
// statement); the transaction itself watches ctx, and the context is checked
// every 1024 rows.
func (w *ImportWriter) add(what, head, row, tail string, args ...any) error {
	if w.rows&1023 == 0 {
		if err := w.ctx.Err(); err != nil {
			return err
		}
	}
	b, ok := w.batches[what]
	if !ok {
		b = newBatch(what, head, w.literalIDs(row), tail)
		w.batches[what] = b
	}
	b.args = append(b.args, args...)
	b.n++
	w.rows++
	if b.n == batchRows {
		return w.flush(b)
	}
	return nil
}

// flush runs the queued rows of one batch as one statement.
func (w *ImportWriter) flush(b *batch) error {
	if b.n == 0 {
		return nil
	}
	var err error
	if b.n == batchRows {
		mask := b.shared()
		var st *sql.Stmt
		if st, err = w.stmt(b, mask); err != nil {
			return err
		}
		_, err = st.Exec(b.arrange(mask)...)
		clear(b.send) // let the values go
	} else {
		_, err = w.tx.Exec(b.query(b.n, 0), b.args...)
	}
	if err != nil {
		if cerr := w.ctx.Err(); cerr != nil {
			return cerr // the transaction watched ctx and rolled back
		}
		return classify(fmt.Sprintf("rows %d to %d (%s)", w.rows-b.n+1, w.rows, b.what), err)
	}
	clear(b.args)
	b.args, b.n = b.args[:0], 0
	return nil
}

// flushAll runs every partial batch and stores the last deal chunk;
// Import calls it after fill.
func (w *ImportWriter) flushAll() error {
	for _, b := range w.batches {
		if err := w.flush(b); err != nil {
			return err
		}
	}
	return w.writeChunk()
}

// close releases the prepared statements.
func (w *ImportWriter) close() {
	for _, b := range w.batches {
		for _, st := range b.stmts {
			st.Close()
		}
	}
}

// stmt returns the prepared full-batch statement for a set of shared
// columns, preparing it the first time.
func (w *ImportWriter) stmt(b *batch, mask uint64) (*sql.Stmt, error) {
	if st, ok := b.stmts[mask]; ok {
		return st, nil
	}
	if len(b.stmts) >= maxSharedStmts {
		for _, st := range b.stmts {
			st.Close()
		}
		b.stmts = nil
	}
	st, err := w.tx.PrepareContext(w.ctx, b.query(batchRows, mask))
	if err != nil {
		return nil, fmt.Errorf("preparing %s insert: %w", b.what, err)
	}
	if b.stmts == nil {
		b.stmts = map[uint64]*sql.Stmt{}
	}
	b.stmts[mask] = st
	return st, nil
}

// shared returns the columns (bit i for column i) whose value is the same
// in every queued row. Values are strings, numbers, booleans or nil, all
// comparable.
func (b *batch) shared() uint64 {
	var mask uint64
	for c := 0; c < b.cols && c < 64; c++ {
		v, same := b.args[c], true
		for r := 1; r < b.n && same; r++ {
			same = b.args[r*b.cols+c] == v
		}
		if same {
			mask |= 1 << c
		}
	}
	return mask
}

// arrange lists the statement's arguments in parameter order: the first
// row's values, its shared ones named, then the other rows' unshared values.
func (b *batch) arrange(mask uint64) []any {
	send := b.send[:0]
	for c := 0; c < b.cols; c++ {
		if mask&(1<<c) != 0 {
			send = append(send, sql.Named(paramName(c), b.args[c]))
		} else {
			send = append(send, b.args[c])
		}
	}
	if mask == 0 {
		send = append(send, b.args[b.cols:b.n*b.cols]...)
	} else {
		for r := 1; r < b.n; r++ {
			for c, v := range b.args[r*b.cols : (r+1)*b.cols] {
				if mask&(1<<c) == 0 {
					send = append(send, v)
				}
			}
		}
	}
	b.send = send
	return send
}

// paramName names the parameter of shared column c ("c3").
func paramName(c int) string { return "c" + strconv.Itoa(c) }

// query is the insert statement for n rows, with the columns in mask
// referring to one named parameter each (":c3") instead of a "?" per row.
// SQLite numbers a named parameter where it first appears and every "?"
// after the highest number so far, so the parameters of the first row are
// numbered in column order and those of later rows follow: the order
// arrange lists the values in.
func (b *batch) query(n int, mask uint64) string {
	row := b.row
	if mask != 0 {
		var r strings.Builder
		c := 0
		for _, ch := range b.row {
			if ch == '?' {
				if mask&(1<<c) != 0 {
					r.WriteString(":" + paramName(c))
				} else {
					r.WriteByte('?')
				}
				c++
				continue
			}
			r.WriteRune(ch)
		}
		row = r.String()
	}
	var q strings.Builder
	q.Grow(len(b.head) + n*(len(row)+2) + len(b.tail))
	q.WriteString(b.head)
	for i := 0; i < n; i++ {
		if i > 0 {
			q.WriteString(", ")
		}
		q.WriteString(row)
	}
	q.WriteString(b.tail)
	return q.String()
}

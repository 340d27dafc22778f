package store

import (
	"context"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// The kinds of imported file recorded in the import log.
const (
	KindKPITable     = "kpi_table"
	KindDeals        = "deals"
	KindCustomers    = "customers"
	KindTransactions = "transactions"
	KindLeads        = "leads"
)

// ImportRecord is one line of the import log: which file was imported, how
// its columns were mapped and how many rows it brought.
type ImportRecord struct {
	ID       int64             `json:"id"`
	FileName string            `json:"file_name"`
	SHA256   string            `json:"sha256"` // hex, of the file's bytes
	Kind     string            `json:"kind"`   // KindKPITable, KindDeals…
	Mapping  map[string]string `json:"mapping"`
	Accepted int               `json:"rows_accepted"`
	Rejected int               `json:"rows_rejected"`
	At       time.Time         `json:"at"`
	// Replace asks Import to replace an earlier import of the same file
	// (same SHA-256) instead of failing with ErrConflict. It is a request,
	// not stored.
	Replace bool `json:"-"`
	// AsOf is the day a deals export shows the pipeline on (its snapshot
	// date; zero: the day of the import). Only deals imports have one.
	AsOf time.Time `json:"as_of,omitzero"`
	// MatchKey says how the deals of this snapshot are matched with those
	// of other snapshots: MatchRecordID or MatchNameCreated.
	MatchKey string `json:"match_key,omitempty"`
	// Replaced is the id of the earlier snapshot of the same day that this
	// import replaced (0: none). Set by Import.
	Replaced int64 `json:"replaced,omitempty"`
}

// ImportWriter adds the rows of one import inside its transaction, through
// prepared multi-row inserts (batchRows rows a statement: the per-statement
// cost of the pure-Go SQLite is paid once per batch, not once per row). It
// is only valid inside the fill function of Import, which flushes the last
// partial batches before committing.
type ImportWriter struct {
	ctx      context.Context
	tx       *sql.Tx
	orgID    int64
	importID int64
	batches  map[string]*batch
	tsCache  map[time.Time]any
	chunks   *chunkWriter // the deals, in chunks (deal_chunks)
	rows     int
	rejected int
}

// ID is the id of the import being written ("import:<id>" is the Source of
// its observations).
func (w *ImportWriter) ID() int64 { return w.importID }

// Reject counts n rows the importer skipped; they are added to the log's
// rejected count.
func (w *ImportWriter) Reject(n int) { w.rejected += n }

// Import writes one imported file all-or-nothing: it records rec in the
// import log, calls fill to add the rows through w, and commits once. Any
// error from fill or the database, or ctx being cancelled, rolls everything
// back. A file whose SHA-256 was already imported for the organisation fails
// with diagnostic.ErrConflict unless rec.Replace is set, in which case the
// earlier import and every row it brought are deleted in the same
// transaction. Accepted is the number of rows added; Rejected is rec's count
// plus the rows passed to w.Reject. A zero At is now.
func (s *Store) Import(ctx context.Context, orgID int64, rec ImportRecord, fill func(w *ImportWriter) error) (ImportRecord, error) {
	if err := checkImportRecord(rec); err != nil {
		return rec, err
	}
	if rec.At.IsZero() {
		rec.At = s.opts.Now().UTC()
	}
	mapping, err := json.Marshal(nonNil(rec.Mapping))
	if err != nil {
		return rec, fmt.Errorf("import of %s: mapping: %w", rec.FileName, err)
	}
	err = s.writeTrusted(ctx, fmt.Sprintf("importing %s", rec.FileName), func(tx *sql.Tx) error {
		if err := s.touchOrg(ctx, tx, orgID); err != nil {
			return err
		}
		var oldID int64
		var oldName, oldAt string
		err := tx.QueryRowContext(ctx, `SELECT id, file_name, at FROM imports WHERE org_id = ? AND sha256 = ?`, orgID, rec.SHA256).Scan(&oldID, &oldName, &oldAt)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return err
		case !rec.Replace:
			return fmt.Errorf("this file was already imported as %s on %s (import %d); use --replace to import it again: %w",
				oldName, strings.Replace(oldAt[:16], "T", " ", 1), oldID, diagnostic.ErrConflict)
		default:
			if err := deleteImportRows(ctx, tx, oldID); err != nil {
				return err
			}
		}
		asOf, err := s.replaceSameDay(ctx, tx, orgID, &rec)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO imports(org_id, file_name, sha256, kind, mapping, at, as_of, match_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			orgID, rec.FileName, rec.SHA256, rec.Kind, string(mapping), ts(rec.At), asOf, rec.MatchKey)
		if err != nil {
			return err
		}
		w := &ImportWriter{ctx: ctx, tx: tx, orgID: orgID, batches: map[string]*batch{}, tsCache: map[time.Time]any{}}
		if w.importID, err = res.LastInsertId(); err != nil {
			return err
		}
		defer w.close()
		if err := fill(w); err != nil {
			return err
		}
		if err := w.flushAll(); err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		rec.ID, rec.Accepted, rec.Rejected = w.importID, w.rows, rec.Rejected+w.rejected
		_, err = tx.ExecContext(ctx, `UPDATE imports SET rows_accepted = ?, rows_rejected = ? WHERE id = ?`, rec.Accepted, rec.Rejected, rec.ID)
		return err
	})
	return rec, err
}

func nonNil(m map[string]string) map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return m
}

func checkImportRecord(rec ImportRecord) error {
	if b, err := hex.DecodeString(rec.SHA256); err != nil || len(b) != 32 {
		return fmt.Errorf("import of %s: SHA-256 %q is not 64 hex digits: %w", rec.FileName, rec.SHA256, diagnostic.ErrInvalid)
	}
	switch rec.Kind {
	case KindKPITable, KindDeals, KindCustomers, KindTransactions, KindLeads:
	default:
		return fmt.Errorf("import of %s: unknown kind %q: %w", rec.FileName, rec.Kind, diagnostic.ErrInvalid)
	}
	if rec.FileName == "" {
		return fmt.Errorf("import without a file name: %w", diagnostic.ErrInvalid)
	}
	return nil
}

// literalIDs writes the organisation and import ids into a row template
// ("{org}", "{import}") as integer literals: they are the same for every row
// of an import, and binding them once per row was a measurable share of a
// large import. They are int64 values from the database, never user text.
func (w *ImportWriter) literalIDs(row string) string {
	imp := "NULL"
	if w.importID != 0 {
		imp = strconv.FormatInt(w.importID, 10)
	}
	return strings.NewReplacer("{org}", strconv.FormatInt(w.orgID, 10), "{import}", imp).Replace(row)
}

// nullTS formats an instant like nullTS, remembering up to 4,096 distinct
// values ready to bind (formatted and boxed): the rows of an export share
// few dates, and formatting and boxing each again was a measurable share of
// a large import.
func (w *ImportWriter) nullTS(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	if v, ok := w.tsCache[t]; ok {
		return v
	}
	var v any = ts(t)
	if len(w.tsCache) >= 4096 {
		clear(w.tsCache)
	}
	w.tsCache[t] = v
	return v
}

// AddObservation adds a monthly KPI or input value, replacing an earlier
// value of that metric and month.
func (w *ImportWriter) AddObservation(o diagnostic.Observation) error {
	if err := checkObservation(o); err != nil {
		return err
	}
	return w.add("observation", "INSERT INTO observations(org_id, metric, period, value, source, import_id) VALUES ", "({org}, ?, ?, ?, ?, {import})", observationUpsert,
		o.Metric, o.Month.String(), o.Value, sourceImport)
}

// AddDeal adds a deal. Deals are kept in chunks of up to 65,536
// (deal_chunks, dealchunks.go), not a row each.
func (w *ImportWriter) AddDeal(d diagnostic.Deal) error {
	if w.rows&1023 == 0 {
		if err := w.ctx.Err(); err != nil {
			return err
		}
	}
	if err := finite("deal "+d.ExternalID+" amount", d.Amount); err != nil {
		return err
	}
	if err := w.addDeal(&d); err != nil {
		return err
	}
	w.rows++
	return nil
}

// AddCustomer adds a customer or subscription.
func (w *ImportWriter) AddCustomer(c diagnostic.Customer) error {
	if err := finite("customer "+c.ExternalID+" MRR", c.MRR); err != nil {
		return err
	}
	return w.add("customer", "INSERT INTO customers(org_id, import_id, external_id, start_on, end_on, churned, mrr, plan) VALUES ", "({org}, {import}, ?, ?, ?, ?, ?, ?)", "",
		c.ExternalID, w.nullTS(c.Start), w.nullTS(c.End), c.Churned, c.MRR, c.Plan)
}

// AddTransaction adds an order or invoice line.
func (w *ImportWriter) AddTransaction(t diagnostic.Transaction) error {
	if t.Date.IsZero() {
		return fmt.Errorf("transaction %s has no date: %w", t.OrderID, diagnostic.ErrInvalid)
	}
	if err := finite("transaction "+t.OrderID+" amount", t.Amount); err != nil {
		return err
	}
	var profit any
	if t.Profit != nil {
		profit = *t.Profit
	}
	return w.add("transaction", "INSERT INTO transactions(org_id, import_id, order_id, date, amount, profit, customer) VALUES ", "({org}, {import}, ?, ?, ?, ?, ?)", "",
		t.OrderID, w.nullTS(t.Date), t.Amount, profit, t.Customer)
}

// AddLead adds a lead.
func (w *ImportWriter) AddLead(l diagnostic.Lead) error {
	switch l.Stage {
	case diagnostic.StageLead, diagnostic.StageMQL, diagnostic.StageSQL, diagnostic.StageCustomer:
	default:
		return fmt.Errorf("lead %s: stage %q is not lead, mql, sql or customer: %w", l.ExternalID, l.Stage, diagnostic.ErrInvalid)
	}
	if l.Created.IsZero() {
		return fmt.Errorf("lead %s has no creation date: %w", l.ExternalID, diagnostic.ErrInvalid)
	}
	return w.add("lead", "INSERT INTO leads(org_id, import_id, external_id, created, source, stage) VALUES ", "({org}, {import}, ?, ?, ?, ?)", "",
		l.ExternalID, w.nullTS(l.Created), l.Source, string(l.Stage))
}

func finite(what string, v float64) error {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return fmt.Errorf("%s is not a number: %w", what, diagnostic.ErrInvalid)
	}
	return nil
}

// Imports returns the organisation's import log, oldest first.
func (s *Store) Imports(ctx context.Context, orgID int64) ([]ImportRecord, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, file_name, sha256, kind, mapping, rows_accepted, rows_rejected, at, coalesce(as_of, ''), match_key
		FROM imports WHERE org_id = ? ORDER BY id`, orgID)
	if err != nil {
		return nil, classify("reading the import log", err)
	}
	defer rows.Close()
	var list []ImportRecord
	for rows.Next() {
		var r ImportRecord
		var mapping, at, asOf string
		if err := rows.Scan(&r.ID, &r.FileName, &r.SHA256, &r.Kind, &mapping, &r.Accepted, &r.Rejected, &at, &asOf, &r.MatchKey); err != nil {
			return nil, classify("reading the import log", err)
		}
		if err := json.Unmarshal([]byte(mapping), &r.Mapping); err != nil {
			return nil, fmt.Errorf("import %d: stored mapping: %w", r.ID, err)
		}
		if r.At, err = parseTS(at); err != nil {
			return nil, err
		}
		if r.AsOf, err = parseDay(asOf); err != nil {
			return nil, err
		}
		list = append(list, r)
	}
	return list, classify("reading the import log", rows.Err())
}

// DeleteImport deletes an import and every row and value it brought.
func (s *Store) DeleteImport(ctx context.Context, orgID, importID int64) error {
	return s.write(ctx, fmt.Sprintf("deleting import %d", importID), func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM imports WHERE org_id = ? AND id = ?`, orgID, importID)
		if err != nil {
			return err
		}
		if err := mustAffect(res, "import %d", importID); err != nil {
			return err
		}
		return s.touchOrg(ctx, tx, orgID)
	})
}

package store

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// TestBatchesBindSharedColumnsOnce imports enough deals for many full
// batches, with columns that are constant for the whole file, constant for
// some batches only, NULL for a whole batch, or different in every row, and
// reads every deal back exactly: whichever columns a batch shares, each row
// keeps its own values.
func TestBatchesBindSharedColumnsOnce(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t)
	o := mustOrg(t, s, "Acme")
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	const n = 5*batchRows + 37 // five full batches and a partial one
	want := make([]diagnostic.Deal, n)
	for i := range want {
		d := diagnostic.Deal{
			ExternalID: fmt.Sprintf("D%04d", i),      // different in every row
			Name:       "",                           // empty everywhere
			Stage:      fmt.Sprint("S", i/batchRows), // one per batch
			Status:     diagnostic.DealWon,
			Amount:     float64(i % 7),
			Currency:   "EUR", // the same everywhere
			Created:    base.AddDate(0, 0, i/200),
			Owner:      fmt.Sprint("Owner ", i%3),
			Source:     "Web",
			Pipeline:   "Main",
		}
		if i/batchRows == 1 { // a batch of open deals, Closed NULL throughout
			d.Status = diagnostic.DealOpen
		} else {
			d.Closed = d.Created.AddDate(0, 0, 10+i%5)
		}
		if i/batchRows == 2 && i%batchRows == 77 { // one row breaks a batch's sharing
			d.Source, d.Currency = "Referral", "USD"
		}
		if i/batchRows == 3 { // a batch with the same amount in every row
			d.Amount = 1234.56
		}
		want[i] = d
	}
	rec, err := s.Import(ctx, o.ID, ImportRecord{FileName: "many.csv", SHA256: sha('c'), Kind: KindDeals}, func(w *ImportWriter) error {
		for _, d := range want {
			if err := w.AddDeal(d); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if rec.Accepted != n {
		t.Errorf("accepted %d, want %d", rec.Accepted, n)
	}
	got, err := s.Deals(ctx, o.ID, Range{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != n {
		t.Fatalf("read back %d deals, want %d", len(got), n)
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("deal %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
}

// TestBatchSharedMaskAndArguments checks the statement and argument order
// for a batch that shares some columns: the named parameters stand where
// the first row binds them, and the later rows list only their own values.
func TestBatchSharedMaskAndArguments(t *testing.T) {
	b := newBatch("test", "INSERT INTO t(a, b, c) VALUES ", "(1, ?, ?, ?)", "")
	for r := 0; r < 3; r++ {
		b.args = append(b.args, r, "same", nil)
		b.n++
	}
	if got := b.shared(); got != 0b110 {
		t.Fatalf("shared mask %03b, want 110", got)
	}
	q := b.query(b.n, 0b110)
	if wantQ := "INSERT INTO t(a, b, c) VALUES (1, ?, :c1, :c2), (1, ?, :c1, :c2), (1, ?, :c1, :c2)"; q != wantQ {
		t.Errorf("query\n got %s\nwant %s", q, wantQ)
	}
	args := b.arrange(0b110)
	if len(args) != 5 || args[0] != 0 || args[3] != 1 || args[4] != 2 {
		t.Errorf("arguments %v", args)
	}
}

package store

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// TestDealRecordsRoundTrip: any deal the store accepts decodes exactly as
// written: every status, dates absent or present with nanoseconds and in
// any zone (given back in UTC), before 1970 and far ahead, amounts of any
// sign and size, any Unicode, empty texts, and more distinct values of a
// dictionary field than a chunk's dictionary holds.
func TestDealRecordsRoundTrip(t *testing.T) {
	zones := []*time.Location{time.UTC, time.FixedZone("x", -5*3600-1800), time.FixedZone("y", 13*3600)}
	for seed := range uint64(5) {
		r := rand.New(rand.NewPCG(seed, 9))
		n := 1 + r.IntN(3000)
		if seed == 0 {
			n = dictMax + 500 // owners beyond the dictionary
		}
		in := storeDeals(r, n)
		texts := []string{"", "ñandú", "日本語の取引", "emoji 🚀", "tab\tand\nnewline", "\x00nul", "a,\"quoted\""}
		for i := range in {
			d := &in[i]
			d.Stage, d.Currency, d.Source = texts[r.IntN(len(texts))], texts[r.IntN(len(texts))], texts[r.IntN(len(texts))]
			d.Owner = fmt.Sprint("Owner ", i) // all distinct
			d.Pipeline, d.ForecastCategory = texts[r.IntN(len(texts))], texts[r.IntN(len(texts))]
			switch r.IntN(6) {
			case 0:
				d.Amount = math.Copysign(0, -1)
			case 1:
				d.Amount = math.MaxFloat64
			case 2:
				d.Amount = -1e-300
			}
			if !d.Created.IsZero() {
				d.Created = d.Created.In(zones[r.IntN(len(zones))])
			}
			if r.IntN(20) == 0 {
				d.Closed = time.Date(1901, 2, 3, 4, 5, 6, 7, time.UTC)
			}
			if r.IntN(20) == 0 {
				d.Created = time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC)
			}
		}
		var e recEncoder
		e.reset()
		for i := range in {
			if err := e.add(&in[i]); err != nil {
				t.Fatal(err)
			}
		}
		out, err := decodeRecords(e.buf, len(in), nil)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		if !sameDeals(out, in) {
			t.Fatalf("seed %d: the decoded deals differ", seed)
		}
		for _, d := range out {
			if !d.Created.IsZero() && d.Created.Location() != time.UTC {
				t.Fatalf("seed %d: a date not in UTC", seed)
			}
		}
		for i := range out {
			if math.Float64bits(out[i].Amount) != math.Float64bits(in[i].Amount) {
				t.Fatalf("seed %d: amount %v decoded as %v", seed, in[i].Amount, out[i].Amount)
			}
		}
	}
}

// TestDealRecordsRefuseOtherStatuses: the encoder refuses a status the
// store does not keep, as the deals table's CHECK did.
func TestDealRecordsRefuseOtherStatuses(t *testing.T) {
	var e recEncoder
	e.reset()
	if err := e.add(&diagnostic.Deal{Status: "maybe"}); !errors.Is(err, diagnostic.ErrInvalid) {
		t.Fatalf("status maybe: %v", err)
	}
}

// TestDamagedDealRecords: bytes cut short, changed or added give an error
// that says where (never a panic, never wrong deals without an error).
func TestDamagedDealRecords(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 4))
	in := storeDeals(r, 200)
	var e recEncoder
	e.reset()
	for i := range in {
		if err := e.add(&in[i]); err != nil {
			t.Fatal(err)
		}
	}
	good := e.buf
	for cut := 0; cut < len(good); cut += 1 + r.IntN(40) {
		if _, err := decodeRecords(good[:cut], len(in), nil); !errors.Is(err, diagnostic.ErrInvalid) {
			t.Fatalf("cut at %d of %d: %v", cut, len(good), err)
		}
	}
	if _, err := decodeRecords(append(append([]byte{}, good...), 0), len(in), nil); !errors.Is(err, diagnostic.ErrInvalid) {
		t.Fatalf("a byte added: %v", err)
	}
	for range 2000 {
		bad := append([]byte{}, good...)
		bad[r.IntN(len(bad))] ^= byte(1 + r.IntN(255))
		out, err := decodeRecords(bad, len(in), nil)
		if err == nil && len(out) != len(in) {
			t.Fatalf("changed bytes: %d deals without an error", len(out))
		}
	}
}

// FuzzDealRecords: no input makes the decoder panic.
func FuzzDealRecords(f *testing.F) {
	var e recEncoder
	e.reset()
	for _, d := range storeDeals(rand.New(rand.NewPCG(1, 2)), 5) {
		_ = e.add(&d)
	}
	f.Add(e.buf, 5)
	f.Add([]byte{recordsVersion}, 1)
	f.Fuzz(func(t *testing.T, data []byte, n int) {
		if n < 0 || n > 1000 {
			return
		}
		_, _ = decodeRecords(data, n, nil)
	})
}

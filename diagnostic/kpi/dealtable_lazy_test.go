package kpi

import (
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// TestExpectedCloseColumnIsLazy: a table whose deals have no expected
// close date keeps no column for it, and every deal answers "no date"; the
// first date makes the column, the deals before it without one, whichever
// way the table is built (records or the encoded chunks).
func TestExpectedCloseColumnIsLazy(t *testing.T) {
	day := time.Date(2026, 3, 4, 5, 6, 7, 8, time.UTC)
	none := []diagnostic.Deal{{ExternalID: "a", Status: diagnostic.DealOpen}, {ExternalID: "b", Status: diagnostic.DealWon}}
	some := append(append([]diagnostic.Deal{}, none...), diagnostic.Deal{ExternalID: "c", Status: diagnostic.DealOpen, ExpectedClose: day},
		diagnostic.Deal{ExternalID: "d", Status: diagnostic.DealOpen})
	for _, build := range []struct {
		name string
		of   func([]diagnostic.Deal) *DealTable
	}{
		{"records", DealTableOf},
		{"encoded", func(ds []diagnostic.Deal) *DealTable {
			var buf []byte
			for i := range ds {
				buf = EncodeDeal(buf, &ds[i])
			}
			tab := &DealTable{}
			tab.Reserve(len(ds), 8)
			if err := tab.AppendEncoded(buf, len(ds)); err != nil {
				t.Fatal(err)
			}
			return tab
		}},
	} {
		tab := build.of(none)
		if tab.expected != nil || !tab.ExpectedClose(0).IsZero() || !tab.ExpectedClose(1).IsZero() {
			t.Errorf("%s: no dates: column %v", build.name, tab.expected)
		}
		tab = build.of(some)
		if len(tab.expected) != 4 || !tab.ExpectedClose(0).IsZero() || !tab.ExpectedClose(1).IsZero() ||
			!tab.ExpectedClose(2).Equal(instantOf(day)) || tab.ExpectedClose(2).Day() != instantOf(day).Day() || !tab.ExpectedClose(3).IsZero() {
			t.Errorf("%s: one date: column %v", build.name, tab.expected)
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("ExpectedClose past the last deal did not panic")
		}
	}()
	DealTableOf(none).ExpectedClose(2)
}

package cli

import (
	"reflect"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/importer"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
)

// TestQualitySinkKeepsColumnsOnly: a dry run's quality sink keeps deals as
// table rows, not records (a million records were a gigabyte), and the
// quality it states is the same as from the records.
func TestQualitySinkKeepsColumnsOnly(t *testing.T) {
	day := func(s string) time.Time { v, _ := time.Parse("2006-01-02", s); return v }
	deals := []diagnostic.Deal{
		{ExternalID: "1", Status: diagnostic.DealWon, Amount: 100, Created: day("2026-01-02"), Closed: day("2026-02-01")},
		{ExternalID: "1", Status: diagnostic.DealWon, Amount: 100, Created: day("2026-01-02"), Closed: day("2026-02-01")},
		{Name: "No id", Status: diagnostic.DealOpen, Amount: 50, Created: day("2025-01-02"), ExpectedClose: day("2025-03-01")},
		{ExternalID: "3", Status: diagnostic.DealLost, Amount: -5},
	}
	sink := &qualitySink{next: &importer.CountingSink{}}
	for _, d := range deals {
		if err := sink.Deal(d); err != nil {
			t.Fatal(err)
		}
	}
	if len(sink.in.Deals) != 0 || sink.in.DealTable == nil || sink.in.DealTable.Len() != len(deals) {
		t.Fatalf("kept %d records and a table of %v", len(sink.in.Deals), sink.in.DealTable)
	}
	asOf := day("2026-06-01")
	got, want := kpi.AssessQuality(sink.in, asOf), kpi.AssessQuality(kpi.Inputs{Deals: deals}, asOf)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("quality from the table %+v, from the records %+v", got, want)
	}
}

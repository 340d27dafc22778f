package usecase

import (
	"fmt"
	"path/filepath"
	"regexp"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// fileDate finds a date in a file name: 2026-03-31, 2026_03_31, 2026.03.31
// or 20260331, not inside a longer run of digits.
var fileDate = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)[0-9]{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12][0-9]|3[01])(?:[^0-9]|$)`)

// DateInFileName returns the date a file's name carries ("deals
// 2026-03-31.csv", "hubspot_20260331.xlsx"), if any and if real (31
// February is not).
func DateInFileName(file string) (time.Time, bool) {
	base := filepath.Base(file)
	for _, m := range fileDate.FindAllStringSubmatch(base, -1) {
		t, err := time.Parse("2006-01-02", m[1]+"-"+m[2]+"-"+m[3])
		if err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// SnapshotDate is the date a deals export is kept under: asOf when given,
// else a date in the file name, else today (the local calendar day).
func SnapshotDate(file string, asOf time.Time) time.Time {
	if asOf.IsZero() {
		var ok bool
		if asOf, ok = DateInFileName(file); !ok {
			now := time.Now()
			asOf = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
		}
	}
	return time.Date(asOf.Year(), asOf.Month(), asOf.Day(), 0, 0, 0, 0, time.UTC)
}

// snapshotOf settles a deals import's snapshot: its date (SnapshotDate)
// and how its deals are matched with other snapshots (by the record id
// when the file has an id column, else by name, creation day and
// pipeline).
func snapshotOf(file string, mapping map[string]string, asOf time.Time) (time.Time, string) {
	asOf = SnapshotDate(file, asOf)
	if mapping["id"] != "" {
		return asOf, diagnostic.MatchRecordID
	}
	return asOf, diagnostic.MatchNameCreated
}

// snapshotWarnings states what a deals import did as a snapshot: the date
// it holds, the weaker matching key when the file has no record id, and
// the earlier snapshot of the same day it replaced.
func snapshotWarnings(rec store.ImportRecord) []string {
	if rec.Kind != store.KindDeals {
		return nil
	}
	w := []string{fmt.Sprintf("deals kept as the pipeline snapshot of %s", rec.AsOf.Format("2006-01-02"))}
	if rec.MatchKey == diagnostic.MatchNameCreated {
		w = append(w, "no record id column (HubSpot Record ID, Salesforce Opportunity ID, Pipedrive ID): deals are matched with other snapshots by name, creation date and pipeline, so a renamed deal looks removed and new")
	}
	if rec.Replaced != 0 {
		w = append(w, fmt.Sprintf("it replaces the earlier snapshot of the same day (import %d)", rec.Replaced))
	}
	return w
}

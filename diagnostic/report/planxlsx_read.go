package report

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// PlanEdit is one row of an edited plan spreadsheet: the fields the
// client's team may change, with the row number for messages.
type PlanEdit struct {
	Row    int // spreadsheet row, 2 = first action
	ID     string
	Owner  string
	Due    time.Time // zero = none
	Status string
	Notes  string
}

// ReadPlanXLSX reads a plan spreadsheet written by WritePlanXLSX (in
// either language) and edited: id, owner, due date, status and notes of
// every non-empty row. known lists the recommendation ids the
// organisation has. Any bad row — an unknown or repeated id, a status
// outside the list, a date that is not YYYY-MM-DD — fails the whole read
// with an error naming the row (wrapping diagnostic.ErrInvalid), so a
// caller stores nothing.
func ReadPlanXLSX(r io.Reader, known []string) ([]PlanEdit, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, fmt.Errorf("the plan is not a readable XLSX file: %v: %w", err, diagnostic.ErrInvalid)
	}
	defer f.Close()
	var sheet string
	for _, l := range []locale.Lang{locale.ES, locale.EN} {
		if idx, _ := f.GetSheetIndex(PlanSheet(l)); idx >= 0 {
			sheet = PlanSheet(l)
		}
	}
	if sheet == "" {
		return nil, fmt.Errorf("the plan has no sheet %q or %q (write one with export-plan): %w", PlanSheet(locale.ES), PlanSheet(locale.EN), diagnostic.ErrInvalid)
	}
	rows, err := f.GetRows(sheet)
	if err != nil {
		return nil, fmt.Errorf("reading the plan's sheet %q: %w", sheet, err)
	}
	header := func(l locale.Lang) bool {
		h := planHeader(l)
		return slices.Equal(rows[0], h) || slices.Equal(rows[0], h[:planEditable])
	}
	if len(rows) == 0 || !(header(locale.ES) || header(locale.EN)) {
		return nil, fmt.Errorf("the plan's header row is not the one export-plan writes (columns moved or renamed?): %w", diagnostic.ErrInvalid)
	}
	var out []PlanEdit
	seen := map[string]int{}
	for i, row := range rows[1:] {
		n := i + 2
		get := func(c int) string {
			if c < len(row) {
				return strings.TrimSpace(row[c])
			}
			return ""
		}
		if strings.TrimSpace(strings.Join(row, "")) == "" {
			continue
		}
		e := PlanEdit{Row: n, ID: get(0), Owner: get(6), Status: get(8), Notes: get(9)}
		switch {
		case e.ID == "":
			return nil, fmt.Errorf("plan row %d has no id: %w", n, diagnostic.ErrInvalid)
		case !slices.Contains(known, e.ID):
			return nil, fmt.Errorf("plan row %d: no recommendation %q in this organisation: %w", n, e.ID, diagnostic.ErrInvalid)
		case seen[e.ID] > 0:
			return nil, fmt.Errorf("plan row %d repeats %q of row %d: %w", n, e.ID, seen[e.ID], diagnostic.ErrInvalid)
		case !slices.Contains(PlanStatuses, e.Status):
			return nil, fmt.Errorf("plan row %d: status %q is not one of %s: %w", n, e.Status, strings.Join(PlanStatuses, ", "), diagnostic.ErrInvalid)
		}
		seen[e.ID] = n
		if d := get(7); d != "" {
			if e.Due, err = time.Parse(time.DateOnly, d); err != nil {
				return nil, fmt.Errorf("plan row %d: due date %q is not YYYY-MM-DD: %w", n, d, diagnostic.ErrInvalid)
			}
		}
		out = append(out, e)
	}
	return out, nil
}

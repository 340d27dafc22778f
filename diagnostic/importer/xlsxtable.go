package importer

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"
)

// xlsxTable streams the rows of one sheet of a workbook, as raw cell
// values (numbers unformatted, dates as serial numbers).
type xlsxTable struct {
	f     *excelize.File
	sheet string
	rows  *excelize.Rows
	row   int
	total int // rows in the sheet's dimension, for progress
}

// openXLSX opens a workbook and picks the sheet: the named one, else the
// first sheet with data. It returns the sheet's name and every sheet name.
func openXLSX(path, want string) (*xlsxTable, []string, error) {
	name := filepath.Base(path)
	if err := checkXLSXParts(path); err != nil {
		return nil, nil, err
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, nil, fileErr(name, "unreadable_xlsx", "error", err.Error())
	}
	sheets := f.GetSheetList()
	pick := ""
	if want != "" {
		for _, s := range sheets {
			if strings.EqualFold(s, want) {
				pick = s
			}
		}
		if pick == "" {
			f.Close()
			return nil, sheets, fileErr(name, "no_sheet", "sheet", want, "sheets", strings.Join(sheets, ", "))
		}
	} else {
		for _, s := range sheets {
			if ok, err := sheetHasData(f, s); err == nil && ok {
				pick = s
				break
			}
		}
		if pick == "" {
			f.Close()
			return nil, sheets, fileErr(name, "no_sheet_with_data")
		}
	}
	rows, err := f.Rows(pick)
	if err != nil {
		f.Close()
		return nil, sheets, fmt.Errorf("reading sheet %q of %s: %w", pick, name, err)
	}
	t := &xlsxTable{f: f, sheet: pick, rows: rows}
	if dim, err := f.GetSheetDimension(pick); err == nil {
		if _, last, ok := strings.Cut(dim, ":"); ok {
			if _, r, err := excelize.CellNameToCoordinates(last); err == nil {
				t.total = r
			}
		}
	}
	return t, sheets, nil
}

// sheetHasData reports whether a sheet has a non-empty cell in its first
// 100 rows.
func sheetHasData(f *excelize.File, sheet string) (bool, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return false, err
	}
	defer rows.Close()
	for i := 0; i < 100 && rows.Next(); i++ {
		cols, err := rows.Columns()
		if err != nil {
			return false, err
		}
		for _, c := range cols {
			if strings.TrimSpace(c) != "" {
				return true, nil
			}
		}
	}
	return false, rows.Error()
}

func (t *xlsxTable) next() ([]string, int, error) {
	if !t.rows.Next() {
		if err := t.rows.Error(); err != nil {
			return nil, 0, fmt.Errorf("reading sheet %q: %w", t.sheet, err)
		}
		return nil, 0, io.EOF
	}
	t.row++
	cols, err := t.rows.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, 0, &rowError{row: t.row, code: "unreadable_row", args: []string{"error", err.Error()}}
	}
	return cols, t.row, nil
}

func (t *xlsxTable) close() error {
	t.rows.Close()
	return t.f.Close()
}

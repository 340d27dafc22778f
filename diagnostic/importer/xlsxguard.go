package importer

import (
	"archive/zip"
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// maxXLSXRun is the longest run of text, or the longest tag, accepted in
// the shared strings and worksheets of a workbook: a cell over maxField
// (1 MB; Excel itself stops at 32,767 characters) cannot be a real table's,
// and excelize would hold it, and copies of it, in memory (a 200 MB shared
// string took 74 s and 2 GB).
var maxXLSXRun = maxField

// checkXLSXParts streams the shared strings and the worksheets of the
// workbook once, before excelize reads them, and refuses a text run or a
// tag longer than maxXLSXRun. Memory stays at the decompressor's buffers.
func checkXLSXParts(path string) error {
	name := filepath.Base(path)
	zr, err := zip.OpenReader(path)
	if err != nil {
		return fileErr(name, "unreadable_xlsx", "error", err.Error())
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name != "xl/sharedStrings.xml" && !strings.HasPrefix(f.Name, "xl/worksheets/") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return fileErr(name, "unreadable_xlsx", "error", err.Error())
		}
		long, err := longestRun(rc, maxXLSXRun)
		rc.Close()
		if err != nil {
			return fileErr(name, "unreadable_xlsx", "error", err.Error())
		}
		if long {
			return fileErr(name, "xlsx_cell_too_long", "part", f.Name, "max", fmt.Sprint(maxXLSXRun>>20))
		}
	}
	return nil
}

// longestRun reports whether the XML in r has text between two tags, or a
// tag, longer than limit bytes.
func longestRun(r io.Reader, limit int) (bool, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	run := 0
	for {
		b, err := br.ReadByte()
		if err == io.EOF {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		switch b {
		case '<', '>':
			run = 0
		default:
			if run++; run > limit {
				return true, nil
			}
		}
	}
}

package forms

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// ReadXLSX reads a filled XLSX form written by WriteXLSX, in either
// language. Everything is checked before anything is returned: a workbook
// that is not a form, a form of another questionnaire version, a question
// id the questionnaire does not have, a repeated question, an answer that
// is not one of the question's choices, a missing or unknown department.
// Each error names the sheet and cell and wraps diagnostic.ErrInvalid; the
// caller adds the file name.
func ReadXLSX(r io.Reader, q *diagnostic.Questionnaire) (Filled, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return Filled{}, fmt.Errorf("not a readable XLSX file: %v: %w", err, diagnostic.ErrInvalid)
	}
	defer f.Close()
	meta, err := readMeta(f)
	if err != nil {
		return Filled{}, err
	}
	out := Filled{FormID: meta[metaFormID], Version: meta[metaVersion]}
	if out.Version != q.Version {
		return Filled{}, fmt.Errorf("the form was made from questionnaire version %q, this app has version %q: make a new form with the command form: %w", out.Version, q.Version, diagnostic.ErrInvalid)
	}
	sheet := meta[metaSheetN]
	if idx, _ := f.GetSheetIndex(sheet); idx < 0 {
		return Filled{}, fmt.Errorf("the form has no sheet %q (renamed?): %w", sheet, diagnostic.ErrInvalid)
	}
	at := func(cell string) string { return fmt.Sprintf("sheet %q, cell %s", sheet, cell) }
	get := func(cell string) (string, error) {
		v, err := f.GetCellValue(sheet, cell)
		if err != nil {
			return "", fmt.Errorf("%s: %w", at(cell), err)
		}
		return strings.TrimSpace(v), nil
	}
	name, err := get(nameCell)
	if err != nil {
		return Filled{}, err
	}
	if err := diagnostic.CheckName(name, diagnostic.MaxNameLength); err != nil {
		return Filled{}, fmt.Errorf("%s (name): %w", at(nameCell), err)
	}
	deptText, err := get(deptCell)
	if err != nil {
		return Filled{}, err
	}
	dept, ok := ParseDepartmentText(q, deptText)
	if !ok {
		if deptText == "" {
			return Filled{}, fmt.Errorf("%s (department): empty; pick the department from the list: %w", at(deptCell), diagnostic.ErrInvalid)
		}
		return Filled{}, fmt.Errorf("%s (department): %q is not a department of the list: %w", at(deptCell), deptText, diagnostic.ErrInvalid)
	}
	out.Respondent = diagnostic.Respondent{Name: name, Department: dept, Answers: map[string]diagnostic.Answer{}}
	rows, err := f.GetRows(sheet)
	if err != nil {
		return Filled{}, fmt.Errorf("reading sheet %q: %w", sheet, err)
	}
	seen := map[string]string{}
	for i := firstRow - 1; i < len(rows); i++ {
		row := rows[i]
		cell := func(c int) string {
			if c < len(row) {
				return strings.TrimSpace(row[c])
			}
			return ""
		}
		id, answer := cell(0), cell(4)
		if id == "" && answer == "" {
			continue
		}
		n := i + 1
		qu, ok := q.Question(id)
		if !ok {
			return Filled{}, fmt.Errorf("%s: question %q is not in questionnaire version %s (a row added, or a form of another version?): %w", at(fmt.Sprintf("A%d", n)), id, q.Version, diagnostic.ErrInvalid)
		}
		if prev, dup := seen[id]; dup {
			return Filled{}, fmt.Errorf("%s: question %q again (first at %s): %w", at(fmt.Sprintf("A%d", n)), id, prev, diagnostic.ErrInvalid)
		}
		seen[id] = fmt.Sprintf("A%d", n)
		v, answered, ok := ParseChoice(qu, answer)
		if !ok {
			return Filled{}, fmt.Errorf("%s (question %s): %q is not one of the question's options (pick one from the list): %w", at(fmt.Sprintf("%s%d", answerCol, n)), id, answer, diagnostic.ErrInvalid)
		}
		if answered {
			out.Respondent.Answers[id] = diagnostic.Answer{Value: v}
		}
	}
	return out, nil
}

// readMeta reads the form's stamp from the very hidden sheet.
func readMeta(f *excelize.File) (map[string]string, error) {
	if idx, _ := f.GetSheetIndex(metaSheet); idx < 0 {
		return nil, fmt.Errorf("not a questionnaire form (no sheet %q; make one with the command form): %w", metaSheet, diagnostic.ErrInvalid)
	}
	rows, err := f.GetRows(metaSheet)
	if err != nil {
		return nil, fmt.Errorf("reading the form's stamp: %w", err)
	}
	meta := map[string]string{}
	for _, r := range rows {
		if len(r) >= 2 {
			meta[r[0]] = r[1]
		}
	}
	if meta[metaFormat] != formKind {
		return nil, fmt.Errorf("not a questionnaire form of this app (format %q, want %q): %w", meta[metaFormat], formKind, diagnostic.ErrInvalid)
	}
	if !validFormID(meta[metaFormID]) {
		return nil, fmt.Errorf("the form's id %q is damaged: %w", meta[metaFormID], diagnostic.ErrInvalid)
	}
	return meta, nil
}

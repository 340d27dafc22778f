package forms

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

func questionnaire(t testing.TB) *diagnostic.Questionnaire {
	t.Helper()
	q, err := diagnostic.LoadQuestionnaire()
	if err != nil {
		t.Fatal(err)
	}
	return q
}

func spec(t testing.TB, l locale.Lang) Spec {
	return Spec{Q: questionnaire(t), Lang: l, Org: "Acme", Respondent: "Ana", Department: diagnostic.DeptSales, FormID: "0123456789abcdef"}
}

func writeForm(t testing.TB, s Spec) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteXLSX(&b, s); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestXLSXFormLayout checks, in both languages, what a respondent sees:
// instructions first, the questionnaire with one row per question, a
// drop-down on every answer cell listing the question's choices, a progress
// formula, protected sheets with unlocked answer cells, hidden choice and
// stamp sheets.
func TestXLSXFormLayout(t *testing.T) {
	for _, l := range []locale.Lang{locale.ES, locale.EN} {
		t.Run(string(l), func(t *testing.T) {
			s := spec(t, l)
			f, err := excelize.OpenReader(bytes.NewReader(writeForm(t, s)))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			want := []string{instructionSheet(l), QuestionSheet(l), choiceSheet(l), metaSheet}
			if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(want, "|") {
				t.Fatalf("sheets %v, want %v", got, want)
			}
			main := QuestionSheet(l)
			if v, _ := f.GetCellValue(main, nameCell); v != "Ana" {
				t.Errorf("name cell %q", v)
			}
			if v, _ := f.GetCellValue(main, deptCell); v != s.Q.DepartmentName(diagnostic.DeptSales, l) {
				t.Errorf("department cell %q", v)
			}
			n := len(s.Q.Questions)
			last := firstRow + n - 1
			if fm, _ := f.GetCellFormula(main, progressCell); fm != fmt.Sprintf("COUNTA(E7:E%d)/ROWS(E7:E%d)", last, last) {
				t.Errorf("progress formula %q", fm)
			}
			for i, qu := range s.Q.Questions {
				row := firstRow + i
				if v, _ := f.GetCellValue(main, fmt.Sprintf("A%d", row)); v != qu.ID {
					t.Errorf("row %d id %q, want %q", row, v, qu.ID)
				}
				if v, _ := f.GetCellValue(main, fmt.Sprintf("C%d", row)); v != fmt.Sprintf("%d. %s", i+1, qu.Text.In(l)) {
					t.Errorf("row %d question %q", row, v)
				}
				wantHelp := qu.Help.In(l)
				if qu.ShowIf != nil {
					wantHelp = gateHint(s, &s.Q.Questions[i]) + " " + wantHelp
				}
				if v, _ := f.GetCellValue(main, fmt.Sprintf("D%d", row)); v != wantHelp {
					t.Errorf("row %d help %q", row, v)
				}
				// the choices row the drop-down points at
				rowVals, _ := f.GetRows(choiceSheet(l))
				got := rowVals[i][1:]
				if w := Choices(&qu, l); strings.Join(got, "|") != strings.Join(w, "|") {
					t.Errorf("choices of %s: %v, want %v", qu.ID, got, w)
				}
			}
			dvs, err := f.GetDataValidations(main)
			if err != nil {
				t.Fatal(err)
			}
			lists := map[string]string{}
			for _, dv := range dvs {
				lists[dv.Sqref] = dv.Formula1
			}
			if len(lists) != n+1 {
				t.Errorf("%d drop-downs, want %d (one per question and the department)", len(lists), n+1)
			}
			for i, qu := range s.Q.Questions {
				cell := fmt.Sprintf("E%d", firstRow+i)
				if w := listRef(choiceSheet(l), i+1, len(Choices(&qu, l))); !strings.Contains(lists[cell], w) {
					t.Errorf("drop-down of %s: %q, want %q", cell, lists[cell], w)
				}
			}
			// locked questions, unlocked answers
			for _, c := range []struct {
				cell   string
				locked bool
			}{{"C7", true}, {"A7", true}, {"E7", false}, {fmt.Sprintf("E%d", last), false}, {nameCell, false}, {deptCell, false}, {progressCell, true}} {
				id, err := f.GetCellStyle(main, c.cell)
				if err != nil {
					t.Fatal(err)
				}
				st, err := f.GetStyle(id)
				if err != nil {
					t.Fatal(err)
				}
				locked := st.Protection == nil || st.Protection.Locked
				if locked != c.locked {
					t.Errorf("cell %s locked %v, want %v", c.cell, locked, c.locked)
				}
			}
			for _, sh := range []string{main, instructionSheet(l)} {
				if !sheetProtected(t, f, sh) {
					t.Errorf("sheet %q is not protected", sh)
				}
			}
			if vis, _ := f.GetSheetVisible(choiceSheet(l)); vis {
				t.Error("choices sheet visible")
			}
			if vis, _ := f.GetSheetVisible(metaSheet); vis {
				t.Error("stamp sheet visible")
			}
		})
	}
}

// sheetProtected looks for the sheetProtection element in the sheet's XML.
func sheetProtected(t *testing.T, f *excelize.File, sheet string) bool {
	t.Helper()
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	g, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	idx, _ := g.GetSheetIndex(sheet)
	part := fmt.Sprintf("xl/worksheets/sheet%d.xml", idx+1)
	raw, ok := g.Pkg.Load(part)
	if !ok {
		t.Fatalf("no part %s", part)
	}
	return bytes.Contains(raw.([]byte), []byte("<sheetProtection"))
}

// fill answers a form with excelize like a person would: one text per
// question id, in the sheet's language.
func fill(t testing.TB, form []byte, l locale.Lang, name, dept string, answers map[string]string) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(form))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	main := QuestionSheet(l)
	f.SetCellValue(main, nameCell, name)
	f.SetCellValue(main, deptCell, dept)
	rows, _ := f.GetRows(main)
	for i := firstRow - 1; i < len(rows); i++ {
		if v, ok := answers[rows[i][0]]; ok {
			f.SetCellValue(main, fmt.Sprintf("E%d", i+1), v)
		}
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// sampleAnswers answers every question: option (i mod 5)+1 as its label,
// the third question "don't know", the fourth left blank; want holds the
// values read back.
func sampleAnswers(q *diagnostic.Questionnaire, l locale.Lang) (texts map[string]string, want map[string]int) {
	texts, want = map[string]string{}, map[string]int{}
	for i := range q.Questions {
		qu := &q.Questions[i]
		switch i {
		case 2:
			texts[qu.ID], want[qu.ID] = dontKnow(l), diagnostic.DontKnow
		case 3:
		default:
			n := i%5 + 1
			texts[qu.ID], want[qu.ID] = OptionLabel(qu, n, l), n
		}
	}
	return texts, want
}

func checkRead(t *testing.T, got Filled, name string, dept diagnostic.Department, want map[string]int) {
	t.Helper()
	if got.Respondent.Name != name || got.Respondent.Department != dept || got.FormID != "0123456789abcdef" {
		t.Errorf("read %q %q form %q", got.Respondent.Name, got.Respondent.Department, got.FormID)
	}
	if len(got.Respondent.Answers) != len(want) {
		t.Errorf("%d answers, want %d", len(got.Respondent.Answers), len(want))
	}
	for id, v := range want {
		if a, ok := got.Respondent.Answers[id]; !ok || a.Value != v {
			t.Errorf("answer %s = %+v (%v), want %d", id, a, ok, v)
		}
	}
}

// TestXLSXFormRoundTrip fills a form in each language and reads it back.
func TestXLSXFormRoundTrip(t *testing.T) {
	for _, l := range []locale.Lang{locale.ES, locale.EN} {
		t.Run(string(l), func(t *testing.T) {
			s := spec(t, l)
			texts, want := sampleAnswers(s.Q, l)
			filled := fill(t, writeForm(t, s), l, "Bea", s.Q.DepartmentName(diagnostic.DeptMarketing, l), texts)
			got, err := ReadXLSX(bytes.NewReader(filled), s.Q)
			if err != nil {
				t.Fatal(err)
			}
			checkRead(t, got, "Bea", diagnostic.DeptMarketing, want)
		})
	}
}

// TestXLSXFormErrorsNameTheCell checks that each bad form fails with the
// sheet and cell in the message.
func TestXLSXFormErrorsNameTheCell(t *testing.T) {
	l := locale.EN
	s := spec(t, l)
	form := writeForm(t, s)
	first := s.Q.Questions[0].ID
	cases := []struct {
		name    string
		edit    func(f *excelize.File)
		wantMsg []string
	}{
		{"unknown option", func(f *excelize.File) { f.SetCellValue("Questionnaire", "E8", "sometimes") }, []string{`cell E8`, `"sometimes" is not one of`}},
		{"option 7", func(f *excelize.File) { f.SetCellValue("Questionnaire", "E7", 7) }, []string{`cell E7`, first}},
		{"no department", func(f *excelize.File) { f.SetCellValue("Questionnaire", deptCell, "") }, []string{`cell C3`, "department"}},
		{"unknown department", func(f *excelize.File) { f.SetCellValue("Questionnaire", deptCell, "Legal") }, []string{`cell C3`, `"Legal"`}},
		{"question of another version", func(f *excelize.File) { f.SetCellValue("Questionnaire", "A9", "old_question") }, []string{`cell A9`, `"old_question"`, "version"}},
		{"repeated question", func(f *excelize.File) { f.SetCellValue("Questionnaire", "A9", first) }, []string{`cell A9`, "again"}},
		{"other version", func(f *excelize.File) { f.SetCellValue(metaSheet, "B3", "1999.1") }, []string{`"1999.1"`, "version"}},
		{"not a form", func(f *excelize.File) { f.DeleteSheet(metaSheet) }, []string{"not a questionnaire form"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := excelize.OpenReader(bytes.NewReader(form))
			if err != nil {
				t.Fatal(err)
			}
			c.edit(f)
			var b bytes.Buffer
			if _, err := f.WriteTo(&b); err != nil {
				t.Fatal(err)
			}
			f.Close()
			_, err = ReadXLSX(&b, s.Q)
			if !errors.Is(err, diagnostic.ErrInvalid) {
				t.Fatalf("err %v, want ErrInvalid", err)
			}
			for _, w := range c.wantMsg {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
}

// openpyxl finds a Python with openpyxl, or skips the test.
func openpyxl(t *testing.T) string {
	t.Helper()
	for _, py := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(py, "-c", "import openpyxl").Run() == nil {
			return py
		}
	}
	t.Skip("python3 with openpyxl not found (Debian: apt-get install python3-openpyxl): the XLSX form is not checked against a second XLSX library")
	return ""
}

// fillScript fills the form with openpyxl: name, department, and the
// answers given as id=text lines on stdin.
const fillScript = `
import sys, openpyxl
path, out, sheet, name, dept = sys.argv[1:6]
answers = dict(line.rstrip("\n").split("=", 1) for line in sys.stdin if "=" in line)
wb = openpyxl.load_workbook(path)
ws = wb[sheet]
ws["C2"] = name
ws["C3"] = dept
for row in range(7, ws.max_row + 1):
    qid = ws.cell(row=row, column=1).value
    if qid in answers:
        ws.cell(row=row, column=5).value = answers[qid]
wb.save(out)
`

// TestXLSXFormFilledWithOpenpyxl fills the form with a second XLSX library
// (Python's openpyxl, as another spreadsheet program would write it) and
// reads it back.
func TestXLSXFormFilledWithOpenpyxl(t *testing.T) {
	py := openpyxl(t)
	for _, l := range []locale.Lang{locale.ES, locale.EN} {
		t.Run(string(l), func(t *testing.T) {
			s := spec(t, l)
			dir := t.TempDir()
			in, out := filepath.Join(dir, "form.xlsx"), filepath.Join(dir, "filled.xlsx")
			if err := os.WriteFile(in, writeForm(t, s), 0o600); err != nil {
				t.Fatal(err)
			}
			texts, want := sampleAnswers(s.Q, l)
			var stdin strings.Builder
			for id, v := range texts {
				fmt.Fprintf(&stdin, "%s=%s\n", id, v)
			}
			cmd := exec.Command(py, "-c", fillScript, in, out, QuestionSheet(l), "Carla Núñez", s.Q.DepartmentName(diagnostic.DeptFinance, l))
			cmd.Stdin = strings.NewReader(stdin.String())
			if b, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("openpyxl: %v\n%s", err, b)
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			got, err := ReadXLSX(bytes.NewReader(data), s.Q)
			if err != nil {
				t.Fatal(err)
			}
			checkRead(t, got, "Carla Núñez", diagnostic.DeptFinance, want)
		})
	}
}

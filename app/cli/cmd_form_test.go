package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/forms"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// fillXLSXForm fills a form written by `form` as a person would in a
// spreadsheet program: the department by its display name and each answer
// by its option label (0: "not applicable").
func fillXLSXForm(t *testing.T, path string, dept diagnostic.Department, answers map[string]int, bad map[string]string) {
	t.Helper()
	q, err := diagnostic.LoadQuestionnaire()
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := forms.QuestionSheet(locale.EN)
	f.SetCellValue(sheet, "C3", q.DepartmentName(dept, locale.EN))
	rows, _ := f.GetRows(sheet)
	for i, row := range rows {
		if len(row) == 0 {
			continue
		}
		qu, ok := q.Question(row[0])
		if !ok {
			continue
		}
		cell := fmt.Sprintf("E%d", i+1)
		if v, ok := answers[qu.ID]; ok {
			text := "Not applicable"
			if v > 0 {
				text = forms.OptionLabel(qu, v, locale.EN)
			}
			f.SetCellValue(sheet, cell, text)
		}
	}
	for cell, v := range bad {
		f.SetCellValue(sheet, cell, v)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// TestFormAndImportAnswers makes XLSX forms for two people, fills them and
// imports them back: a bad cell fails the whole import naming the file and
// the cell, with nothing stored; the good forms become one assessment whose
// score equals the score of the same answers typed into an answers file;
// importing a form again is refused.
func TestFormAndImportAnswers(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "revopsdx.db")
	if code, _, errOut := runDB(t, db, "", "org", "add", "--name", "Acme", "--lang", "en"); code != ExitOK {
		t.Fatalf("org add: %q", errOut)
	}
	q, _ := diagnostic.LoadQuestionnaire()
	people := []struct {
		name string
		dept diagnostic.Department
	}{{"Ana", diagnostic.DeptSales}, {"Luis", diagnostic.DeptMarketing}, {"Eva", diagnostic.DeptFinance}}
	answers := make([]map[string]int, len(people))
	files := make([]string, len(people))
	for p, who := range people {
		files[p] = filepath.Join(dir, strings.ToLower(who.name)+".xlsx")
		code, out, errOut := runDB(t, db, "", "form", "--org", "Acme", "--format", "xlsx", "--respondent", who.name, "--department", string(who.dept), "--out", files[p], "--json")
		if code != ExitOK || !strings.Contains(out, `"form"`) {
			t.Fatalf("form: %d %q %q", code, out, errOut)
		}
		answers[p] = map[string]int{}
		for i, qu := range q.Questions {
			if (i+p)%7 == 3 {
				continue // unanswered
			}
			v := (i*(p+2))%5 + 1
			if qu.AllowsNA && (i+p)%9 == 4 {
				v = diagnostic.NA
			}
			answers[p][qu.ID] = v
		}
		fillXLSXForm(t, files[p], who.dept, answers[p], nil)
	}
	bad := filepath.Join(dir, "bad.xlsx")
	if code, _, errOut := runDB(t, db, "", "form", "--org", "Acme", "--format", "xlsx", "--out", bad); code != ExitOK {
		t.Fatalf("blank form: %q", errOut)
	}
	fillXLSXForm(t, bad, diagnostic.DeptOperations, answers[0], map[string]string{"E9": "sometimes"})

	code, _, errOut := runDB(t, db, "", append([]string{"import-answers", "--org", "Acme"}, files[0], files[1], bad)...)
	if code != ExitError || !strings.Contains(errOut, "bad.xlsx") || !strings.Contains(errOut, "cell E9") || !strings.Contains(errOut, `"sometimes"`) {
		t.Fatalf("bad cell: %d %q", code, errOut)
	}
	if code, _, errOut := runDB(t, db, "", "score", "--org", "Acme"); code != ExitError || !strings.Contains(errOut, "no assessment") {
		t.Errorf("something was stored by the refused import: %d %q", code, errOut)
	}

	code, out, errOut := runDB(t, db, "", append([]string{"import-answers", "--org", "Acme", "--json"}, files...)...)
	if code != ExitOK {
		t.Fatalf("import-answers: %d %q", code, errOut)
	}
	var got importedAnswersView
	if err := json.Unmarshal([]byte(out), &got); err != nil || !got.Created || got.Added != 3 || got.Respondents != 3 {
		t.Fatalf("import-answers --json: %v %q", err, out)
	}

	// The same answers typed into an answers file.
	type rawR struct {
		Name       string          `json:"name"`
		Department string          `json:"department"`
		Answers    map[string]*int `json:"answers"`
	}
	var typed struct {
		Respondents []rawR `json:"respondents"`
	}
	for p, who := range people {
		r := rawR{Name: who.name, Department: string(who.dept), Answers: map[string]*int{}}
		for id, v := range answers[p] {
			if v != diagnostic.NA {
				r.Answers[id] = &v
			} else {
				r.Answers[id] = nil
			}
		}
		typed.Respondents = append(typed.Respondents, r)
	}
	b, _ := json.Marshal(typed)
	typedFile := filepath.Join(dir, "typed.json")
	if err := os.WriteFile(typedFile, b, 0o600); err != nil {
		t.Fatal(err)
	}
	_, want, errOut := runDB(t, db, "", "score", "--answers", typedFile, "--json")
	_, have, errOut2 := runDB(t, db, "", "score", "--org", "Acme", "--json")
	if want == "" || want != have {
		t.Errorf("imported forms score\n%s\nthe same answers typed in score\n%s\n(%q %q)", have, want, errOut, errOut2)
	}
	if got.Score == nil || !strings.Contains(have, fmt.Sprintf(`"score": %v`, *got.Score)) {
		t.Errorf("stored score %v not in %s", got.Score, have)
	}

	// A form imported twice, into the same (in-progress) assessment.
	code, _, errOut = runDB(t, db, "", "import-answers", "--org", "Acme", files[1])
	if code != ExitError || !strings.Contains(errOut, "luis.xlsx") {
		t.Errorf("form imported twice: %d %q", code, errOut)
	}
	code, out, errOut = runDB(t, db, "", "responses", "--org", "Acme")
	if code != ExitOK || !strings.Contains(out, "3 of 4 forms answered.") || !strings.Contains(out, "pending") || !strings.Contains(out, "Ana") {
		t.Errorf("responses: %d %q %q", code, out, errOut)
	}
	code, out, _ = runDB(t, db, "", "responses", "--org", "Acme", "--json")
	var tracked []responseView
	if err := json.Unmarshal([]byte(out), &tracked); code != ExitOK || err != nil || len(tracked) != 4 || tracked[0].Name != "Ana" || tracked[0].Answered == nil || tracked[0].Invited == nil {
		t.Errorf("responses --json: %v %q", err, out)
	}
	if code, _, _ := runDB(t, db, "", "import-answers", "--org", "Acme", "--new", "--assessment", "1", files[1]); code != ExitUsage {
		t.Errorf("--new with --assessment: %d", code)
	}
	pdf := filepath.Join(dir, "paper.pdf")
	if code, out, errOut := runDB(t, db, "", "form", "--org", "Acme", "--format", "pdf", "--department", "finance", "--out", pdf); code != ExitOK || !strings.Contains(out, "paper.pdf") {
		t.Errorf("form --format pdf: %d %q %q", code, out, errOut)
	} else if b, _ := os.ReadFile(pdf); !strings.HasPrefix(string(b), "%PDF-") {
		t.Error("form --format pdf wrote no PDF")
	}
	if code, _, _ := runDB(t, db, "", "form", "--org", "Acme", "--format", "docx", "--out", bad); code != ExitUsage {
		t.Errorf("unknown format: %d", code)
	}
}

// TestHTMLFormAnswersImport makes an HTML form, imports the answers file
// such a form downloads into an existing assessment, and refuses the same
// form's answers a second time.
func TestHTMLFormAnswersImport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "revopsdx.db")
	runDB(t, db, "", "org", "add", "--name", "Acme", "--lang", "es")
	page := filepath.Join(dir, "ana.html")
	code, out, errOut := runDB(t, db, "", "form", "--org", "Acme", "--format", "html", "--respondent", "Ana", "--out", page, "--json")
	var made struct {
		Form     string `json:"form"`
		Language string `json:"language"`
	}
	if err := json.Unmarshal([]byte(out), &made); code != ExitOK || err != nil || made.Language != "es" {
		t.Fatalf("form --format html: %d %q %q", code, out, errOut)
	}
	if b, err := os.ReadFile(page); err != nil || !strings.Contains(string(b), `data-form-id="`+made.Form+`"`) {
		t.Fatalf("the page does not carry its form id %s: %v", made.Form, err)
	}
	first := filepath.Join(dir, "first.json")
	os.WriteFile(first, []byte(`{"respondents": [{"name": "Luis", "department": "marketing", "answers": {"obj_written": 2}}]}`), 0o600)
	if code, _, errOut := runDB(t, db, "", "import-answers", "--org", "Acme", "--new", first); code != ExitOK {
		t.Fatalf("first import: %q", errOut)
	}
	q, _ := diagnostic.LoadQuestionnaire()
	answers := filepath.Join(dir, "respuestas-Ana.json")
	os.WriteFile(answers, []byte(`{"form": {"id": "`+made.Form+`", "questionnaire_version": "`+q.Version+`", "language": "es"},
 "respondents": [{"name": "Ana", "department": "sales", "answers": {"obj_written": 4, "kpi_owner": null}}]}`), 0o600)
	code, out, errOut = runDB(t, db, "", "import-answers", "--org", "Acme", "--assessment", "1", answers)
	if code != ExitOK || !strings.Contains(out, "1 persona añadida a la evaluación 1") || !strings.Contains(out, "(2 en total)") {
		t.Fatalf("import of the form's answers: %d %q %q", code, out, errOut)
	}
	again := filepath.Join(dir, "again.json")
	os.WriteFile(again, []byte(strings.Replace(mustRead(t, answers), `"Ana"`, `"Ana María"`, 1)), 0o600)
	if code, _, errOut := runDB(t, db, "", "import-answers", "--org", "Acme", "--assessment", "1", again); code != ExitError || !strings.Contains(errOut, "already answered") {
		t.Errorf("the same form's answers twice: %d %q", code, errOut)
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

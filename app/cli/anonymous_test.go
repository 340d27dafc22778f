package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// TestAnonymousAssessmentOutputsHaveNoNames imports the answers of six
// named people as an anonymous assessment and checks every output that
// shows results — score (text and JSON), recommend, diagnose, export-data
// (CSV and JSON), the alignment chart and the PDF report — for their names:
// none may appear.
// Finance and marketing (two and one people) show merged as "Other
// departments"; sales (three) on its own.
func TestAnonymousAssessmentOutputsHaveNoNames(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "revopsdx.db")
	if code, _, errOut := runDB(t, db, "", "org", "add", "--name", "Acme", "--lang", "en"); code != ExitOK {
		t.Fatal(errOut)
	}
	q, _ := diagnostic.LoadQuestionnaire()
	names := []string{"Zebulon Quarry", "Xiomara Vantwest", "Ysolde Pemberly", "Wendeline Okafor", "Thaddeus Brightwater", "Quillon Marchetti"}
	depts := []string{"sales", "sales", "sales", "finance", "finance", "marketing"}
	type rawR struct {
		Name       string         `json:"name"`
		Department string         `json:"department"`
		Answers    map[string]int `json:"answers"`
	}
	var file struct {
		Respondents []rawR `json:"respondents"`
	}
	for i, n := range names {
		r := rawR{Name: n, Department: depts[i], Answers: map[string]int{}}
		for j, qu := range q.Questions {
			r.Answers[qu.ID] = (i*3+j*(i+1))%5 + 1
		}
		file.Respondents = append(file.Respondents, r)
	}
	b, _ := json.Marshal(file)
	answers := filepath.Join(dir, "team.json")
	os.WriteFile(answers, b, 0o600)
	if code, _, errOut := runDB(t, db, "", "import-answers", "--org", "Acme", "--new", "--anonymous", answers); code != ExitOK {
		t.Fatalf("import-answers --anonymous: %q", errOut)
	}
	outputs := map[string]string{}
	for _, args := range [][]string{
		{"score", "--org", "Acme"}, {"score", "--org", "Acme", "--json"},
		{"recommend", "--org", "Acme", "--json"}, {"diagnose", "--org", "Acme", "--json"},
	} {
		code, out, errOut := runDB(t, db, "", args...)
		if code != ExitOK {
			t.Fatalf("%v: %d %q", args, code, errOut)
		}
		outputs[strings.Join(args, " ")] = out + errOut
	}
	csvDir, jsonFile := filepath.Join(dir, "csv"), filepath.Join(dir, "export.json")
	for _, args := range [][]string{{"--format", "csv", "--out", csvDir}, {"--format", "json", "--out", jsonFile}} {
		if code, _, errOut := runDB(t, db, "", append([]string{"export-data", "--org", "Acme"}, args...)...); code != ExitOK {
			t.Fatalf("export-data %v: %q", args, errOut)
		}
	}
	outputs["export-data json"] = mustRead(t, jsonFile)
	svg := filepath.Join(dir, "alignment.svg")
	if code, _, errOut := runDB(t, db, "", "chart", "--org", "Acme", "--type", "alignment", "--format", "svg", "--out", svg); code != ExitOK {
		t.Fatalf("chart alignment: %q", errOut)
	}
	outputs["chart alignment"] = mustRead(t, svg)
	if !strings.Contains(outputs["chart alignment"], "Other departments") {
		t.Error("the alignment chart does not show the merged departments")
	}
	csvs, _ := filepath.Glob(filepath.Join(csvDir, "*"))
	if len(csvs) == 0 {
		t.Fatal("export-data csv wrote nothing")
	}
	for _, f := range csvs {
		outputs["export-data csv "+filepath.Base(f)] = mustRead(t, f)
	}
	pdf := filepath.Join(dir, "report.pdf")
	if code, _, errOut := runDB(t, db, "", "report", "--org", "Acme", "--out", pdf); code != ExitOK {
		t.Fatalf("report: %q", errOut)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		text, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		outputs["report"] = string(text)
		if !strings.Contains(string(text), "#6") {
			t.Errorf("the report's appendix does not list the respondents as #1…#6")
		}
	} else {
		t.Log("pdftotext not found (Debian: poppler-utils): the PDF report is not checked for names")
	}
	for what, out := range outputs {
		for _, n := range names {
			for _, part := range strings.Fields(n) {
				if strings.Contains(out, part) {
					t.Errorf("%s shows %q (of %q)", what, part, n)
				}
			}
		}
	}
	if s := outputs["score --org Acme --json"]; !strings.Contains(s, `"other"`) || strings.Contains(s, `"finance"`) || strings.Contains(s, `"marketing"`) || !strings.Contains(s, `"sales"`) {
		t.Errorf("score --json departments: want sales and other only:\n%s", s)
	}
	var team struct {
		DepartmentRespondents map[string]int `json:"department_respondents"`
		Spread                []struct {
			Question string  `json:"question"`
			Spread   float64 `json:"spread"`
		} `json:"spread"`
	}
	if err := json.Unmarshal([]byte(outputs["score --org Acme --json"]), &team); err != nil || len(team.DepartmentRespondents) != 2 ||
		team.DepartmentRespondents["sales"] != 3 || team.DepartmentRespondents["other"] != 3 || len(team.Spread) != len(q.Questions) {
		t.Errorf("team view: %v %+v", err, team)
	}
	for i := 1; i < len(team.Spread); i++ {
		if team.Spread[i].Spread > team.Spread[i-1].Spread {
			t.Errorf("spread not largest first at %d: %+v", i, team.Spread[i-1:i+1])
		}
	}
	if s := outputs["score --org Acme"]; !strings.Contains(s, "Other departments 3") || !strings.Contains(s, "Sales 3") || !strings.Contains(s, "Spread per question") {
		t.Errorf("score does not name the merged departments:\n%s", s)
	}
	if s := outputs["export-data json"]; !strings.Contains(s, `"#1"`) || strings.Contains(s, `"finance"`) {
		t.Errorf("export-data json: want respondents #1… and no finance department")
	}
}

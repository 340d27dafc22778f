package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestActionCommands records decisions with `action`, lists them with
// `actions`, and checks the report and export-data follow them: the
// dismissed top recommendation leaves the plan for the appendix, the
// accepted one prints with its owner, due date and note.
func TestActionCommands(t *testing.T) {
	db := demoDB(t)
	code, out, errOut := runDB(t, db, "", "actions", "--org", "Demo", "--json")
	if code != ExitOK {
		t.Fatalf("actions: %d %q", code, errOut)
	}
	var views []actionView
	if err := json.Unmarshal([]byte(out), &views); err != nil || len(views) < 3 {
		t.Fatalf("actions --json: %v %q", err, out)
	}
	top, second := views[0], views[1]
	if top.Status != "open" {
		t.Errorf("a new recommendation is %q, want open", top.Status)
	}
	if code, _, errOut := runDB(t, db, "", "action", "--org", "Demo", "--rec", top.ID, "--status", "dismissed", "--note", "Covered by the CRM project"); code != ExitOK {
		t.Fatalf("dismiss: %q", errOut)
	}
	code, out, errOut = runDB(t, db, "", "action", "--org", "Demo", "--rec", second.ID, "--status", "accepted", "--owner", "Zoë 🚀 Ibáñez", "--due", "2027-01-15", "--note", "Start with EMEA", "--json")
	if code != ExitOK || !strings.Contains(out, `"due": "2027-01-15"`) || !strings.Contains(out, `"owner": "Zoë 🚀 Ibáñez"`) {
		t.Fatalf("accept: %d %q %q", code, out, errOut)
	}
	// Only the flags given change: a new note keeps the owner and date.
	runDB(t, db, "", "action", "--org", "Demo", "--rec", second.ID, "--note", "Start with EMEA, then Iberia")
	_, out, _ = runDB(t, db, "", "actions", "--org", "Demo", "--json")
	json.Unmarshal([]byte(out), &views)
	if v := views[1]; v.Owner != "Zoë 🚀 Ibáñez" || v.Due != "2027-01-15" || v.Note != "Start with EMEA, then Iberia" || v.Status != "accepted" {
		t.Errorf("after a note: %+v", v)
	}
	for _, bad := range [][]string{
		{"--rec", "no_such_rule", "--status", "done"},
		{"--rec", second.ID, "--status", "maybe"},
		{"--rec", second.ID, "--due", "15/01/2027"},
		{"--status", "done"},
	} {
		if code, _, errOut := runDB(t, db, "", append([]string{"action", "--org", "Demo"}, bad...)...); code == ExitOK || errOut == "" {
			t.Errorf("action %v: accepted", bad)
		}
	}

	if code, out, errOut := runDB(t, db, "", "comment", "--org", "Demo", "--section", "kpis", "--text", "October's CRM data is incomplete."); code != ExitOK || out == "" {
		t.Fatalf("comment: %d %q", code, errOut)
	}
	if code, _, _ := runDB(t, db, "", "comment", "--org", "Demo", "--section", "cover", "--text", "x"); code != ExitUsage {
		t.Errorf("comment on an unknown section: %d", code)
	}

	dir := t.TempDir()
	pdf := filepath.Join(dir, "demo.pdf")
	if code, _, errOut := runDB(t, db, "", "report", "--org", "Demo", "--lang", "en", "--out", pdf); code != ExitOK {
		t.Fatalf("report: %q", errOut)
	}
	if st, err := os.Stat(pdf); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("report file mode: %v %v", st.Mode(), err)
	}
	text := poppler(t, "pdftotext", pdf, "-")
	for _, want := range []string{"Zoë \uFFFD Ibáñez", "due Jan 15, 2027", "Note: Start with EMEA, then Iberia", "Set aside by the consultant", "Note: Covered by the CRM project", "Consultant's comment", "October's CRM data is incomplete."} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	xlsx := filepath.Join(dir, "plan.xlsx")
	if code, out, errOut := runDB(t, db, "", "export-plan", "--org", "Demo", "--lang", "en", "--out", xlsx); code != ExitOK || !strings.Contains(out, "actions) to") {
		t.Fatalf("export-plan: %d %q", code, errOut)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Action plan")
	f.Close()
	if len(rows) != len(views)+1 || rows[2][0] != second.ID || rows[2][6] != "Zoë 🚀 Ibáñez" || rows[2][7] != "2027-01-15" || rows[2][8] != "accepted" || rows[1][8] != "dismissed" {
		t.Errorf("plan.xlsx rows: %q", rows[:min(3, len(rows))])
	}
	// The rows follow the plan: time frames in order, celebrations last,
	// each with the owner the diagnosis proposes.
	last := 0
	order := map[string]int{"First 30 days": 1, "Days 30 to 60": 2, "Days 60 to 90": 3, "What to keep doing": 4}
	for _, r := range rows[1:] {
		if len(r) < 12 || order[r[10]] == 0 || order[r[10]] < last || r[11] == "" || strings.EqualFold(r[11], "revops") {
			t.Errorf("plan.xlsx row out of plan order or without its area: %q", r)
			break
		}
		last = order[r[10]]
	}
	edit := rows[3][0] // row 4: the third of the plan
	idx := slices.IndexFunc(views, func(v actionView) bool { return v.ID == edit })
	// The client's team edits the plan: import-plan stores it; a bad row
	// stores nothing.
	f, err = excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellValue("Action plan", "G4", "Ana Ruiz")
	f.SetCellValue("Action plan", "H4", "2027-02-28")
	f.SetCellValue("Action plan", "I4", "accepted")
	f.SetCellValue("Action plan", "J4", "Weekly check")
	edited := filepath.Join(dir, "edited.xlsx")
	f.SaveAs(edited)
	f.SetCellValue("Action plan", "I5", "maybe")
	bad := filepath.Join(dir, "bad.xlsx")
	f.SaveAs(bad)
	f.Close()
	if code, _, errOut := runDB(t, db, "", "import-plan", "--org", "Demo", bad); code != ExitError || !strings.Contains(errOut, "row 5") {
		t.Errorf("bad plan: %d %q", code, errOut)
	}
	_, out, _ = runDB(t, db, "", "actions", "--org", "Demo", "--json")
	json.Unmarshal([]byte(out), &views)
	if views[idx].Owner != "" {
		t.Errorf("a refused plan stored row 4: %+v", views[idx])
	}
	if code, _, errOut := runDB(t, db, "", "import-plan", "--org", "Demo", edited); code != ExitOK {
		t.Fatalf("import-plan: %q", errOut)
	}
	_, out, _ = runDB(t, db, "", "actions", "--org", "Demo", "--json")
	json.Unmarshal([]byte(out), &views)
	if v := views[idx]; v.Owner != "Ana Ruiz" || v.Due != "2027-02-28" || v.Status != "accepted" || v.Note != "Weekly check" {
		t.Errorf("after import-plan: %+v", v)
	}
	if views[0].Status != "dismissed" || views[1].Owner != "Zoë 🚀 Ibáñez" {
		t.Errorf("import-plan lost earlier decisions: %+v %+v", views[0], views[1])
	}
	js := filepath.Join(dir, "demo.json")
	if code, _, errOut := runDB(t, db, "", "export-data", "--org", "Demo", "--format", "json", "--out", js); code != ExitOK {
		t.Fatalf("export-data: %q", errOut)
	}
	b, _ := os.ReadFile(js)
	if !strings.Contains(string(b), `"owner": "Zoë 🚀 Ibáñez"`) || !strings.Contains(string(b), `"due": "2027-01-15"`) {
		t.Errorf("export-data lacks the owner and due date")
	}
}

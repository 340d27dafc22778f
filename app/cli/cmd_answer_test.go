package cli

import (
	"context"
	"database/sql"
	"encoding/json"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"path/filepath"
	"strings"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// TestAnswerThenScore stores an answers file, checks what the database
// holds, and scores it back from the database.
func TestAnswerThenScore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	runDB(t, db, "", "org", "add", "--name", "Acme SL", "--lang", "es")
	// answers_all_fours.json: Lucía (leadership) answers every one of the
	// 28 questions with 4; Pablo (sales) the same but obj_written N/A.
	// Every question's mean is 4 → 75 per pillar; the KPI checklist is
	// left out (unanswered), which lowers kpi_selection's basis but not
	// its score. Overall 75 → level 4 (Gestionado / Managed).
	code, out, errOut := runDB(t, db, "", "answer", "--org", "Acme SL", "--answers", "testdata/answers_all_fours.json", "--date", "2026-03-31")
	// Acme SL is a Spanish organisation: the confirmation is in Spanish.
	want := `Evaluación 1 de "Acme SL" guardada (31/03/2026, 2 personas): puntuación global 75,0/100, nivel 4 (Gestionado).` + "\n"
	if code != ExitOK || out != want {
		t.Fatalf("answer: %d %q %q; want %q", code, out, errOut, want)
	}
	code, out, _ = runDB(t, db, "", "answer", "--org", "1", "--answers", "testdata/answers_two_teams.json", "--json")
	var av map[string]any
	if err := json.Unmarshal([]byte(out), &av); err != nil || code != ExitOK {
		t.Fatalf("answer --json: %d %q %v", code, out, err)
	}
	// answers_two_teams.json has no overall score (basis 0.234, see
	// TestScoreJSON), so its score and level are null.
	if av["assessment"] != 2.0 || av["org"] != 1.0 || av["respondents"] != 2.0 || av["score"] != nil || av["level"] != nil {
		t.Errorf("answer --json: %v", av)
	}

	// orgs shows the latest scored assessment: the first (dated
	// 2026-03-31); the second, dated today, has no score.
	_, out, _ = runDB(t, db, "", "orgs", "--json")
	var orgs []map[string]any
	if err := json.Unmarshal([]byte(out), &orgs); err != nil || len(orgs) != 1 || orgs[0]["assessments"] != 2.0 || orgs[0]["last_score"] != 75.0 {
		t.Errorf("orgs --json: %s", out)
	}

	// The store holds the context, both respondents and Pablo's N/A.
	s, err := store.Open(context.Background(), db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	list, err := s.Assessments(context.Background(), 1)
	if err != nil || len(list) != 2 {
		t.Fatalf("assessments: %v %v", list, err)
	}
	a, err := s.Assessment(context.Background(), list[0].ID)
	s.Close()
	if err != nil || a.Context.Symptom != "long_cycles" || a.Context.Objective != "grow_revenue" || len(a.Respondents) != 2 ||
		a.Respondents[1].Answers["obj_written"].Value != 0 || len(a.Respondents[0].Answers) != 28 || a.Status != "complete" || a.Language != "es" {
		t.Errorf("stored assessment: %+v %v", a, err)
	}

	// score --org scores the latest assessment (by date: today's, the two
	// teams file) exactly as score --answers scores the file.
	_, fromFile, _ := runDB(t, db, "", "score", "--answers", "testdata/answers_two_teams.json", "--json", "--lang", "en")
	code, fromDB, errOut := runDB(t, db, "", "score", "--org", "Acme SL", "--json", "--lang", "en")
	if code != ExitOK || fromDB != fromFile {
		t.Errorf("score --org: %d %q\n%s\nwant\n%s", code, errOut, fromDB, fromFile)
	}
	// Without --lang the organisation's language (es) is used.
	_, textFile, _ := runDB(t, db, "", "score", "--answers", "testdata/answers_two_teams.json", "--lang", "es")
	if code, text, _ := runDB(t, db, "", "score", "--org", "acme sl"); code != ExitOK || text != textFile || !strings.Contains(text, "Brechas de alineación") {
		t.Errorf("score --org text: %d\n%s", code, text)
	}
}

func TestAnswerAndScoreErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	runDB(t, db, "", "org", "add", "--name", "Empty")
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"answer", "--org", "Nope", "--answers", "testdata/answers_all_fours.json"}, ExitError, `revopsdx: no organisation named "Nope"`},
		{[]string{"answer", "--org", "Empty", "--answers", "testdata/answers_bad_value.json"}, ExitError, "revopsdx: testdata/answers_bad_value.json: line 5:"},
		{[]string{"answer", "--org", "Empty"}, ExitUsage, "answer needs --org NAME_OR_ID and --answers FILE.json"},
		{[]string{"answer", "--org", "Empty", "--answers", "testdata/answers_all_fours.json", "--date", "31/03/2026"}, ExitUsage, "want YYYY-MM-DD"},
		{[]string{"score", "--org", "Nope"}, ExitError, `revopsdx: no organisation named "Nope"`},
		{[]string{"score", "--org", "Empty"}, ExitError, `revopsdx: "Empty" has no assessment yet`},
		{[]string{"score", "--org", "Empty", "--answers", "testdata/answers_all_fours.json"}, ExitUsage, "not both"},
		{[]string{"score", "--org", "Empty", "--lang", "fr"}, ExitUsage, "--lang"},
	}
	for _, tc := range cases {
		code, out, errOut := runDB(t, db, "", tc.args...)
		if code != tc.code || out != "" || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: code %d, stdout %q, stderr %q; want code %d and %q", tc.args, code, out, errOut, tc.code, tc.want)
		}
	}
	// Nothing was stored by the failed answers.
	if _, out, _ := runDB(t, db, "", "orgs", "--json"); !strings.Contains(out, `"assessments": 0`) {
		t.Errorf("orgs after failures: %s", out)
	}
}

// TestAnswerIsOneTransaction: the assessment and its score are written
// together (before, two transactions: a kill between them left an
// assessment without its score). One transaction takes one reading of the
// clock, so the score's time is the assessment's creation time; two
// transactions read it twice.
func TestAnswerIsOneTransaction(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	runDB(t, db, "", "org", "add", "--name", "Acme SL", "--lang", "es")
	if code, _, e := runDB(t, db, "", "answer", "--org", "Acme SL", "--answers", "testdata/answers_all_fours.json"); code != ExitOK {
		t.Fatal(e)
	}
	sdb, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer sdb.Close()
	var created, scoredAt string
	var score float64
	if err := sdb.QueryRow(`SELECT created, scored_at, score FROM assessments`).Scan(&created, &scoredAt, &score); err != nil {
		t.Fatal(err)
	}
	if created != scoredAt || score != 75 {
		t.Errorf("created %s, scored %s (score %v): not one transaction", created, scoredAt, score)
	}
}

// TestPeople counts respondents with the noun in the number it takes.
func TestPeople(t *testing.T) {
	for _, c := range []struct {
		l    locale.Lang
		n    int
		want string
	}{{locale.ES, 1, "1 persona"}, {locale.ES, 2, "2 personas"}, {locale.EN, 1, "1 respondent"}, {locale.EN, 0, "0 respondents"}} {
		if got := people(c.l, c.n); got != c.want {
			t.Errorf("%s %d: %q, want %q", c.l, c.n, got, c.want)
		}
	}
}

// TestMonths counts months with the noun in the number it takes (the
// forecast-accuracy summary said "1 de 1 meses").
func TestMonths(t *testing.T) {
	for _, c := range []struct {
		l    locale.Lang
		n    int
		want string
	}{{locale.ES, 1, "1 mes"}, {locale.ES, 12, "12 meses"}, {locale.EN, 1, "1 month"}, {locale.EN, 0, "0 months"}} {
		if got := months(c.l, c.n); got != c.want {
			t.Errorf("%s %d: %q, want %q", c.l, c.n, got, c.want)
		}
	}
}

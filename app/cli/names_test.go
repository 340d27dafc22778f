package cli

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNamesCheckedAndPrintedSafely: 101 × "é" is a valid name, ESC and
// U+202E are refused with the character named, and a name stored before
// the check is printed by orgs without a raw escape.
func TestNamesCheckedAndPrintedSafely(t *testing.T) {
	db := filepath.Join(t.TempDir(), "n.db")
	long := strings.Repeat("é", 101)
	if code, _, e := runDB(t, db, "", "org", "add", "--name", long, "--lang", "es"); code != ExitOK {
		t.Errorf("101 × é refused: %s", e)
	}
	for _, bad := range []string{"Evil\x1b[2J", "Evil\u202e", "Ev\nil", "Bell\a"} {
		code, _, e := runDB(t, db, "", "org", "add", "--name", bad, "--lang", "es")
		if code == ExitOK || strings.ContainsAny(e, "\x1b\u202e\a") {
			t.Errorf("%q: %d %q", bad, code, e)
		}
	}
	// A respondent's name in an answers file is checked too.
	answers := filepath.Join(t.TempDir(), "a.json")
	os.WriteFile(answers, []byte(`{"respondents": [{"name": "Ana\u001b[31m", "department": "sales", "answers": {}}]}`), 0o600)
	if code, _, e := runDB(t, db, "", "answer", "--org", long, "--answers", answers); code == ExitOK || !strings.Contains(e, "U+001B") {
		t.Errorf("respondent with ESC: %d %q", code, e)
	}
	// A name stored by an older version.
	sdb, err := sql.Open("sqlite", "file:"+db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sdb.Exec(`UPDATE orgs SET name = 'Old' || char(27) || '[2J' || char(8238)`); err != nil {
		t.Fatal(err)
	}
	sdb.Close()
	_, out, _ := runDB(t, db, "", "orgs")
	if strings.ContainsAny(out, "\x1b\u202e") || !strings.Contains(out, `Old\u001b[2J\u202e`) {
		t.Errorf("orgs printed %q", out)
	}
}

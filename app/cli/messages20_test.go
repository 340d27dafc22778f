package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMisleadingInputsRefused: `answer --date 0001-01-01` stored today
// (Go's zero time read as "no date"); `target --value 1e308 --force`
// stored a value printed as "–". Both are refused now, nothing stored.
func TestMisleadingInputsRefused(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.db")
	runDB(t, db, "", "org", "add", "--name", "Acme", "--lang", "en")
	for _, d := range []string{"0001-01-01", "1024-05-01", "2204-01-01"} {
		code, _, e := runDB(t, db, "", "answer", "--org", "Acme", "--answers", "testdata/answers_all_fours.json", "--date", d)
		if code != ExitUsage || !strings.Contains(e, "--date "+d) {
			t.Errorf("answer --date %s: %d %q", d, code, e)
		}
	}
	for _, v := range []string{"1e308", "-1e16"} {
		code, out, e := runDB(t, db, "", "target", "--org", "Acme", "--kpi", "win_rate", "--value", v, "--by", "2027-01", "--force")
		if code != ExitUsage || out != "" || !strings.Contains(e, "beyond") {
			t.Errorf("target --value %s --force: %d %q %q", v, code, out, e)
		}
	}
	if _, out, _ := runDB(t, db, "", "orgs", "--json"); !strings.Contains(out, `"assessments": 0`) {
		t.Errorf("something was stored: %s", out)
	}
}

// TestReadOnlyDatabaseReadable: a database whose file is read-only still
// answers the commands that only read (before: every command refused it);
// a write is refused with the read-only message and the file is unchanged.
func TestReadOnlyDatabaseReadable(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ro.db")
	if code, _, e := runDB(t, db, "", "demo"); code != ExitOK {
		t.Fatal(e)
	}
	if err := os.Chmod(db, 0o400); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(db, 0o600) })
	before, _ := os.ReadFile(db)
	for _, args := range [][]string{{"orgs"}, {"score", "--org", "Demo"}, {"kpis", "--org", "Demo", "--from", "2025-01", "--to", "2025-02"}, {"recommend", "--org", "Demo"}} {
		code, out, e := runDB(t, db, "", args...)
		if code != ExitOK || out == "" || !strings.Contains(e, "read-only") {
			t.Errorf("%v on a read-only database: %d %q", args, code, e)
		}
	}
	code, _, e := runDB(t, db, "", "org", "add", "--name", "New", "--lang", "en")
	if code == ExitOK || !strings.Contains(e, "read-only") {
		t.Errorf("org add on a read-only database: %d %q", code, e)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("the read-only database changed")
	}
}

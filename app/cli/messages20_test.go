package cli

import (
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

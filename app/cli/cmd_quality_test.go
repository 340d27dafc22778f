package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic/kpi"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

func TestQualityCommand(t *testing.T) {
	db := demoDB(t)
	code, out, errOut := runDB(t, db, "", "quality", "--org", "Demo", "--json")
	var q struct {
		Records map[string]int    `json:"records"`
		Fields  []json.RawMessage `json:"fields"`
		Issues  []struct {
			Code  string   `json:"code"`
			Count int      `json:"count"`
			Total int      `json:"total"`
			KPIs  []string `json:"kpis"`
		} `json:"issues"`
	}
	if err := json.Unmarshal([]byte(out), &q); err != nil || code != ExitOK {
		t.Fatalf("quality --json: %d %q %v", code, errOut, err)
	}
	if q.Records["deals"] == 0 || q.Records["customers"] == 0 || q.Fields == nil || q.Issues == nil {
		t.Errorf("quality of the demo: %s", out)
	}
	for _, is := range q.Issues {
		if is.Count <= 0 || is.Count > is.Total || len(is.KPIs) == 0 {
			t.Errorf("issue %+v", is)
		}
	}
	for _, lang := range []string{"es", "en"} {
		code, out, errOut := runDB(t, db, "", "quality", "--org", "Demo", "--lang", lang)
		if code != ExitOK || !strings.HasPrefix(out, map[string]string{"es": "Calidad de los datos", "en": "Data quality"}[lang]) {
			t.Errorf("quality --lang %s: %d %q %q", lang, code, out, errOut)
		}
	}
	if code, _, _ := runDB(t, db, "", "quality"); code == ExitOK {
		t.Error("quality without --org succeeded")
	}
}

// TestImportStatesQuality: a dry run of deals states the file's data
// quality: an open deal two years old (the importer keeps no expected
// close date) and a deal won the day it was created are named, with the
// KPIs they touch.
func TestImportStatesQuality(t *testing.T) {
	file := filepath.Join(t.TempDir(), "deals.csv")
	csv := "Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal owner,Pipeline\n" +
		"1,A,Closed Won,1000,2024-03-05 10:15,2024-03-05 09:00,Ana,P\n" +
		"2,B,closedlost,800,2024-02-20 16:00,2024-01-15 11:30,Luis,P\n" +
		"3,C,Appointment Scheduled,5000,2024-06-30 00:00,2024-03-01 08:00,Ana,P\n"
	if err := os.WriteFile(file, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "import", "--dry-run", "--lang", "en", file)
	if code != ExitOK {
		t.Fatalf("code %d: %s", code, errOut)
	}
	for _, w := range []string{"Data quality:", "Open deals far older than a normal sales cycle (no expected close date kept): 1 / 3 deals", "Won deals closed the day they were created (0-day cycle): 1 / 3 deals", "Sales cycle"} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
	code, out, _ = run(t, "import", "--dry-run", "--json", file)
	var s struct {
		Quality struct {
			Issues []struct{ Code string } `json:"issues"`
		} `json:"quality"`
		Kind string `json:"kind"`
	}
	if code != ExitOK || json.Unmarshal([]byte(out), &s) != nil || len(s.Quality.Issues) != 2 || s.Kind != "deals" {
		t.Errorf("json: %d %s", code, out)
	}
}

func TestShortfallText(t *testing.T) {
	s := kpi.Shortfall{Key: "closed_deals", What: "closed deals", Have: 14, Need: 30, Months: 12}
	for l, want := range map[locale.Lang]string{locale.EN: "14 of 30 closed deals in 12 months", locale.ES: "14 de 30 oportunidades cerradas en 12 meses"} {
		if got, err := shortfallText(l, s); err != nil || got != want {
			t.Errorf("%s: %q %v, want %q", l, got, err, want)
		}
	}
}

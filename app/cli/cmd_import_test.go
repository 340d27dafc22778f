package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func importFixture(name string) string {
	return filepath.Join("..", "..", "diagnostic", "importer", "testdata", name)
}

func TestImportDryRun(t *testing.T) {
	code, out, errOut := run(t, "import", "--dry-run", importFixture("hubspot_deals.csv"))
	if code != ExitOK {
		t.Fatalf("code %d stderr %s", code, errOut)
	}
	for _, w := range []string{"kind:     deals, preset hubspot", `amount ← "Amount"`, "rows:     3 read, 3 imported, 0 rejected", "3 records would be written"} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
	code, out, _ = run(t, "import", "--dry-run", "--json", importFixture("salesforce_opportunities.csv"))
	var s map[string]any
	if code != ExitOK || json.Unmarshal([]byte(out), &s) != nil || s["footer_rows_skipped"] != 5.0 || s["preset"] != "salesforce" {
		t.Errorf("json: code %d out %s", code, out)
	}
}

func TestImportProblemsExitOne(t *testing.T) {
	file := importFixture("deals_problems.csv")
	code, out, errOut := run(t, "import", "--dry-run", file)
	if code != ExitError {
		t.Fatalf("code %d", code)
	}
	if !strings.Contains(out, "10 read, 0 imported, 10 rejected") {
		t.Errorf("the summary of a rejected file counts rows as imported:\n%s", out)
	}
	for _, w := range []string{
		"revopsdx: deals_problems.csv:3:Amount: \"12x\": not a number\n",
		"revopsdx: deals_problems.csv:7: the row has 5 values but the header has 6 columns\n",
		"revopsdx: deals_problems.csv: 7 problems; nothing was imported",
	} {
		if !strings.Contains(errOut, w) {
			t.Errorf("stderr lacks %q:\n%s", w, errOut)
		}
	}
	code, _, errOut = run(t, "import", "--dry-run", "--lang", "es", file)
	if code != ExitError || !strings.Contains(errOut, "deals_problems.csv:4:Created: \"2024-02-31\": fecha imposible") {
		t.Errorf("es: code %d\n%s", code, errOut)
	}
	code, out, _ = run(t, "import", "--dry-run", "--skip-invalid", file)
	if code != ExitOK || !strings.Contains(out, "10 read, 3 imported, 7 rejected") {
		t.Errorf("skip-invalid: code %d\n%s", code, out)
	}
}

func TestImportMappingAndUsage(t *testing.T) {
	code, _, errOut := run(t, "import", "--dry-run", importFixture("ambiguous_amount.csv"))
	if code != ExitError || !strings.Contains(errOut, `field amount could be any of the columns "Amount", "Value"`) {
		t.Errorf("ambiguous: code %d\n%s", code, errOut)
	}
	code, out, errOut := run(t, "import", "--dry-run", "--map", "Value=amount", "--map", "Amount=-", importFixture("ambiguous_amount.csv"))
	if code != ExitOK || !strings.Contains(out, `amount ← "Value"`) {
		t.Errorf("mapped: code %d\n%s%s", code, out, errOut)
	}
	if code, _, _ := run(t, "import", importFixture("hubspot_deals.csv")); code != ExitUsage {
		t.Errorf("no --org: code %d", code)
	}
	// An organisation that does not exist is named in the error.
	code, _, errOut = run(t, "import", "--org", "Acme", importFixture("hubspot_deals.csv"))
	if code != ExitError || !strings.Contains(errOut, `no organisation named "Acme"`) {
		t.Errorf("unknown organisation: code %d\n%s", code, errOut)
	}
}

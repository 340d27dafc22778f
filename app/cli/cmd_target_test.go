package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// planTargets is the value of the target in force of each KPI of the plan
// (`plan --json`), absent for a KPI without one.
func planTargets(t *testing.T, db, org string) map[string]float64 {
	t.Helper()
	code, out, errOut := runDB(t, db, "", "plan", "--org", org, "--json")
	var v struct {
		Plan []struct {
			KPI    string `json:"kpi"`
			Target *struct {
				Value float64 `json:"value"`
			} `json:"target"`
		} `json:"plan"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil || code != ExitOK {
		t.Fatalf("plan --json: %d %q %v", code, errOut, err)
	}
	got := map[string]float64{}
	for _, it := range v.Plan {
		if it.Target != nil {
			got[it.KPI] = it.Target.Value
		}
	}
	return got
}

// TestTargetPercentAsFraction: "--value 25" for a percentage KPI is refused
// (exit 1, nothing stored) with the fraction to type instead, unless
// --force; values up to ±1.5 (150 %) and other units pass as they are.
func TestTargetPercentAsFraction(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	runDB(t, db, "", "org", "add", "--name", "Acme", "--lang", "en")
	refused := []struct{ kpi, value, want string }{
		// 25 → 2,500 %; 25 ÷ 100 = 0.25.
		{"win_rate", "25", "--value 25 for Win rate (win_rate) would be 2,500%: percentages are fractions, so 25% is --value 0.25 (add --force to keep 2,500%)"},
		{"logo_churn", "-2", "so \u22122% is --value -0.02"},
		{"nrr", "1.51", "so 1.51% is --value 0.0151"},
	}
	for _, c := range refused {
		code, out, errOut := runDB(t, db, "", "target", "--org", "Acme", "--kpi", c.kpi, "--value", c.value, "--by", "2027-01")
		if code != ExitError || out != "" || !strings.Contains(errOut, c.want) {
			t.Errorf("%s %s: %d %q %q; want exit 1 and %q", c.kpi, c.value, code, out, errOut, c.want)
		}
	}
	if got := planTargets(t, db, "Acme"); len(got) != 0 {
		t.Errorf("refused targets were stored: %v", got)
	}
	accepted := []struct {
		kpi, value string
		force      bool
		want       float64
	}{
		{"nrr", "1.5", false, 1.5},          // the limit itself
		{"mql_to_sql", "-1.5", false, -1.5}, // and its negative
		{"win_rate", "25", true, 25},        // forced
		{"revenue", "165000", false, 165000},
	}
	for _, c := range accepted {
		args := []string{"target", "--org", "Acme", "--kpi", c.kpi, "--value", c.value, "--by", "2027-01"}
		if c.force {
			args = append(args, "--force")
		}
		if code, _, errOut := runDB(t, db, "", args...); code != ExitOK {
			t.Errorf("%v: %d %q", args, code, errOut)
		}
	}
	got := planTargets(t, db, "Acme")
	for _, c := range accepted {
		if got[c.kpi] != c.want {
			t.Errorf("%s target = %v, want %v (plan %v)", c.kpi, got[c.kpi], c.want, got)
		}
	}
}

// TestTargetSpanish: the confirmation is in the organisation's language.
func TestTargetSpanish(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	runDB(t, db, "", "org", "add", "--name", "Beta", "--lang", "es")
	code, out, errOut := runDB(t, db, "", "target", "--org", "Beta", "--kpi", "win_rate", "--value", "0.25", "--by", "2027-01")
	if want := "Meta de Tasa de cierre (win_rate) en \"Beta\": 25\u00a0% para 2027-01.\n"; code != ExitOK || out != want {
		t.Errorf("target: %d %q %q; want %q", code, out, errOut, want)
	}
}

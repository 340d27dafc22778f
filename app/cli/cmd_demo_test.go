package cli

import (
	"encoding/json"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// demoDB makes a database holding the demo organisation.
func demoDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "demo.db")
	if code, _, errOut := runDB(t, db, "", "demo", "--quiet"); code != ExitOK {
		t.Fatalf("demo: %d %q", code, errOut)
	}
	return db
}

func TestDemo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	code, out, errOut := runDB(t, db, "", "demo", "--json")
	var v map[string]any
	if err := json.Unmarshal([]byte(out), &v); err != nil || code != ExitOK {
		t.Fatalf("demo --json: %d %q %q", code, out, errOut)
	}
	// The demo of issue 5: two assessments, three respondents in the
	// latest, 24 months of data, about 300 deals.
	if v["name"] != "Demo" || v["replaced"] != false || v["assessments"] != 2.0 || v["respondents"] != 3.0 || v["months"] != 24.0 ||
		v["deals"].(float64) < 250 || v["deals"].(float64) > 350 || v["customers"].(float64) == 0 || v["plan_kpis"].(float64) == 0 {
		t.Errorf("demo --json: %v", v)
	}
	// --if-missing leaves it alone; without it the demo is recreated.
	runDB(t, db, "", "target", "--org", "Demo", "--kpi", "win_rate", "--value", "0.5", "--by", "2030-01")
	if code, out, _ := runDB(t, db, "", "demo", "--if-missing", "--quiet"); code != ExitOK || out != "" {
		t.Errorf("--if-missing --quiet: %d %q", code, out)
	}
	if _, out, _ := runDB(t, db, "", "plan", "--org", "Demo", "--json"); !strings.Contains(out, `"by": "2030-01"`) {
		t.Error("--if-missing changed the demo")
	}
	if code, out, _ := runDB(t, db, "", "demo", "--if-missing"); code != ExitOK || !strings.Contains(out, "ya existe") { // the demo is Spanish
		t.Errorf("--if-missing: %d %q", code, out)
	}
	if code, out, _ := runDB(t, db, "", "demo"); code != ExitOK || !strings.HasPrefix(out, `Recreada la organización de demostración "Demo"`) {
		t.Errorf("recreate: %d %q", code, out)
	}
	if _, out, _ := runDB(t, db, "", "plan", "--org", "Demo", "--json"); strings.Contains(out, `"by": "2030-01"`) {
		t.Error("the recreated demo kept the old target")
	}
	_, out, _ = runDB(t, db, "", "orgs", "--json")
	var orgs []map[string]any
	json.Unmarshal([]byte(out), &orgs)
	if len(orgs) != 1 || orgs[0]["name"] != "Demo" || orgs[0]["last_score"] == nil || orgs[0]["assessments"] != 2.0 {
		t.Errorf("orgs after the demo: %s", out)
	}
	// A user's own "DEMO" (names are unique ignoring case) is never
	// replaced.
	other := filepath.Join(t.TempDir(), "other.db")
	runDB(t, other, "", "org", "add", "--name", "DEMO")
	if code, _, errOut := runDB(t, other, "", "demo"); code != ExitError || !strings.Contains(errOut, `"DEMO" already exists and is not the demo`) {
		t.Errorf("DEMO: %d %q", code, errOut)
	}
	if code, _, _ := runDB(t, db, "", "demo", "extra"); code != ExitUsage {
		t.Errorf("demo extra: %d", code)
	}
}

func TestKPIs(t *testing.T) {
	db := demoDB(t)
	// Two months × every catalogue KPI (31) and the demo's custom KPI.
	code, out, errOut := runDB(t, db, "", "kpis", "--org", "Demo", "--from", "2025-01", "--to", "2025-02", "--json")
	var rows []map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &rows); err != nil || code != ExitOK {
		t.Fatalf("kpis --json: %d %q %v", code, errOut, err)
	}
	keys := []string{"benchmark", "confidence", "insufficient", "interval", "kpi", "missing", "period", "period_sample", "period_value", "quality", "sample", "status", "target", "trend", "unit", "value", "window"}
	kpis := map[string]int{}
	for _, r := range rows {
		got := make([]string, 0, len(r))
		for k := range r {
			got = append(got, k)
		}
		sort.Strings(got)
		if strings.Join(got, ",") != strings.Join(keys, ",") {
			t.Fatalf("row keys %v, want %v", got, keys)
		}
		var id, period string
		json.Unmarshal(r["kpi"], &id)
		json.Unmarshal(r["period"], &period)
		if period != "2025-01" && period != "2025-02" {
			t.Errorf("period %q", period)
		}
		kpis[id]++
		// A null value names what is missing; a value has missing [].
		if string(r["value"]) == "null" && string(r["missing"]) == "[]" {
			t.Errorf("%s %s: null value without missing inputs", id, period)
		}
	}
	if len(kpis) < 32 || kpis["win_rate"] != 2 || kpis["demos_held"] != 2 || len(rows) != 2*len(kpis) {
		t.Errorf("%d rows for %d KPIs: %v", len(rows), len(kpis), kpis)
	}
	// Quarters and years; CSV.
	if _, out, _ := runDB(t, db, "", "kpis", "--org", "Demo", "--period", "quarter", "--from", "2025-01", "--to", "2025-06", "--json"); !strings.Contains(out, `"period": "2025-Q2"`) || strings.Contains(out, `"period": "2025-03"`) {
		t.Errorf("quarters: %.300s", out)
	}
	if _, out, _ := runDB(t, db, "", "kpis", "--org", "Demo", "--period", "year", "--from", "2025-01", "--to", "2025-12", "--csv"); !strings.HasPrefix(out, "kpi,period,") || !strings.Contains(out, "revenue,2025,") {
		t.Errorf("csv: %.300s", out)
	}
	if code, out, _ := runDB(t, db, "", "kpis", "--org", "Demo", "--from", "2025-01", "--to", "2025-01", "--lang", "en"); code != ExitOK || !strings.Contains(out, "Win rate") {
		t.Errorf("text: %d %.300s", code, out)
	}
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"kpis", "--org", "Nope"}, ExitError, `no organisation named "Nope"`},
		{[]string{"kpis", "--org", "Demo", "--period", "week"}, ExitUsage, "--period"},
		{[]string{"kpis", "--org", "Demo", "--from", "2025-13"}, ExitUsage, "--from"},
		{[]string{"kpis", "--org", "Demo", "--from", "2025-05", "--to", "2025-01"}, ExitUsage, "after --to"},
		{[]string{"kpis", "--org", "Demo", "--json", "--csv"}, ExitUsage, "one of --json and --csv"},
	}
	for _, tc := range cases {
		if code, _, errOut := runDB(t, db, "", tc.args...); code != tc.code || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: %d %q", tc.args, code, errOut)
		}
	}
}

func TestRecommend(t *testing.T) {
	db := demoDB(t)
	code, out, errOut := runDB(t, db, "", "recommend", "--org", "Demo", "--json", "--lang", "en")
	var recs []map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &recs); err != nil || code != ExitOK || len(recs) < 5 {
		t.Fatalf("recommend --json: %d %q %v (%d)", code, errOut, err, len(recs))
	}
	// The fields of before, plus kind, impact (money or null), currency
	// and confidence; celebrations after the work; money findings first.
	keys := []string{"effort", "evidence", "horizon_days", "id", "impact", "priority", "team", "text", "kind", "currency", "confidence"}
	celebrated, moneyDone := false, false
	for _, r := range recs {
		for _, k := range keys {
			if _, ok := r[k]; !ok {
				t.Fatalf("no %q in %v", k, r)
			}
		}
		var kind string
		json.Unmarshal(r["kind"], &kind)
		if kind == "celebration" {
			celebrated = true
		} else if celebrated {
			t.Errorf("%s after a celebration", r["id"])
		}
		isMoney := string(r["impact"]) != "null"
		if isMoney && moneyDone {
			t.Errorf("money finding %s after one without money", r["id"])
		}
		moneyDone = moneyDone || !isMoney
	}
	if code, out, _ := runDB(t, db, "", "recommend", "--org", "Demo"); code != ExitOK || !strings.Contains(out, "Evidencia:") || !strings.Contains(out, "1. ") {
		t.Errorf("text: %d %.300s", code, out)
	}
	if code, _, errOut := runDB(t, db, "", "recommend", "--org", "Nope"); code != ExitError || !strings.Contains(errOut, `no organisation named "Nope"`) {
		t.Errorf("unknown org: %d %q", code, errOut)
	}
	if code, _, _ := runDB(t, db, "", "recommend", "--org", "Demo", "--lang", "de"); code != ExitUsage {
		t.Errorf("--lang de: %d", code)
	}
}

func TestPlanAndTarget(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	runDB(t, db, "", "org", "add", "--name", "Acme", "--lang", "en")
	code, out, _ := runDB(t, db, "", "plan", "--org", "Acme", "--json")
	if code != ExitOK || !strings.Contains(out, `"plan": []`) || !strings.Contains(out, `"objectives": []`) {
		t.Errorf("empty plan: %d %s", code, out)
	}
	// No KPI data: no periods, an empty array (not null).
	if code, out, _ := runDB(t, db, "", "kpis", "--org", "Acme", "--json"); code != ExitOK || out != "[]\n" {
		t.Errorf("kpis without data: %d %q", code, out)
	}
	if code, out, _ := runDB(t, db, "", "recommend", "--org", "Acme", "--json"); code != ExitOK || !strings.HasPrefix(out, "[") {
		t.Errorf("recommend without data: %d %q", code, out)
	}
	// sales_efficiency suggests win_rate among others (kpis.json).
	code, out, errOut := runDB(t, db, "", "plan", "--org", "Acme", "--objectives", "sales_efficiency", "--json")
	var v struct {
		Org        string   `json:"org"`
		Objectives []string `json:"objectives"`
		Plan       []struct {
			KPI     string `json:"kpi"`
			Name    string `json:"name"`
			Cadence string `json:"cadence"`
			Target  *struct {
				Value float64 `json:"value"`
				By    string  `json:"by"`
			} `json:"target"`
		} `json:"plan"`
		Added []string `json:"added"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil || code != ExitOK {
		t.Fatalf("plan --objectives: %d %q %v", code, errOut, err)
	}
	if v.Org != "Acme" || len(v.Objectives) != 1 || len(v.Added) == 0 || len(v.Plan) != len(v.Added) || !strings.Contains(strings.Join(v.Added, ","), "win_rate") {
		t.Errorf("plan: %+v", v)
	}
	for _, it := range v.Plan {
		if it.Cadence == "" || it.Name == "" || it.Target != nil {
			t.Errorf("item %+v", it)
		}
	}
	// Setting them again adds nothing new.
	if _, out, _ := runDB(t, db, "", "plan", "--org", "Acme", "--objectives", "sales_efficiency", "--json"); !strings.Contains(out, `"added": []`) {
		t.Errorf("second time: %s", out)
	}
	if code, out, errOut := runDB(t, db, "", "target", "--org", "Acme", "--kpi", "win_rate", "--value", "0.25", "--by", "2027-06"); code != ExitOK || out != "Target for Win rate (win_rate) of \"Acme\": 25% by 2027-06.\n" {
		t.Errorf("target: %d %q %q", code, out, errOut)
	}
	if _, out, _ := runDB(t, db, "", "plan", "--org", "Acme"); !strings.Contains(out, "25%") || !strings.Contains(out, "Jun 2027") {
		t.Errorf("plan text: %s", out)
	}
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"target", "--org", "Acme", "--kpi", "nope", "--value", "1", "--by", "2027-01"}, ExitError, `unknown KPI "nope"`},
		{[]string{"target", "--org", "Nope", "--kpi", "win_rate", "--value", "1", "--by", "2027-01"}, ExitError, `no organisation named "Nope"`},
		{[]string{"target", "--org", "Acme", "--kpi", "win_rate", "--value", "x", "--by", "2027-01"}, ExitUsage, "not a number"},
		{[]string{"target", "--org", "Acme", "--kpi", "win_rate", "--value", "1", "--by", "01/2027"}, ExitUsage, "--by"},
		{[]string{"target", "--org", "Acme", "--kpi", "win_rate"}, ExitUsage, "needs --org, --kpi, --value and --by"},
		{[]string{"plan", "--org", "Acme", "--objectives", "world_peace"}, ExitUsage, `unknown objective "world_peace"`},
		{[]string{"plan", "--org", "Nope"}, ExitError, `no organisation named "Nope"`},
	}
	for _, tc := range cases {
		if code, _, errOut := runDB(t, db, "", tc.args...); code != tc.code || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: %d %q", tc.args, code, errOut)
		}
	}
}

package kpi

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic"
)

func TestRowJSONAndCSV(t *testing.T) {
	in := Inputs{Deals: dealFixture(), Profile: diagnostic.Profile{Industry: "saas", Currency: "EUR"}}
	rows, err := Compute(in, mon("2024-01"), mon("2024-01"), Month)
	if err != nil {
		t.Fatal(err)
	}
	var wr, cac Row
	for _, r := range rows {
		switch r.KPI {
		case "win_rate":
			wr = r
		case "cac":
			cac = r
		}
	}
	b, _ := json.Marshal(cac)
	want := `{"kpi":"cac","period":"2024-01","value":null,"unit":"money","target":null,"benchmark":null,"status":null,"trend":null,"missing":["sales_marketing_spend","customers","new_customers"],` +
		`"sample":null,"window":{"from":"2024-01","to":"2024-01"},"interval":null,"confidence":"high","period_value":null,"period_sample":null,"insufficient":null,"quality":[]}`
	if string(b) != want {
		t.Errorf("JSON = %s\nwant   %s", b, want)
	}
	var keys map[string]any
	b, _ = json.Marshal(wr)
	_ = json.Unmarshal(b, &keys)
	wantKeys := []string{"kpi", "period", "value", "unit", "target", "benchmark", "status", "trend", "missing",
		"sample", "window", "interval", "confidence", "period_value", "period_sample", "insufficient", "quality"}
	for _, k := range wantKeys {
		if _, ok := keys[k]; !ok {
			t.Errorf("win_rate JSON lacks %q: %s", k, b)
		}
	}
	if len(keys) != len(wantKeys) {
		t.Errorf("win_rate JSON has %d top-level keys, want %d: %s", len(keys), len(wantKeys), b)
	}
	// Three closed deals in a year: a value with its interval, no verdict.
	if wr.Insufficient == nil || wr.Insufficient.Need != 30 || wr.Interval == nil || wr.Confidence != Low {
		t.Errorf("win_rate evidence = %s", b)
	}
	var sb strings.Builder
	if err := WriteCSV(&sb, []Row{wr, cac}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(sb.String()), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[1], "win_rate,2024-01,0.6666666666666666,percent,,,,0.29,,HubSpot sales survey,2023,,,insufficient_data,,3,2023-02,2024-01,0.2535338682812241,0.9217342736662717,low,profile") ||
		!strings.Contains(lines[2], ",sales_marketing_spend;customers;new_customers,,2024-01,2024-01,,,high,") {
		t.Errorf("CSV:\n%s", sb.String())
	}
}

// TestCSVPlainNumbers: large and small values are written in plain decimal
// notation; 'g' formatting gave "1.7742e+06" for ARR and "1e-05" for a tiny
// rate, which spreadsheets in some locales read as text.
func TestCSVPlainNumbers(t *testing.T) {
	arr, tiny, tgt := 1774200.0, 0.00001, 2500000.0
	r := Row{KPI: "arr", Period: "2026-10", Value: &arr, Unit: diagnostic.UnitMoney, Missing: []string{},
		Target: &TargetRef{Value: tgt, By: mon("2027-06")}}
	small := Row{KPI: "logo_churn", Period: "2026-10", Value: &tiny, Unit: diagnostic.UnitPercent, Missing: []string{}}
	var sb strings.Builder
	if err := WriteCSV(&sb, []Row{r, small}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(sb.String()), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[1], "arr,2026-10,1774200,money,2500000,2027-06,") ||
		!strings.HasPrefix(lines[2], "logo_churn,2026-10,0.00001,percent,") {
		t.Errorf("CSV:\n%s", sb.String())
	}
}

package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPipelineDiffTwoExports imports two hand-made HubSpot exports of one
// company (dated by the file name and by --as-of) whose movements are known
// deal by deal, and checks every count and amount of pipeline-diff --json,
// the snapshot list, the merged deals the KPIs see, and deleting a
// snapshot.
func TestPipelineDiffTwoExports(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	if code, _, e := cliIn(t, db, "org", "add", "--name", "Acme", "--currency", "EUR"); code != 0 {
		t.Fatalf("org add: %d %s", code, e)
	}
	if code, out, e := cliIn(t, db, "import", "--org", "Acme", "testdata/pipeline/hubspot_deals_2026-01-31.csv"); code != 0 || !strings.Contains(out, "snapshot of 2026-01-31") {
		t.Fatalf("first import: %d\n%s\n%s", code, out, e)
	}
	if code, out, e := cliIn(t, db, "import", "--org", "Acme", "--as-of", "2026-02-28", "--json", "testdata/pipeline/hubspot_deals_late_february.csv"); code != 0 || !strings.Contains(out, `"as_of": "2026-02-28"`) {
		t.Fatalf("second import: %d\n%s\n%s", code, out, e)
	}
	code, out, e := cliIn(t, db, "snapshots", "--org", "Acme", "--json")
	if code != 0 {
		t.Fatalf("snapshots: %d %s", code, e)
	}
	var snaps []struct {
		AsOf       string  `json:"as_of"`
		Deals      int     `json:"deals"`
		Open       int     `json:"open"`
		OpenAmount float64 `json:"open_amount"`
		MatchKey   string  `json:"match_key"`
	}
	if err := json.Unmarshal([]byte(out), &snaps); err != nil {
		t.Fatal(err, out)
	}
	if len(snaps) != 2 || snaps[0].Open != 10 || snaps[0].OpenAmount != 32300 || snaps[1].Deals != 12 || snaps[1].OpenAmount != 23000 || snaps[0].MatchKey != "record_id" {
		t.Fatalf("snapshots %+v", snaps)
	}
	if deals := dealsIn(t, db, "Acme"); len(deals) != 13 { // D1–D13 once each, D7 from the first export
		t.Errorf("the KPIs see %d deals, want 13", len(deals))
	}

	code, out, e = cliIn(t, db, "pipeline-diff", "--org", "Acme", "--from", "2026-01-31", "--to", "2026-02-28", "--json")
	if code != 0 {
		t.Fatalf("pipeline-diff: %d %s", code, e)
	}
	type mv struct {
		Count  int     `json:"count"`
		Amount float64 `json:"amount"`
	}
	var got map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]mv{"new": {2, 2700}, "won": {3, 3800}, "lost": {1, 2000}, "pushed": {1, 3000}, "pulled_in": {1, 4000},
		"increased": {2, 1800}, "decreased": {1, 1000}, "removed": {1, 7000}, "unchanged": {2, 3300}}
	for k, w := range want {
		var m mv
		if err := json.Unmarshal(got[k], &m); err != nil || m != w {
			t.Errorf("%s = %s, want %+v", k, got[k], w)
		}
	}
	if string(got["start_open_amount"]) != "32300" || string(got["end_open_amount"]) != "23000" || string(got["currency"]) != `"EUR"` {
		t.Errorf("start %s end %s currency %s", got["start_open_amount"], got["end_open_amount"], got["currency"])
	}
	var deals map[string][]struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal(got["deals"], &deals); err != nil || len(deals["removed"]) != 1 || deals["removed"][0].ID != "D7" {
		t.Errorf("deals behind removed: %+v %v", deals["removed"], err)
	}
	var slip struct {
		Compared    int      `json:"compared"`
		Pushed      int      `json:"pushed"`
		AvgDaysPush *float64 `json:"avg_days_pushed"`
		PastDue     mv       `json:"open_past_close_date"`
	}
	if err := json.Unmarshal(got["slippage"], &slip); err != nil || slip.Compared != 6 || slip.Pushed != 1 || *slip.AvgDaysPush != 61 || slip.PastDue != (mv{1, 2500}) {
		t.Errorf("slippage %s", got["slippage"])
	}

	code, out, e = cliIn(t, db, "pipeline-diff", "--org", "Acme", "--from", "2026-01-31", "--to", "2026-02-28", "--lang", "es", "--deals")
	if code != 0 || !strings.Contains(out, "Fuera de la exportación") || !strings.Contains(out, "32.300") || !strings.Contains(out, "+61 días") {
		t.Errorf("text: %d\n%s\n%s", code, out, e)
	}
	if code, _, e = cliIn(t, db, "pipeline-diff", "--org", "Acme", "--from", "2026-02-01", "--to", "2026-02-20"); code == 0 || !strings.Contains(e, "snapshot of 2026-01-31") {
		t.Errorf("two dates on one snapshot: %d %s", code, e)
	}
	// Forecast accuracy: February as the 31 January export expected it
	// (D1, D2, D3, D12, D13: 9,500) against February's wins (D1, D11, D13:
	// 3,800).
	code, out, e = cliIn(t, db, "forecast-accuracy", "--org", "Acme", "--json")
	var fa struct {
		Months []struct {
			Month    string
			Forecast mv
			Won      mv
			Accuracy float64
			InBand   bool `json:"in_band"`
		}
		Trend string
	}
	if err := json.Unmarshal([]byte(out), &fa); code != 0 || err != nil || len(fa.Months) != 1 || fa.Months[0].Forecast != (mv{5, 9500}) ||
		fa.Months[0].Won != (mv{3, 3800}) || fa.Months[0].Accuracy != 0.4 || fa.Months[0].InBand || fa.Trend != "insufficient_data" {
		t.Errorf("forecast-accuracy: %d %v %s\n%s", code, err, e, out)
	}
	code, out, e = cliIn(t, db, "funnel", "--org", "Acme", "--by", "stage", "--json")
	var fn struct {
		Stages []struct{ Stage string }
		Won    int
		Lost   int
	}
	if err := json.Unmarshal([]byte(out), &fn); code != 0 || err != nil || len(fn.Stages) != 5 || fn.Stages[0].Stage != "Appointment Scheduled" ||
		fn.Stages[4].Stage != "Contract Sent" || fn.Won != 4 || fn.Lost != 1 {
		t.Errorf("funnel: %d %v %s\n%s", code, err, e, out)
	}
	img := filepath.Join(t.TempDir(), "w.png")
	if code, _, e = cliIn(t, db, "chart", "--org", "Acme", "--type", "waterfall", "--out", img); code != 0 {
		t.Errorf("chart --type waterfall: %d %s", code, e)
	} else if b, err := os.ReadFile(img); err != nil || !bytes.HasPrefix(b, []byte("\x89PNG")) {
		t.Errorf("waterfall image: %v", err)
	}
	if code, _, e = cliIn(t, db, "snapshots", "--org", "Acme", "--delete", "2026-01-31"); code != 0 {
		t.Fatalf("delete: %d %s", code, e)
	}
	if deals := dealsIn(t, db, "Acme"); len(deals) != 12 {
		t.Errorf("after deleting the first snapshot the KPIs see %d deals, want 12", len(deals))
	}
}

// TestPipelineDiffRealExports imports the public Maven CRM pipeline and the
// same export resaved by Excel with US dates as two snapshots: the KPIs see
// each of the 8,800 deals once, and the diff finds every open deal
// unchanged (same ids, amounts and close dates), nothing new, won or lost.
func TestPipelineDiffRealExports(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "data", "real")
	a, b := filepath.Join(dir, "maven_crm_sales_pipeline.csv"), filepath.Join(dir, "maven_crm_sales_pipeline_excel_resaved_us_dates.csv")
	for _, f := range []string{a, b} {
		if _, err := os.Stat(f); err != nil {
			t.Skipf("real deals export %s not available (%v): the shared data folder is not next to this checkout", f, err)
		}
	}
	db := filepath.Join(t.TempDir(), "m.db")
	if code, _, e := cliIn(t, db, "org", "add", "--name", "Maven", "--currency", "USD"); code != 0 {
		t.Fatalf("org add: %d %s", code, e)
	}
	for _, imp := range [][2]string{{"2017-12-31", a}, {"2018-01-31", b}} {
		if code, out, e := cliIn(t, db, "import", "--org", "Maven", "--as-of", imp[0], imp[1]); code != 0 {
			t.Fatalf("import %s: %d\n%s\n%s", imp[1], code, out, e)
		}
	}
	if deals := dealsIn(t, db, "Maven"); len(deals) != 8800 {
		t.Errorf("the KPIs see %d deals, want the 8,800 once", len(deals))
	}
	code, out, e := cliIn(t, db, "pipeline-diff", "--org", "Maven", "--from", "2017-12-31", "--to", "2018-01-31", "--json")
	if code != 0 {
		t.Fatalf("pipeline-diff: %d %s", code, e)
	}
	var d map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	var un struct{ Count int }
	_ = json.Unmarshal(d["unchanged"], &un)
	if un.Count != 2089 || string(d["start_open_amount"]) != string(d["end_open_amount"]) {
		t.Errorf("unchanged %s (want 2,089 open deals), start %s end %s", d["unchanged"], d["start_open_amount"], d["end_open_amount"])
	}
	for _, k := range []string{"new", "won", "lost", "removed", "pushed", "pulled_in", "increased", "decreased"} {
		var m struct{ Count int }
		if err := json.Unmarshal(d[k], &m); err != nil || m.Count != 0 {
			t.Errorf("%s = %s, want none", k, d[k])
		}
	}
}

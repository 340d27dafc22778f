package cli

import (
	"encoding/json"
	"strings"
	"testing"
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

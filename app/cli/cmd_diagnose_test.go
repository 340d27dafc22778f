package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestDiagnose(t *testing.T) {
	db := demoDB(t)
	code, out, errOut := runDB(t, db, "", "diagnose", "--org", "Demo", "--json", "--lang", "en")
	var d map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &d); err != nil || code != ExitOK {
		t.Fatalf("diagnose --json: %d %q %v", code, errOut, err)
	}
	for _, k := range []string{"situation", "level", "change", "binding_constraint", "symptom_check", "answer_checks", "preliminary", "strengths", "actions_30"} {
		if _, ok := d[k]; !ok {
			t.Errorf("no %q", k)
		}
	}
	var bc struct {
		KPI      string  `json:"kpi"`
		Impact   float64 `json:"impact"`
		Currency string  `json:"currency"`
	}
	var sc struct{ Verdict string }
	json.Unmarshal(d["binding_constraint"], &bc)
	json.Unmarshal(d["symptom_check"], &sc)
	if bc.KPI == "" || bc.Impact <= 0 || bc.Currency != "EUR" || sc.Verdict != "confirmed" {
		t.Errorf("binding constraint %+v, symptom %+v", bc, sc)
	}
	code, out, _ = runDB(t, db, "", "diagnose", "--org", "Demo")
	for _, want := range []string{"Situación", "Lo que más frena los ingresos", "Plan de los primeros 30 días", "1. "} {
		if code != ExitOK || !strings.Contains(out, want) {
			t.Errorf("text lacks %q: %d %.300s", want, code, out)
		}
	}
	if code, _, _ := runDB(t, db, "", "diagnose", "--org", "Demo", "extra"); code != ExitUsage {
		t.Errorf("extra argument: %d", code)
	}
}

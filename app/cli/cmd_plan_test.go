package cli

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestPlanTextInLanguage: the plan table is written in the language asked:
// headers, objective names, cadences, "retired", and targets formatted by
// unit (win rate 0.25 → 25 %, revenue 215000 → 215.000 € for the demo's
// euros, month → "dic 2026"); JSON keeps ids and fractions.
func TestPlanTextInLanguage(t *testing.T) {
	db := frozenDemoDB(t) // targets by now+1..+7 months: Dec 2026, Mar 2027, Jun 2027
	cases := []struct {
		lang      string
		want, not []string
		row       map[string]string // KPI id → the rest of its row, spaces squeezed
	}{
		{"es",
			[]string{"Demo · objetivos: Crecer en ingresos, Mejorar la eficiencia comercial",
				"KPI NOMBRE RESPONSABLE FRECUENCIA OBJETIVO PARA RETIRADO"},
			[]string{"objectives", "grow_revenue", "OWNER", "monthly", "0.25", "215000", "yes"},
			map[string]string{
				"revenue":          "Ingresos Carmen Ruiz (CEO) Mensual 215.000 € dic 2026",
				"win_rate":         "Tasa de cierre Javier Morales Mensual 25 % dic 2026",
				"logo_churn":       "Bajas de clientes (mensual) Pablo Herrero Mensual 1,2 % dic 2026",
				"nrr":              "Retención neta de ingresos (NRR) Pablo Herrero Trimestral 105 % jun 2027",
				"sales_cycle_days": "Ciclo de venta (media) Javier Morales Mensual 60 días dic 2026",
				"avg_order_value":  "Ticket medio Finanzas Mensual - - sí",
			}},
		{"en",
			[]string{"Demo · objectives: Grow revenue, Improve sales efficiency",
				"KPI NAME OWNER CADENCE TARGET BY RETIRED"},
			[]string{"grow_revenue", "0.25", "215000"},
			map[string]string{
				"revenue":         "Revenue Carmen Ruiz (CEO) Monthly €215,000 Dec 2026",
				"win_rate":        "Win rate Javier Morales Monthly 25% Dec 2026",
				"ltv_to_cac":      "LTV to CAC - - 3× Jun 2027",
				"avg_order_value": "Average order value Finanzas Monthly - - yes",
			}},
	}
	space := regexp.MustCompile(`[ \x{00a0}]+`)
	for _, c := range cases {
		code, out, errOut := runDB(t, db, "", "plan", "--org", "Demo", "--lang", c.lang)
		if code != ExitOK {
			t.Fatalf("plan --lang %s: %d %q", c.lang, code, errOut)
		}
		flat := space.ReplaceAllString(out, " ")
		for _, w := range c.want {
			if !strings.Contains(flat, w) {
				t.Errorf("plan --lang %s lacks %q:\n%s", c.lang, w, out)
			}
		}
		for _, w := range c.not {
			if strings.Contains(out, w) {
				t.Errorf("plan --lang %s still shows %q", c.lang, w)
			}
		}
		for id, rest := range c.row {
			want := space.ReplaceAllString(id+" "+rest, " ")
			found := false
			for _, line := range strings.Split(out, "\n") {
				found = found || strings.TrimSpace(space.ReplaceAllString(line, " ")) == want
			}
			if !found {
				t.Errorf("plan --lang %s: no row %q in\n%s", c.lang, want, out)
			}
		}
	}
	// JSON: unchanged, ids and fractions.
	_, out, _ := runDB(t, db, "", "plan", "--org", "Demo", "--lang", "es", "--json")
	var v struct {
		Objectives []string `json:"objectives"`
		Plan       []struct {
			KPI     string `json:"kpi"`
			Cadence string `json:"cadence"`
			Retired bool   `json:"retired"`
			Target  *struct {
				Value float64 `json:"value"`
				By    string  `json:"by"`
			} `json:"target"`
		} `json:"plan"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil || len(v.Objectives) == 0 || v.Objectives[0] != "grow_revenue" {
		t.Fatalf("plan --json: %v %s", err, out)
	}
	for _, it := range v.Plan {
		if it.KPI == "win_rate" && (it.Target == nil || it.Target.Value != 0.25 || it.Target.By != "2026-12" || it.Cadence != "monthly") {
			t.Errorf("win_rate in JSON: %+v", it)
		}
	}
}

// TestPlanObjectivesSetInSpanish: the "added" line and the empty-plan hint
// follow the language too.
func TestPlanObjectivesSetInSpanish(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	runDB(t, db, "", "org", "add", "--name", "Beta", "--lang", "es")
	if _, out, _ := runDB(t, db, "", "plan", "--org", "Beta"); !strings.Contains(out, "Beta · objetivos: -") || !strings.Contains(out, "El plan de KPI está vacío") {
		t.Errorf("empty plan: %q", out)
	}
	_, out, _ := runDB(t, db, "", "plan", "--org", "Beta", "--objectives", "customer_satisfaction")
	// customer_satisfaction suggests nps, csat, logo_churn, renewal_rate (kpis.json).
	if !strings.Contains(out, "Añadidos al plan: 4 KPI (Net Promoter Score (NPS), ") || !strings.Contains(out, "Mejorar la satisfacción del cliente") {
		t.Errorf("objectives set: %q", out)
	}
	_, out, _ = runDB(t, db, "", "plan", "--org", "Beta", "--objectives", "customer_satisfaction", "--lang", "en")
	if !strings.Contains(out, "Added to the plan: 0 KPIs\n") {
		t.Errorf("objectives set again: %q", out)
	}
}

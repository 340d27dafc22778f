package importer

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/revopsdx/revopsdx/assets"
)

func TestVocabularyLoads(t *testing.T) {
	v, err := loadVocabulary()
	if err != nil {
		t.Fatal(err)
	}
	// Every monthly input id of the brief has header synonyms.
	for _, id := range strings.Fields("revenue gross_profit net_profit new_customers churned_customers customers_start leads mqls sqls opportunities marketing_spend sales_marketing_spend employees nps nps_promoters nps_passives nps_detractors csat_positive csat_responses renewals_due renewals_renewed quota mrr_start mrr_expansion mrr_contraction mrr_churned marketing_attributed_revenue") {
		if len(v.Metrics[id]) == 0 {
			t.Errorf("input %s has no synonyms", id)
		}
	}
	for _, h := range []string{"Ingresos", "Revenue", "Ventas", "Nuevos clientes", "Clientes perdidos", "Gasto marketing", "Marketing spend"} {
		if _, ok := v.metric[normalize(h)]; !ok {
			t.Errorf("header %q names no metric", h)
		}
	}
}

func TestVocabularyRejectsBadContent(t *testing.T) {
	good, err := assets.Content("columns.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		edit func(m map[string]any)
		want string
	}{
		{func(m map[string]any) {
			m["shapes"].(map[string]any)["deals"].(map[string]any)["closed_flagg"] = []any{"x"}
		}, "no field"},
		{func(m map[string]any) { m["deal_status"].(map[string]any)["winner"] = []any{"x"} }, "unknown deal status"},
		{func(m map[string]any) { m["default_rules"].(map[string]any)["mean"] = []any{"nope"} }, "unknown metric"},
		{func(m map[string]any) { m["metrics"].(map[string]any)["leads"] = []any{"revenue"} }, "names both"},
	} {
		var m map[string]any
		if err := json.Unmarshal(good, &m); err != nil {
			t.Fatal(err)
		}
		c.edit(m)
		bad, _ := json.Marshal(m)
		if _, err := parseVocabulary(bad); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("err %v, want %q", err, c.want)
		}
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"Fecha de creación": "fecha de creacion", "customerID": "customer id", "close_value": "close value",
		"Id. del pedido": "id del pedido", "Deal - Won time": "deal won time", "MonthlyCharges": "monthly charges", "AÑO": "ano",
	} {
		if got := normalize(in); got != want {
			t.Errorf("normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDetectAndJSON(t *testing.T) {
	d, err := Detect(fixture("hubspot_deals.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Kind != Deals || d.Preset != "hubspot" || d.Mapping["amount"] != "Amount" || len(d.Preview) != 3 {
		t.Errorf("detection %+v", d)
	}
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{`"encoding":"utf-8"`, `"delimiter":","`, `"kind":"deals"`, `"preset":"hubspot"`, `"mapping":{`, `"sha256":"`} {
		if !strings.Contains(string(b), k) {
			t.Errorf("JSON lacks %s: %s", k, b)
		}
	}
	s, _ := importFixture(t, "salesforce_opportunities.csv", Options{})
	b, _ = json.Marshal(s)
	for _, k := range []string{`"rows_read":3`, `"rows_imported":3`, `"rows_rejected":0`, `"footer_rows_skipped":5`, `"problems":[]`, `"kind":"deals"`} {
		if !strings.Contains(string(b), k) {
			t.Errorf("summary JSON lacks %s: %s", k, b)
		}
	}
}

// TestIsEmpty checks the empty markers whatever their case and padding,
// and that ordinary short values (capitals included) are not taken for one.
func TestIsEmpty(t *testing.T) {
	v, err := loadVocabulary()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"", " ", "\t", "na", "NA", "N/A", " n/a ", "N.A.", "-", "--", "NULL", "Null", "None", "NaN", "#N/A", "S/D", "—", "–", "\u00a0"} {
		if !v.isEmpty(s) {
			t.Errorf("isEmpty(%q) = false, want true", s)
		}
	}
	for _, s := range []string{"EUR", "Web", "Main", "0", "N", "NAN1", "nada", "n/a/b", "Closed Won", "- 5", "—x", strings.Repeat("N", 20)} {
		if v.isEmpty(s) {
			t.Errorf("isEmpty(%q) = true, want false", s)
		}
	}
}

// TestNormalizeConcurrently: normalize is called from several goroutines
// during an import; under -race this found the shared transform.Chain.
func TestNormalizeConcurrently(t *testing.T) {
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				in := fmt.Sprintf("Fecha de creación %d Año Niño %d", g, i)
				if got, want := normalize(in), fmt.Sprintf("fecha de creacion %d ano nino %d", g, i); got != want {
					t.Errorf("normalize(%q) = %q, want %q", in, got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}

package kpi

import (
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/revopsdx/revopsdx/assets"
	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// TestMissingLabel: each shape of Row.Missing entry is written for people.
func TestMissingLabel(t *testing.T) {
	cat, err := LoadCatalogue()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ entry, es, en string }{
		{"sales_marketing_spend", "Gasto de ventas y marketing", "Sales and marketing spend"}, // input
		{"logo_churn", "Bajas de clientes (mensual)", "Logo churn (monthly)"},                 // KPI
		{"deals", "Registros de oportunidades", "Deal records"},                               // records
		{"won deals=0", "Oportunidades ganadas = 0", "Won deals = 0"},
		{"revenue (2024-03)", "Ingresos (mar 2024)", "Revenue (Mar 2024)"},
		{"revenue (2024-Q1)=0", "Ingresos (T1 2024) = 0", "Revenue (Q1 2024) = 0"},
		{"mrr_start=0 (12 months)", "MRR al inicio = 0 (12 meses)", "MRR at start = 0 (12 months)"},
		{"customers (2023-12) (12 months)", "Registros de clientes (dic 2023) (12 meses)", "Customer records (Dec 2023) (12 months)"},
		{"something else", "something else", "something else"}, // unknown: as it is
	}
	for _, c := range cases {
		if got := cat.MissingLabel(c.entry, locale.ES); got != c.es {
			t.Errorf("%q in es = %q, want %q", c.entry, got, c.es)
		}
		if got := cat.MissingLabel(c.entry, locale.EN); got != c.en {
			t.Errorf("%q in en = %q, want %q", c.entry, got, c.en)
		}
	}
}

// TestMissingNamesCoverFormulas: every name the formulas can report as
// missing (read from the source, so a new one cannot be forgotten) is an
// input, a KPI or has a name in missing_names.
func TestMissingNamesCoverFormulas(t *testing.T) {
	cat, err := LoadCatalogue()
	if err != nil {
		t.Fatal(err)
	}
	literal := regexp.MustCompile(`(?:missing|zero)\("([^"]+)"|records\(p, "([^"]+)"|, "([^"]+)"\)`)
	names := map[string]bool{}
	for _, f := range []string{"formulas.go", "source.go", "customers.go"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range literal.FindAllStringSubmatch(string(b), -1) {
			n := strings.TrimSuffix(m[1]+m[2]+m[3], " (")
			names[n] = true
		}
	}
	if len(names) < 20 {
		t.Fatalf("found only %d names in the formulas: %v", len(names), names)
	}
	for n := range names {
		_, in := cat.Input(n)
		_, kpi := cat.Def(n)
		_, named := cat.MissingNames[n]
		if !in && !kpi && !named {
			t.Errorf("%q can be reported missing but has no name (add it to missing_names in kpis.json)", n)
		}
	}
}

// TestMissingOfRealRowsInSpanish: no entry of the rows computed from deals,
// customers or nothing at all stays an English id in Spanish.
func TestMissingOfRealRowsInSpanish(t *testing.T) {
	cat, err := LoadCatalogue()
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, in := range []Inputs{
		{Deals: dealFixture(), Profile: diagnostic.Profile{Currency: "EUR"}},
		{Customers: customerFixture(), Profile: diagnostic.Profile{Currency: "EUR"}},
		{Observations: []diagnostic.Observation{obs("revenue", "2024-01", 0), obs("revenue", "2024-02", 0)}},
	} {
		rows, err := Compute(in, mon("2024-01"), mon("2024-06"), Month)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			for _, m := range r.Missing {
				seen++
				if got := cat.MissingLabel(m, locale.ES); got == m {
					t.Errorf("%s %s: %q has no Spanish label", r.KPI, r.Period, m)
				}
			}
		}
	}
	if seen < 50 {
		t.Errorf("only %d missing entries looked at", seen)
	}
}

// TestParseCatalogueRejectsUnnamedMissing: a missing_names entry without
// both languages is a content error.
func TestParseCatalogueRejectsUnnamedMissing(t *testing.T) {
	b, err := assets.Content("kpis.json")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ParseCatalogue(b); err != nil {
		t.Fatalf("real catalogue rejected: %v", err)
	}
	bad := strings.Replace(string(b), `"orders": {"es": "Pedidos"`, `"orders": {"es": ""`, 1)
	if bad == string(b) {
		t.Fatal("the orders entry of missing_names was not found")
	}
	if _, err := ParseCatalogue([]byte(bad)); !errors.Is(err, diagnostic.ErrInvalid) || !strings.Contains(err.Error(), "missing_names") {
		t.Errorf("empty Spanish name accepted: %v", err)
	}
}

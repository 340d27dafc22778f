package kpi

import (
	"regexp"
	"testing"
)

// codeName matches an identifier with an underscore ("sales_marketing_spend"),
// which a reader of the report should never see in a formula.
var codeName = regexp.MustCompile(`\b[a-z]+_[a-z_]+\b`)

// TestFormulasUseHumanNames checks every KPI formula, in both languages,
// names its quantities in words rather than with input ids.
func TestFormulasUseHumanNames(t *testing.T) {
	c, err := LoadCatalogue()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range c.KPIs {
		for lang, f := range map[string]string{"en": d.Formula, "es": d.FormulaES} {
			if m := codeName.FindString(f); m != "" {
				t.Errorf("%s formula (%s) %q uses the code name %q", d.ID, lang, f, m)
			}
		}
	}
}

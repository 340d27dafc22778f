package kpi

import (
	"strings"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// MissingLabel writes one entry of Row.Missing for people in lang: a
// monthly input or KPI by its name, a kind of record or computed quantity by
// its name in MissingNames, a period in the language ("revenue (2024-03)" →
// "Ingresos (mar 2024)"), a zero denominator as "= 0" ("won deals=0" →
// "Oportunidades ganadas = 0") and "(12 months)" translated. An entry it
// does not know is returned as it is.
func (c *Catalogue) MissingLabel(entry string, lang locale.Lang) string {
	if base, ok := strings.CutSuffix(entry, "=0"); ok {
		return c.MissingLabel(base, lang) + " = 0"
	}
	if i := strings.LastIndex(entry, " ("); i > 0 && strings.HasSuffix(entry, ")") {
		return c.MissingLabel(entry[:i], lang) + " (" + qualifierLabel(entry[i+2:len(entry)-1], lang) + ")"
	}
	if in, ok := c.Input(entry); ok {
		return lang.Pick(in.NameES, in.NameEN)
	}
	if d, ok := c.Def(entry); ok {
		return d.Name(lang)
	}
	if n, ok := c.MissingNames[entry]; ok {
		return lang.Pick(n.ES, n.EN)
	}
	return entry
}

// qualifierLabel writes the bracketed part of a missing entry: a period or
// "12 months".
func qualifierLabel(q string, lang locale.Lang) string {
	if q == "12 months" {
		return lang.Pick("12 meses", "12 months")
	}
	if p, err := ParsePeriod(q); err == nil {
		return p.Label(lang)
	}
	return q
}

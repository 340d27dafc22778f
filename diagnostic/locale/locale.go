// Package locale formats numbers, money, percentages, dates and periods for the
// two languages the product speaks, Spanish and English.
//
// It is deliberately small: the app needs exactly two fixed conventions
// ("1.234,5 €" and "€1,234.50"), including four-digit grouping in Spanish
// business documents, which CLDR-driven formatters (golang.org/x/text) leave
// ungrouped. Language tags are parsed with golang.org/x/text/language.
package locale

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/text/language"
)

// Lang is a supported user-interface and report language.
type Lang string

// The supported languages.
const (
	ES Lang = "es"
	EN Lang = "en"
)

// allLangs lists the supported languages in display order.
var allLangs = []Lang{ES, EN}

// Langs returns a copy of the list above: callers may change it without
// changing it for everyone else.
func Langs() []Lang { return append([]Lang(nil), allLangs...) }

// ParseLang returns the language for a code such as "es", "en", "es-ES" or
// "en_US.UTF-8". It fails on anything that is neither Spanish nor English.
func ParseLang(s string) (Lang, error) {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, ".@"); i >= 0 {
		s = s[:i]
	}
	s = strings.ReplaceAll(s, "_", "-")
	tag, err := language.Parse(s)
	if err != nil {
		return "", fmt.Errorf("unknown language %q (use es or en)", s)
	}
	base, _ := tag.Base()
	switch base.String() {
	case "es":
		return ES, nil
	case "en":
		return EN, nil
	}
	return "", fmt.Errorf("unsupported language %q (use es or en)", s)
}

// FromSystem maps an operating-system locale string (possibly empty, "C" or
// unparsable) to a supported language, falling back to English quietly.
func FromSystem(s string) Lang {
	if l, err := ParseLang(s); err == nil {
		return l
	}
	return EN
}

// Valid reports whether l is a supported language.
func (l Lang) Valid() bool { return l == ES || l == EN }

// Name is the language's own name, for language pickers.
func (l Lang) Name() string {
	if l == ES {
		return "Español"
	}
	return "English"
}

// Pick returns es when l is Spanish and en otherwise: the one-line way to
// choose between two inline translations in content structs.
func (l Lang) Pick(es, en string) string {
	if l == ES {
		return es
	}
	return en
}

// Count is n with its noun in the number n takes: one of the singulars
// when n is 1, else a plural ("1 mes", "3 months").
func (l Lang) Count(n int, esOne, esMany, enOne, enMany string) string {
	noun := l.Pick(esMany, enMany)
	if n == 1 {
		noun = l.Pick(esOne, enOne)
	}
	return strconv.Itoa(n) + " " + noun
}

// separators returns the decimal and thousands separators of l.
func (l Lang) separators() (dec, group string) {
	if l == ES {
		return ",", "."
	}
	return ".", ","
}

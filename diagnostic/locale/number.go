package locale

import (
	"math"
	"strconv"
	"strings"
)

// Minus is the sign of negative numbers: the typographic minus U+2212
// (as wide as "+" and the digits), not the hyphen. numparse reads it back.
const Minus = "\u2212"

// Number formats v with the given number of decimals, grouped in thousands:
// Number(1234.5, 1) is "1.234,5" in Spanish and "1,234.5" in English,
// Number(-3, 0) is "−3". NaN and infinities are written "–" (not
// available).
func (l Lang) Number(v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	if decimals < 0 {
		decimals = 0
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', decimals, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	dec, group := l.separators()
	var b strings.Builder
	// A value that rounds to zero is not written with a minus sign.
	if v < 0 && strings.Trim(s, "0.") != "" {
		b.WriteString(Minus)
	}
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString(dec)
		b.WriteString(frac)
	}
	return b.String()
}

// Auto formats v with up to maxDecimals decimals, dropping trailing zeros:
// Auto(2.50, 2) is "2,5" / "2.5" and Auto(3, 2) is "3".
func (l Lang) Auto(v float64, maxDecimals int) string {
	s := l.Number(v, maxDecimals)
	dec, _ := l.separators()
	if strings.Contains(s, dec) {
		s = strings.TrimRight(s, "0")
		s = strings.TrimSuffix(s, dec)
	}
	if s == Minus+"0" {
		s = "0"
	}
	return s
}

// Percent formats a fraction as a percentage with the given decimals:
// Percent(0.215, 1) is "21,5 %" in Spanish and "21.5%" in English.
func (l Lang) Percent(fraction float64, decimals int) string {
	n := l.Number(fraction*100, decimals)
	if n == "–" {
		return n
	}
	if l == ES {
		return n + "\u00a0%"
	}
	return n + "%"
}

// currencySymbols maps ISO 4217 codes to the symbol used in both languages.
// Codes not listed are written as the code itself ("1.234,50 CHF").
var currencySymbols = map[string]string{
	"EUR": "€", "USD": "$", "GBP": "£", "MXN": "MX$", "ARS": "AR$",
	"COP": "COL$", "CLP": "CLP$", "BRL": "R$", "PEN": "S/", "JPY": "¥",
	"CAD": "CA$", "AUD": "A$",
}

// CurrencySymbol returns the symbol for an ISO code, or the code itself.
func CurrencySymbol(code string) string {
	code = strings.ToUpper(strings.TrimSpace(code))
	if s, ok := currencySymbols[code]; ok {
		return s
	}
	return code
}

// Money formats an amount in a currency: "1.234,50 €" in Spanish and
// "€1,234.50" in English. decimals is usually 2, or 0 for large amounts.
func (l Lang) Money(v float64, currency string, decimals int) string {
	sym := CurrencySymbol(currency)
	n := l.Number(math.Abs(v), decimals)
	if n == "–" {
		return n
	}
	sign := ""
	if v < 0 && l.Number(v, decimals) != n {
		sign = Minus
	}
	if l == ES || len(sym) == 3 && sym == strings.ToUpper(currency) {
		return sign + n + "\u00a0" + sym
	}
	return sign + sym + n
}

// Compact formats large magnitudes with a suffix, for chart axes and tiles:
// 1234567 is "1,2 M" / "1.2M", 45300 is "45,3 k" / "45.3K".
func (l Lang) Compact(v float64) string {
	a := math.Abs(v)
	var div float64
	var suffix string
	switch {
	case a >= 1e9:
		div, suffix = 1e9, l.Pick("\u00a0mil M", "B")
	case a >= 1e6:
		div, suffix = 1e6, l.Pick("\u00a0M", "M")
	case a >= 1e4:
		div, suffix = 1e3, l.Pick("\u00a0k", "K")
	default:
		return l.Auto(v, 2)
	}
	return l.Auto(v/div, 1) + suffix
}

// Signed puts a plus sign before formatted, v written by Number, Percent or
// Money (which write the minus themselves), when v is positive: a change
// reads "+2.593 €", "−5 %", "0 %".
func Signed(v float64, formatted string) string {
	if v > 0 {
		return "+" + formatted
	}
	return formatted
}

// Package numparse reads numbers the way spreadsheets and CRM exports write
// them: decimal comma or point, thousands grouped with a dot, comma, space or
// apostrophe, currency symbols and ISO codes before or after the digits,
// percent signs, a leading minus or parentheses for negatives, and the
// exponent notation of raw spreadsheet values.
//
// A column's Format (decimal and group separator) is decided from many
// values with a Detector, then every value is read with Parse under that
// one format, so "1.234" means the same thing in every row of a column.
package numparse

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Format is how a column writes its numbers: the decimal separator and the
// thousands separator (0 when digits are not grouped).
type Format struct {
	Decimal byte // '.' or ','
	Group   byte // ',', '.', ' ', '\'' or 0
}

// The formats a Detector chooses among, in order of preference when the
// values cannot tell them apart.
var (
	PointComma = Format{'.', ','}  // 1,234.56
	CommaDot   = Format{',', '.'}  // 1.234,56
	PointSpace = Format{'.', ' '}  // 1 234.56
	CommaSpace = Format{',', ' '}  // 1 234,56
	PointApos  = Format{'.', '\''} // 1'234.56
)

// allFormats lists every format a Detector considers.
var allFormats = []Format{PointComma, CommaDot, PointSpace, CommaSpace, PointApos}

// Formats returns a copy of the list above: callers may change it without
// changing it for everyone else.
func Formats() []Format { return append([]Format(nil), allFormats...) }

// String describes the format as an example, e.g. "1.234,56".
func (f Format) String() string {
	g := ""
	if f.Group != 0 {
		g = string(f.Group)
	}
	return "1" + g + "234" + string(f.Decimal) + "56"
}

// MarshalText writes the format as its example ("1.234,56").
func (f Format) MarshalText() ([]byte, error) { return []byte(f.String()), nil }

// Number is a parsed value. Value is already divided by 100 for a percent
// ("21,5 %" is 0.215); Currency is the ISO code or symbol written with it.
type Number struct {
	Value    float64
	Percent  bool
	Currency string
}

// Errors returned by Parse, wrapped with the value.
var (
	// ErrNotNumber means the text is not a number in any format.
	ErrNotNumber = errors.New("not a number")
	// ErrFormula means the text looks like a spreadsheet formula; formulas
	// are never evaluated.
	ErrFormula = errors.New("a formula, not a number (formulas are never evaluated)")
)

// symbols maps currency symbols to the code reported for them.
var symbols = []struct{ sym, code string }{
	{"US$", "USD"}, {"R$", "BRL"}, {"€", "EUR"}, {"£", "GBP"}, {"¥", "JPY"}, {"$", "$"},
}

// Parse reads s under format f. Surrounding spaces, a currency symbol or
// three-letter code, a percent sign, a sign or parentheses are accepted.
func Parse(s string, f Format) (Number, error) {
	var n Number
	core, neg, err := strip(s, &n)
	if err != nil {
		return Number{}, err
	}
	v, ok := parseCore(core, f)
	if !ok {
		return Number{}, ErrNotNumber
	}
	if neg {
		v = -v
	}
	if n.Percent {
		v /= 100
	}
	n.Value = v
	return n, nil
}

// Accepts reports, as a bit per entry of Formats, the formats under which s
// is a number, and the value under each (vals[i] valid when bit i is set).
func Accepts(s string) (mask uint8, vals [8]float64) {
	var n Number
	core, neg, err := strip(s, &n)
	if err != nil {
		return 0, vals
	}
	for i, f := range allFormats {
		if v, ok := parseCore(core, f); ok {
			if neg {
				v = -v
			}
			mask |= 1 << i
			vals[i] = v
		}
	}
	return mask, vals
}

// strip removes decorations (spaces, sign, parentheses, currency, percent)
// and returns the digits-and-separators core.
func strip(s string, n *Number) (core string, neg bool, err error) {
	s = trimSpace(s)
	if s == "" {
		return "", false, ErrNotNumber
	}
	// Fast path: plain digits with at most a point.
	if isPlain(s) {
		return s, false, nil
	}
	if s[0] == '=' || s[0] == '@' || s[0] == '+' && len(s) > 1 && !isDigitOrSep(s[1]) {
		return "", false, ErrFormula
	}
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		neg = true
		s = trimSpace(s[1 : len(s)-1])
	}
	for range 3 { // sign, currency and percent in any order around the digits
		switch {
		case strings.HasPrefix(s, "-") || strings.HasPrefix(s, "−"):
			if neg {
				return "", false, ErrNotNumber
			}
			neg = true
			_, w := utf8.DecodeRuneInString(s)
			s = trimSpace(s[w:])
		case strings.HasPrefix(s, "+"):
			s = trimSpace(s[1:])
		case strings.HasSuffix(s, "%"):
			if n.Percent {
				return "", false, ErrNotNumber
			}
			n.Percent = true
			s = trimSpace(s[:len(s)-1])
		}
		if n.Currency == "" {
			s = stripCurrency(s, n)
		}
	}
	if s == "" || !isDigitOrSep(s[0]) {
		if len(s) > 0 && (s[0] == '-' || s[0] == '=') {
			return "", false, ErrFormula
		}
		return "", false, ErrNotNumber
	}
	return s, neg, nil
}

// stripCurrency removes one currency symbol or code at either end of s.
func stripCurrency(s string, n *Number) string {
	for _, c := range symbols {
		if strings.HasPrefix(s, c.sym) {
			n.Currency = c.code
			return trimSpace(s[len(c.sym):])
		}
		if strings.HasSuffix(s, c.sym) {
			n.Currency = c.code
			return trimSpace(s[:len(s)-len(c.sym)])
		}
	}
	if len(s) > 4 && isCode(s[:3]) && (s[3] == ' ' || isDigitOrSep(s[3])) {
		n.Currency = s[:3]
		return trimSpace(s[3:])
	}
	if len(s) > 4 && isCode(s[len(s)-3:]) && (s[len(s)-4] == ' ' || isDigitOrSep(s[len(s)-4])) {
		n.Currency = s[len(s)-3:]
		return trimSpace(s[:len(s)-3])
	}
	return s
}

// isCode reports whether s is three upper-case ASCII letters (EUR, USD).
func isCode(s string) bool {
	for i := range 3 {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func isDigitOrSep(b byte) bool { return b >= '0' && b <= '9' || b == '.' || b == ',' }

// isPlain reports whether s is digits with at most one point and nothing
// else, the common case read without allocation.
func isPlain(s string) bool {
	dot := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '.' {
			if dot {
				return false
			}
			dot = true
			continue
		}
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// trimSpace trims ASCII spaces and the no-break spaces spreadsheets use.
func trimSpace(s string) string {
	for {
		t := strings.TrimSpace(s)
		t = strings.TrimPrefix(t, "\u00a0")
		t = strings.TrimSuffix(t, "\u00a0")
		t = strings.TrimPrefix(t, "\u202f")
		t = strings.TrimSuffix(t, "\u202f")
		if t == s {
			return s
		}
		s = t
	}
}

// parseCore reads digits with separators under f. Groups must be 3 digits
// after a first group of 1–3; the fraction is digits only.
func parseCore(s string, f Format) (float64, bool) {
	if s == "" {
		return 0, false
	}
	if isPlain(s) {
		if f.Decimal != '.' && strings.IndexByte(s, '.') >= 0 {
			// Under a comma-decimal format a lone point is a group mark.
			if f.Group != '.' {
				return 0, false
			}
		} else {
			if s == "." {
				return 0, false
			}
			v, err := strconv.ParseFloat(s, 64)
			return v, err == nil
		}
	}
	if e := strings.IndexAny(s, "eE"); e > 0 {
		return parseExp(s, f)
	}
	var buf [64]byte
	out := buf[:0]
	intDigits, groupLen, groups := 0, 0, 0
	inFrac := false
	for i := 0; i < len(s); {
		c := s[i]
		w := 1
		switch {
		case c >= '0' && c <= '9':
			out = append(out, c)
			if !inFrac {
				intDigits++
				groupLen++
			}
		case c == f.Decimal && !inFrac:
			if groups > 0 && groupLen != 3 {
				return 0, false
			}
			inFrac = true
			out = append(out, '.')
		case !inFrac && isGroup(s[i:], f.Group, &w):
			if groupLen == 0 || groupLen > 3 || groups > 0 && groupLen != 3 {
				return 0, false
			}
			groups++
			groupLen = 0
		default:
			return 0, false
		}
		i += w
		if len(out) > 60 {
			return 0, false
		}
	}
	if groups > 0 && !inFrac && groupLen != 3 {
		return 0, false
	}
	if intDigits == 0 && (!inFrac || len(out) == 1) {
		return 0, false
	}
	v, err := strconv.ParseFloat(string(out), 64)
	return v, err == nil
}

// isGroup reports whether s starts with the group separator g; a space
// group also accepts the no-break spaces, whose width goes to *w.
func isGroup(s string, g byte, w *int) bool {
	if g == 0 {
		return false
	}
	if g == ' ' {
		for _, sp := range []string{" ", "\u00a0", "\u202f"} {
			if strings.HasPrefix(s, sp) {
				*w = len(sp)
				return true
			}
		}
		return false
	}
	return s[0] == g
}

// parseExp reads exponent notation (1.5E-3, 2,5E+4) without groups.
func parseExp(s string, f Format) (float64, bool) {
	if f.Group != 0 && strings.IndexByte(s, f.Group) >= 0 {
		return 0, false
	}
	if f.Decimal == ',' {
		if strings.IndexByte(s, '.') >= 0 {
			return 0, false
		}
		s = strings.Replace(s, ",", ".", 1)
	} else if strings.IndexByte(s, ',') >= 0 {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+') {
			return 0, false
		}
	}
	if s[0] < '0' || s[0] > '9' {
		if s[0] != '.' {
			return 0, false
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

package locale

import (
	"math"
	"testing"
	"time"
)

func TestNumber(t *testing.T) {
	tests := []struct {
		l    Lang
		v    float64
		d    int
		want string
	}{
		{ES, 1234.5, 1, "1.234,5"},
		{EN, 1234.5, 1, "1,234.5"},
		{ES, 14654495, 0, "14.654.495"},
		{EN, -1234567.891, 2, "\u22121,234,567.89"},
		{ES, 999, 0, "999"},
		{ES, -0.001, 2, "0,00"},
		{EN, 0, 0, "0"},
		{EN, math.NaN(), 1, "–"},
		{ES, math.Inf(1), 1, "–"},
	}
	for _, tt := range tests {
		if got := tt.l.Number(tt.v, tt.d); got != tt.want {
			t.Errorf("%s Number(%v,%d) = %q, want %q", tt.l, tt.v, tt.d, got, tt.want)
		}
	}
}

func TestAutoPercentMoney(t *testing.T) {
	checks := []struct{ got, want string }{
		{ES.Auto(2.50, 2), "2,5"},
		{EN.Auto(3, 2), "3"},
		{ES.Auto(-0.0001, 2), "0"},
		{ES.Percent(0.215, 1), "21,5\u00a0%"},
		{EN.Percent(0.215, 1), "21.5%"},
		{ES.Money(1234.5, "EUR", 2), "1.234,50\u00a0€"},
		{EN.Money(1234.5, "EUR", 2), "€1,234.50"},
		{EN.Money(-1234.5, "USD", 2), "\u2212$1,234.50"},
		{EN.Money(10, "CHF", 0), "10\u00a0CHF"},
		{ES.Compact(1234567), "1,2\u00a0M"},
		{EN.Compact(45300), "45.3K"},
		{EN.Compact(950), "950"},
	}
	for i, c := range checks {
		if c.got != c.want {
			t.Errorf("check %d: got %q, want %q", i, c.got, c.want)
		}
	}
}

func TestParseLang(t *testing.T) {
	for in, want := range map[string]Lang{"es": ES, "es_ES.UTF-8": ES, "en-US": EN, "EN": EN, "es-419": ES} {
		got, err := ParseLang(in)
		if err != nil || got != want {
			t.Errorf("ParseLang(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "C", "fr", "xx-??"} {
		if _, err := ParseLang(in); err == nil {
			t.Errorf("ParseLang(%q) succeeded, want error", in)
		}
		if FromSystem(in) != EN {
			t.Errorf("FromSystem(%q) is not English", in)
		}
	}
}

func TestDates(t *testing.T) {
	d := time.Date(2026, 3, 7, 0, 0, 0, 0, time.UTC)
	checks := []struct{ got, want string }{
		{ES.Date(d), "07/03/2026"},
		{EN.Date(d), "Mar 7, 2026"},
		{ES.LongDate(d), "7 de marzo de 2026"},
		{EN.LongDate(d), "March 7, 2026"},
		{ES.MonthYear(2024, 1), "ene 2024"},
		{EN.Quarter(2024, 2), "Q2 2024"},
		{ES.Quarter(2024, 2), "T2 2024"},
		{EN.MonthAbbr(13), "?"},
	}
	for i, c := range checks {
		if c.got != c.want {
			t.Errorf("check %d: got %q, want %q", i, c.got, c.want)
		}
	}
}

// TestSigned: a plus before a positive change only; the minus is the
// formatter's own.
func TestSigned(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{{2593, "+2.593\u00a0€"}, {-300, Minus + "300\u00a0€"}, {0, "0\u00a0€"}} {
		if got := Signed(c.v, ES.Money(c.v, "EUR", 0)); got != c.want {
			t.Errorf("%v: %q, want %q", c.v, got, c.want)
		}
	}
}

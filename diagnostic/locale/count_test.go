package locale

import "testing"

// TestCount puts the noun in the number n takes, in both languages.
func TestCount(t *testing.T) {
	for _, c := range []struct {
		l    Lang
		n    int
		want string
	}{{ES, 1, "1 mes"}, {ES, 0, "0 meses"}, {ES, 2, "2 meses"}, {EN, 1, "1 month"}, {EN, 12, "12 months"}} {
		if got := c.l.Count(c.n, "mes", "meses", "month", "months"); got != c.want {
			t.Errorf("%s %d: %q, want %q", c.l, c.n, got, c.want)
		}
	}
}

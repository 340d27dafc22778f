package diagnostic

import (
	"errors"
	"strings"
	"testing"
)

// TestNamesByCharacters: the 200 limit counts characters (101 × "é" is
// 202 bytes and valid; 201 characters are not), and control characters and
// bidirectional overrides are refused in organisation and respondent names.
func TestNamesByCharacters(t *testing.T) {
	p := Profile{Name: strings.Repeat("é", 101), Currency: "EUR", Language: "es"}
	if err := p.Validate(); err != nil {
		t.Errorf("101 × é: %v", err)
	}
	p.Name = strings.Repeat("é", 200)
	if err := p.Validate(); err != nil {
		t.Errorf("200 × é: %v", err)
	}
	p.Name = strings.Repeat("é", 201)
	if err := p.Validate(); !errors.Is(err, ErrInvalid) {
		t.Errorf("201 × é: %v", err)
	}
	for _, bad := range []string{"Acme\x1b[2J", "Acme\a", "Ac\nme", "Acme\u202e", "\u202aAcme", "Acme\u2066x\u2069", "Ac\x7fme", "Acme\u0085"} {
		p.Name = bad
		err := p.Validate()
		if !errors.Is(err, ErrInvalid) || strings.ContainsAny(err.Error(), "\x1b\a\n\u202e\u202a\u2066") {
			t.Errorf("%q: %v", bad, err)
		}
		if got := Printable(bad); strings.ContainsAny(got, "\x1b\a\n\u202e\u202a\u2066\u2069\x7f\u0085") {
			t.Errorf("Printable(%q) = %q", bad, got)
		}
	}
	if Printable("Señor Café") != "Señor Café" {
		t.Error("Printable changed a clean name")
	}
}

package diagnostic

import (
	"encoding/json"
	"errors"
	"testing"
)

func TestMonth(t *testing.T) {
	m, err := ParseMonth("2024-11")
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Add(3).String(); got != "2025-02" {
		t.Errorf("Add(3) = %s", got)
	}
	if got := m.Add(-11).String(); got != "2023-12" {
		t.Errorf("Add(-11) = %s", got)
	}
	if m.Quarter() != 4 || !m.Before(m.Add(1)) || m.Add(1).Index()-m.Index() != 1 {
		t.Errorf("Quarter/Before/Index wrong for %s", m)
	}
	b, _ := json.Marshal(struct{ P Month }{m})
	if string(b) != `{"P":"2024-11"}` {
		t.Errorf("json = %s", b)
	}
	var back struct{ P Month }
	if err := json.Unmarshal(b, &back); err != nil || back.P != m {
		t.Errorf("round trip = %v, %v", back.P, err)
	}
	if _, err := ParseMonth("2024-13"); !errors.Is(err, ErrInvalid) {
		t.Errorf("2024-13 accepted: %v", err)
	}
}

func TestProfileValidate(t *testing.T) {
	ok := Profile{Name: "Acme", Industry: IndustrySaaS, Segment: SegmentSMB, Currency: "EUR", Language: "es"}
	if err := ok.Validate(); err != nil {
		t.Fatalf("valid profile rejected: %v", err)
	}
	bad := []Profile{
		{Name: " ", Currency: "EUR", Language: "es"},
		{Name: "A", Currency: "eur", Language: "es"},
		{Name: "A", Currency: "EUR", Language: "fr"},
		{Name: "A", Currency: "EUR", Language: "en", Segment: "huge"},
	}
	for i, p := range bad {
		if err := p.Validate(); !errors.Is(err, ErrInvalid) {
			t.Errorf("case %d: got %v, want ErrInvalid", i, err)
		}
	}
}

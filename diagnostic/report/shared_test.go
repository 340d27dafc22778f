package report

import "testing"

// TestSectionsUnmodifiable: Sections is handed out as a copy.
func TestSectionsUnmodifiable(t *testing.T) {
	s := Sections()
	s[0] = "hacked"
	if Sections()[0] == "hacked" {
		t.Error("a caller changed Sections for everyone")
	}
}

package importer

import "testing"

// TestKindsUnmodifiable: Kinds is handed out as a copy.
func TestKindsUnmodifiable(t *testing.T) {
	k := Kinds()
	k[0] = "hacked"
	if Kinds()[0] == "hacked" {
		t.Error("a caller changed Kinds for everyone")
	}
}

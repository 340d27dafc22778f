package diagnostic

import "testing"

// TestSharedListsAndContentUnmodifiable: the package's lists and the
// questionnaire are handed out as copies, so a caller that changes what it
// got changes nothing for the others.
func TestSharedListsAndContentUnmodifiable(t *testing.T) {
	d := Departments()
	d[0] = "hacked"
	p := PillarIDs()
	p[0] = "hacked"
	tp := Topics()
	tp[0] = "hacked"
	if Departments()[0] == "hacked" || PillarIDs()[0] == "hacked" || Topics()[0] == "hacked" {
		t.Error("a caller changed a package list for everyone")
	}
	q, err := LoadQuestionnaire()
	if err != nil {
		t.Fatal(err)
	}
	q.Questions[0].ID = "hacked"
	q.Pillars = nil
	again, err := LoadQuestionnaire()
	if err != nil {
		t.Fatal(err)
	}
	if again.Questions[0].ID == "hacked" || len(again.Pillars) == 0 {
		t.Error("a caller changed the shared questionnaire")
	}
}

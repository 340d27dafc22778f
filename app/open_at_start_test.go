package app

import "testing"

// TestOpenOrgOnResults: starting with --open shows the organisation's
// results at once (what `make run` does with the demo).
func TestOpenOrgOnResults(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	u := newTestUI(t, db)
	id := demoOrg(t, db)
	u.openOrgOn(id, screenResults)
	u.settle()
	if u.selected != screenResults {
		t.Errorf("screen %d after opening on results, want %d", u.selected, screenResults)
	}
	if u.sess.org.ID != id {
		t.Errorf("current organisation %d, want %d", u.sess.org.ID, id)
	}
	if !shows(u, "43.7") {
		t.Errorf("the demo's score is not shown: %q", texts(u))
	}
}

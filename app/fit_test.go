package app

import (
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// TestScreensFitTheDefaultWindow opens every screen, in both languages,
// with an organisation half-way through the questionnaire and with the
// finished demo (which adds "New assessment"), and fails when a screen
// needs a window wider than the one the app opens: Fyne then widens the
// window past a small screen's edge, or squeezes a label to one letter per
// line (the diagnostic toolbar did, in a real window, before this test).
func TestScreensFitTheDefaultWindow(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	u := newTestUI(t, db)
	_, partial := seedSample(t, u)
	demo := demoOrg(t, db)
	for _, l := range locale.Langs() {
		u.setLanguage(l)
		u.win.Resize(defaultWindowSize)
		for _, org := range []int64{partial, demo} {
			u.openOrg(org)
			u.settle()
			for i, sc := range u.screens {
				u.goTo(i)
				u.settle()
				if w := u.win.Content().MinSize().Width; w > defaultWindowSize.Width {
					t.Errorf("%s, organisation %d, %s: needs %.0f px, the window opens at %.0f", l, org, tr(sc.key), w, defaultWindowSize.Width)
				}
			}
		}
	}
}

package app

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// TestScreenshotsSecondHalf renders the KPI (plan, data, detail), import
// wizard (preview, mapping, the validation of a file with problems, the
// import running), recommendations, report and settings screens on the
// demo organisation in both languages at 1280×800 and 1100×720 into
// $REVOPSDX_SCREENSHOTS.
func TestScreenshotsSecondHalf(t *testing.T) {
	dir := getenvOrSkip(t, screenshotsEnv)
	if !filepath.IsAbs(dir) {
		dir = filepath.Join("..", dir) // relative to the repository root, as TestScreenshots
	}
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	org := seedDemo(t, db)
	u := newTestUI(t, db)
	u.opts.Version = fyneAppVersion(t)
	u.opts.DBPath = shownDBPath // Settings shows it; a temporary folder would change every run
	u.setTheme(themeLight)
	for _, l := range locale.Langs() {
		u.setLanguage(l)
		for _, size := range []fyne.Size{{Width: 1280, Height: 800}, {Width: 1100, Height: 720}} {
			u.win.Resize(size)
			suffix := string(l)
			if size.Width < 1280 {
				suffix += "-1100"
			}
			u.openOrg(org)
			u.settle()
			u.goTo(screenKPIs)
			u.settle()
			capture(t, u, filepath.Join(dir, "kpis-"+suffix+".png"))
			u.kpis.tabs.SelectIndex(1)
			u.settle()
			capture(t, u, filepath.Join(dir, "kpis-data-"+suffix+".png"))
			u.kpis.tabs.SelectIndex(2)
			u.settle()
			u.kpis.detail.pick.SetSelectedIndex(2)
			u.settle()
			capture(t, u, filepath.Join(dir, "kpis-detail-"+suffix+".png"))
			u.kpis.startImport(fixture("hubspot_deals.csv"))
			u.settle()
			capture(t, u, filepath.Join(dir, "import-preview-"+suffix+".png"))
			u.kpis.wizard.onNext()
			capture(t, u, filepath.Join(dir, "import-mapping-"+suffix+".png"))
			u.kpis.wizard.close()
			u.settle()
			u.kpis.startImport(fixture("deals_problems.csv"))
			u.settle()
			u.kpis.wizard.onNext()
			u.kpis.wizard.onCheck()
			u.settle()
			capture(t, u, filepath.Join(dir, "import-validation-"+suffix+".png"))
			u.kpis.wizard.close()
			u.settle()
			// The import held behind a pending write: the running page
			// with its bar at zero, then cancelled (nothing is written).
			u.kpis.startImport(fixture("hubspot_deals.csv"))
			u.settle()
			w := u.kpis.wizard
			w.onNext()
			w.onCheck()
			u.settle()
			hold := make(chan struct{})
			u.saver.do(func() { <-hold })
			w.onRun()
			capture(t, u, filepath.Join(dir, "import-running-"+suffix+".png"))
			w.onStop()
			close(hold)
			u.settle()
			w.close()
			u.settle()
			u.goTo(screenRecommendations)
			u.settle()
			u.recs.list.Select(0)
			u.settle()
			capture(t, u, filepath.Join(dir, "recommendations-"+suffix+".png"))
			u.goTo(screenReport)
			u.settle()
			capture(t, u, filepath.Join(dir, "report-"+suffix+".png"))
			u.goTo(screenSettings)
			u.settle()
			capture(t, u, filepath.Join(dir, "settings-"+suffix+".png"))
		}
	}
}

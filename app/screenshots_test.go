package app

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// screenshotsEnv names the folder TestScreenshots writes to; the test runs
// only when it is set, e.g. REVOPSDX_SCREENSHOTS=docs/screenshots (a
// relative folder is taken from the repository root).
const screenshotsEnv = "REVOPSDX_SCREENSHOTS"

// TestScreenshots renders the start, diagnostic and results screens with
// sample data in both languages, at 1280×800 and 1100×720, to PNG files
// through the test driver's software renderer.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv(screenshotsEnv)
	if dir == "" {
		t.Skipf("set %s=DIR to write the screenshots", screenshotsEnv)
	}
	if !filepath.IsAbs(dir) {
		dir = filepath.Join("..", dir) // relative to the repository root
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	u := newTestUI(t, db)
	u.setTheme(themeLight) // the test driver has no system variant
	acme, nordic := seedSample(t, u)
	for _, l := range locale.Langs {
		u.setLanguage(l)
		for _, size := range []fyne.Size{{Width: 1280, Height: 800}, {Width: 1100, Height: 720}} {
			u.win.Resize(size)
			suffix := string(l)
			if size.Width < 1280 {
				suffix += "-1100"
			}
			u.goTo(screenStart)
			u.settle()
			capture(t, u, filepath.Join(dir, "start-"+suffix+".png"))
			u.openOrg(nordic)
			u.settle()
			capture(t, u, filepath.Join(dir, "wizard-"+suffix+".png"))
			u.openOrg(acme)
			u.settle()
			u.goTo(screenResults)
			u.settle()
			capture(t, u, filepath.Join(dir, "results-"+suffix+".png"))
		}
	}
}

// seedSample stores two organisations: one answered by Sales and
// Marketing, one half-way through the questionnaire.
func seedSample(t *testing.T, u *ui) (complete, partial int64) {
	ctx := context.Background()
	q := u.q
	mk := func(name string) int64 {
		o, err := u.db.CreateOrg(ctx, diagnostic.Profile{Name: name, Currency: "EUR", Language: "es", Segment: diagnostic.SegmentSMB})
		if err != nil {
			t.Fatal(err)
		}
		return o.ID
	}
	partial = mk("Nordic Foods Distribución")
	complete = mk("Acme Software")
	sales := diagnostic.Respondent{Name: "Lucía Martín", Department: diagnostic.DeptSales, Answers: map[string]diagnostic.Answer{}}
	mkt := diagnostic.Respondent{Name: "Jorge Pérez", Department: diagnostic.DeptMarketing, Answers: map[string]diagnostic.Answer{}}
	for i, qu := range q.Questions {
		sales.Answers[qu.ID] = diagnostic.Answer{Value: 1 + (i*7)%5}
		mkt.Answers[qu.ID] = diagnostic.Answer{Value: 1 + (i*3+1)%4}
	}
	if _, err := u.db.CreateAssessment(ctx, diagnostic.Assessment{OrgID: complete, Language: "es", QuestionnaireVersion: q.Version,
		Respondents: []diagnostic.Respondent{sales, mkt}}); err != nil {
		t.Fatal(err)
	}
	ana := diagnostic.Respondent{Name: "Ana García", Department: diagnostic.DeptLeadership, Answers: map[string]diagnostic.Answer{}}
	for _, qu := range q.Questions[:9] {
		ana.Answers[qu.ID] = diagnostic.Answer{Value: 3}
	}
	if _, err := u.db.CreateAssessment(ctx, diagnostic.Assessment{OrgID: partial, Language: "es", QuestionnaireVersion: q.Version,
		Respondents: []diagnostic.Respondent{ana}}); err != nil {
		t.Fatal(err)
	}
	return complete, partial
}

// capture writes the window's canvas to a PNG file.
func capture(t *testing.T, u *ui, path string) {
	t.Helper()
	img := u.win.Canvas().Capture()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

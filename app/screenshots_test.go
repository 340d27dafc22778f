package app

import (
	"context"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/revopsdx/revopsdx/app/cli"
	"github.com/revopsdx/revopsdx/assets"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// screenshotsEnv names the folder TestScreenshots writes to; the test runs
// only when it is set, e.g. REVOPSDX_SCREENSHOTS=docs/screenshots (a
// relative folder is taken from the repository root).
const screenshotsEnv = "REVOPSDX_SCREENSHOTS"

// TestScreenshots renders every screen of the shell with the demo
// organisation (cli.EnsureDemo) in both languages at 1100×720, and fails
// on a translation key shown instead of its text (a missing key shows as
// itself). With REVOPSDX_SCREENSHOTS set it also writes each screen to a
// PNG file at 1280×800 and 1100×720 through the test driver's software
// renderer (light theme), with the wizard on a question page (a sample
// organisation half-way through), the lower half of the results and the
// keyboard help.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv(screenshotsEnv)
	sizes := []fyne.Size{{Width: 1100, Height: 720}}
	if dir != "" {
		if !filepath.IsAbs(dir) {
			dir = filepath.Join("..", dir) // relative to the repository root
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		sizes = append(sizes, fyne.Size{Width: 1280, Height: 800})
	}
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	u := newTestUI(t, db)
	u.setTheme(themeLight) // the test driver has no system variant
	_, nordic := seedSample(t, u)
	demo := demoOrg(t, db)
	u.demo = func(ctx context.Context) (store.Org, error) {
		res, err := cli.EnsureDemo(ctx, db, false)
		return res.Org, err
	}
	for _, l := range locale.Langs {
		u.setLanguage(l)
		for _, size := range sizes {
			u.win.Resize(size)
			suffix := string(l)
			if size.Width < 1280 {
				suffix += "-1100"
			}
			shot := func(name string) {
				t.Helper()
				if bad := untranslated(u); len(bad) > 0 {
					t.Errorf("%s (%s): translation keys on screen: %q", name, suffix, bad)
				}
				if dir != "" {
					capture(t, u, filepath.Join(dir, name+"-"+suffix+".png"))
				}
			}
			u.openOrg(nordic)
			u.settle()
			shot("wizard")
			u.openOrg(demo)
			u.settle()
			for i, sc := range u.screens {
				u.goTo(i)
				u.settle()
				shot(strings.TrimPrefix(sc.key, "nav."))
				if i == screenResults {
					scrollToLabel(u, tr("results.pillars"))
					shot("results-pillars")
					scrollToBottom(u)
					shot("results-lower")
				}
			}
			u.goTo(screenStart)
			u.settle()
			u.showHelp()
			shot("help")
			u.help.Hide()
		}
	}
}

// scrollToBottom scrolls the first scrolling container of the screen to
// its end.
func scrollToBottom(u *ui) {
	for _, o := range test.LaidOutObjects(u.content) {
		if sc, ok := o.(*container.Scroll); ok {
			sc.ScrollToBottom()
			return
		}
	}
}

// scrollToLabel scrolls the first scrolling container of the screen so
// that the label with the given text is at its top.
func scrollToLabel(u *ui, text string) {
	var sc *container.Scroll
	for _, o := range test.LaidOutObjects(u.content) {
		if s, ok := o.(*container.Scroll); ok && sc == nil {
			sc = s
		}
		if l, ok := o.(*widget.Label); ok && l.Text == text && sc != nil {
			d := fyne.CurrentApp().Driver()
			y := d.AbsolutePositionForObject(l).Y - d.AbsolutePositionForObject(sc).Y + sc.Offset.Y
			sc.ScrollToOffset(fyne.NewPos(0, y))
			return
		}
	}
}

// translationKey is what tr returns for a key no file defines: the key.
var translationKey = regexp.MustCompile(`^[a-z]+(\.[a-z0-9_]+)+$`)

// untranslated lists the texts on the window and its dialogs that look
// like a translation key of ours (namespace.rest, with a namespace used
// in en.json): tr shows a missing key as the key itself.
func untranslated(u *ui) []string {
	namespaces := map[string]bool{}
	b, _ := assets.FS.ReadFile("i18n/en.json")
	keys := map[string]string{}
	_ = json.Unmarshal(b, &keys)
	for k := range keys {
		namespaces[strings.SplitN(k, ".", 2)[0]] = true
	}
	var bad []string
	seen := map[string]bool{} // a label's text is also in its rich text and canvas text
	check := func(s string) {
		s = strings.TrimSpace(s)
		if translationKey.MatchString(s) && namespaces[strings.SplitN(s, ".", 2)[0]] && !fileName(s) && !seen[s] {
			seen[s] = true
			bad = append(bad, s)
		}
	}
	check(u.win.Title())
	roots := []fyne.CanvasObject{u.win.Content()}
	roots = append(roots, u.win.Canvas().Overlays().List()...)
	for _, root := range roots {
		for _, o := range test.LaidOutObjects(root) {
			switch w := o.(type) {
			case *widget.Label:
				check(w.Text)
			case *widget.Button:
				check(w.Text)
			case *canvas.Text:
				check(w.Text)
			case *widget.Entry:
				check(w.PlaceHolder)
				check(w.Text)
			case *widget.Select:
				check(w.PlaceHolder)
				check(w.Selected)
				for _, opt := range w.Options {
					check(opt)
				}
			case *widget.Check:
				check(w.Text)
			case *widget.RadioGroup:
				for _, opt := range w.Options {
					check(opt)
				}
			case *widget.Hyperlink:
				check(w.Text)
			case *widget.Card:
				check(w.Title)
				check(w.Subtitle)
			case *widget.RichText:
				for _, line := range strings.Split(w.String(), "\n") {
					check(line)
				}
			}
		}
	}
	return bad
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

// fileName reports whether s ends like a file the app names on screen
// (report.pdf looks like a key of the report namespace).
func fileName(s string) bool {
	switch filepath.Ext(s) {
	case ".pdf", ".png", ".svg", ".csv", ".xlsx", ".json", ".db", ".revops", ".log", ".txt":
		return true
	}
	return false
}

// TestUntranslatedSpotsKeys checks that the screenshot walk's check can
// fail: a label showing a key (as tr does for a missing one) is reported,
// a sentence or a file name is not, even when its first part is a
// namespace of the translations ("report.pdf").
func TestUntranslatedSpotsKeys(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	u := newTestUI(t, db)
	u.content.Objects = []fyne.CanvasObject{container.NewVBox(widget.NewLabel(tr("results.no_such_key")), widget.NewLabel("report.pdf"), widget.NewLabel("See the results."))}
	u.content.Refresh()
	if bad := untranslated(u); len(bad) != 1 || bad[0] != "results.no_such_key" {
		t.Errorf("untranslated = %q, want [results.no_such_key]", bad)
	}
}

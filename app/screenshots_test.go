package app

import (
	"context"
	"encoding/json"
	"github.com/revopsdx/revopsdx/usecase"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/revopsdx/revopsdx/assets"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// screenshotsEnv names the folder TestScreenshots writes to; the test runs
// only when it is set, e.g. REVOPSDX_SCREENSHOTS=docs/screenshots (a
// relative folder is taken from the repository root).
const screenshotsEnv = "REVOPSDX_SCREENSHOTS"

// shownDBPath is the database location the screenshots show in Settings:
// where the app keeps it by default on Linux (os.UserConfigDir), for a
// user named ana. Only the text differs; the test's database is a
// temporary file.
const shownDBPath = "/home/ana/.config/revopsdx/revopsdx.db"

// TestScreenshots renders every screen of the shell with the demo
// organisation (usecase.EnsureDemo) in both languages at 1100×720, and fails
// on a translation key shown instead of its text (a missing key shows as
// itself). With REVOPSDX_SCREENSHOTS set it also writes each screen to a
// PNG file at 1280×800 and 1100×720 through the test driver's software
// renderer (light theme), with the wizard on a question page (a sample
// organisation half-way through), the company profile and KPI checklist
// dialogs, the review page listing the unanswered questions, the new
// organisation dialog, the lower half of the results and the keyboard
// help. Settings › About shows the version of FyneApp.toml, as the app
// does.
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
	u.opts.Version = fyneAppVersion(t)
	u.opts.DBPath = shownDBPath // Settings shows it; a temporary folder would change every run
	u.setTheme(themeLight)      // the test driver has no system variant
	_, nordic := seedSample(t, u)
	demo := demoOrg(t, db)
	u.demo = func(ctx context.Context) (store.Org, error) {
		res, err := usecase.EnsureDemo(ctx, db, false, time.Now())
		return res.Org, err
	}
	for _, l := range locale.Langs() {
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
			tapButton(t, u, tr("diag.profile"))
			u.settle()
			shot("profile")
			closeDialog(u)
			tapButton(t, u, tr("diag.checklist"))
			u.settle()
			shot("checklist")
			closeDialog(u)
			u.sess.page = len(u.q.Questions) // the review page: 9 answered, the rest listed
			u.show(screenDiagnostic)
			u.settle()
			shot("review")
			u.openOrg(demo)
			u.settle()
			for i, sc := range u.screens {
				u.goTo(i)
				u.settle()
				if i == screenRecommendations && u.recs != nil && u.recs.list != nil {
					u.recs.list.Select(0) // the first one's evidence and actions
					u.settle()
				}
				if n := len(u.win.Canvas().Overlays().List()); n > 0 {
					t.Errorf("%s (%s): %d dialogs left open over the screen", sc.key, suffix, n)
				}
				shot(strings.TrimPrefix(sc.key, "nav."))
				if i == screenKPIs && u.kpis != nil && u.kpis.tabs != nil {
					u.kpis.tabs.SelectIndex(3) // target and what-if, with a lever moved
					u.settle()
					if p := u.kpis.whatIf; p != nil && p.sliders[1] != nil {
						p.sliders[1].SetValue(20)
						u.settle()
					}
					shot("kpis-whatif")
					u.kpis.tabs.SelectIndex(0)
					u.settle()
				}
				if i == screenResults {
					scrollToLabel(u, tr("results.pillars"))
					shot("results-pillars")
					scrollToBottom(u)
					shot("results-lower")
				}
			}
			u.goTo(screenStart)
			u.settle()
			tapButton(t, u, tr("start.new"))
			u.settle()
			shot("new-organisation")
			closeDialog(u)
			u.showHelp()
			shot("help")
			u.help.Hide()
		}
	}
}

// closeDialog hides the dialog on top of the window, once the work that
// shows it (some dialogs load their data first) is done.
func closeDialog(u *ui) {
	u.settle()
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		top.Hide()                            // as its Cancel button would
		u.win.Canvas().Overlays().Remove(top) // a dialog's own Hide removes it; an overlay's only hides it
	}
	u.settle()
}

// fyneAppVersion is the version FyneApp.toml gives, read as main.go reads
// it (the Version key of the [Details] section).
func fyneAppVersion(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "FyneApp.toml"))
	if err != nil {
		t.Fatal(err)
	}
	section := ""
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "[") {
			section = strings.Trim(line, "[] ")
			continue
		}
		if k, v, ok := strings.Cut(line, "="); ok && section == "Details" && strings.TrimSpace(k) == "Version" {
			return strings.Trim(strings.TrimSpace(v), `"`)
		}
	}
	t.Fatal("FyneApp.toml has no Version in [Details]")
	return ""
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
	defer hideScrolledOutEntryText(u)()
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

// hideScrolledOutEntryText works around the test driver's software
// painter, which clips an object to its innermost scroll only: the text of
// an entry scrolled out of a dialog's scroll area (an entry keeps its text
// in a scroll of its own) is painted outside that area, where a real window
// clips it (compare checklist-en-dark.png, taken under Xvfb). It hides the
// insides of every entry lying wholly outside an enclosing scroll's
// viewport, which changes no layout (the entry itself stays), and returns
// the function that shows them again.
func hideScrolledOutEntryText(u *ui) (restore func()) {
	d := fyne.CurrentApp().Driver()
	var hidden []fyne.CanvasObject
	roots := append([]fyne.CanvasObject{u.win.Content()}, u.win.Canvas().Overlays().List()...)
	for _, root := range roots {
		for _, o := range test.LaidOutObjects(root) {
			sc, ok := o.(*container.Scroll)
			if !ok || !sc.Visible() {
				continue
			}
			top := d.AbsolutePositionForObject(sc)
			bottom := top.Y + sc.Size().Height
			for _, c := range test.LaidOutObjects(sc.Content) {
				e, ok := c.(*widget.Entry)
				if !ok || !e.Visible() {
					continue
				}
				y := d.AbsolutePositionForObject(e).Y
				if y+e.Size().Height > top.Y && y < bottom {
					continue // at least partly in view
				}
				for _, inner := range test.LaidOutObjects(e) {
					if inner != e && inner.Visible() {
						inner.Hide()
						hidden = append(hidden, inner)
					}
				}
			}
		}
	}
	return func() {
		for _, o := range hidden {
			o.Show()
		}
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

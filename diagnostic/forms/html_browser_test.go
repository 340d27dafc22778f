package forms

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// chromium finds a Chromium or Chrome to drive, or skips the test.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium found (Debian: apt-get install chromium): the HTML form is not checked in a real browser")
	return ""
}

// browserCtx starts a headless browser with a phone-sized window for the
// evaluator runs a JavaScript expression in the page of ctx and returns
// its string value, failing the test on an error.
func evaluator(t *testing.T, ctx context.Context) func(expr string) string {
	return func(expr string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr))
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		return v
	}
}

// length of the test.
func browserCtx(t *testing.T, exe string) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	t.Cleanup(cancel)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-gpu", true), chromedp.Flag("no-proxy-server", true))
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(acancel)
	bctx, bcancel := chromedp.NewContext(actx)
	t.Cleanup(bcancel)
	return bctx
}

// TestHTMLFormInBrowser opens the HTML form in headless Chromium on a
// phone-sized screen: the page fits the screen without sideways scrolling,
// choosing answers moves the progress counter, a reload restores them from
// the browser's storage, the language switch shows the other language, and
// the download gives an answers file import-answers reads back with the
// answers chosen.
func TestHTMLFormInBrowser(t *testing.T) {
	exe := chromium(t)
	s := spec(t, locale.EN)
	dir := t.TempDir()
	page := filepath.Join(dir, "form.html")
	if err := os.WriteFile(page, []byte(writeHTMLForm(t, s)), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx := browserCtx(t, exe)
	run := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	eval := evaluator(t, ctx)
	run("open", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile), chromedp.Navigate("file://"+page),
		chromedp.WaitVisible(chromedp.ID("download")))
	if w := eval(`String(document.documentElement.scrollWidth)`); w != "390" {
		t.Errorf("the page is %s px wide on a 390 px phone screen", w)
	}
	if c := eval(`document.getElementById("count").textContent`); c != "0" {
		t.Errorf("progress before answering %q", c)
	}
	// Answer some questions by clicking, as a person would.
	// A question its gate rules out is hidden, so it is skipped as a
	// person would (gates come before the questions they gate).
	want := map[string]int{}
	given := map[string]diagnostic.Answer{}
	for i := range s.Q.Questions {
		q := &s.Q.Questions[i]
		if i%4 == 3 || !s.Q.Shown(q, given) {
			continue
		}
		value, v := fmt.Sprint(i%5+1), i%5+1
		if i%6 == 5 {
			value, v = "dk", diagnostic.DontKnow
		}
		want[q.ID] = v
		given[q.ID] = diagnostic.Answer{Value: v}
		run("answer "+q.ID, chromedp.Click(chromedp.CSS(fmt.Sprintf(`input[name="q-%s"][value="%s"]`, q.ID, value))))
	}
	if c := eval(`document.getElementById("count").textContent`); c != fmt.Sprint(len(want)) {
		t.Errorf("progress %q after %d answers", c, len(want))
	}
	run("reload", chromedp.Reload(), chromedp.WaitVisible(chromedp.ID("download")))
	if c := eval(`document.getElementById("count").textContent`); c != fmt.Sprint(len(want)) {
		t.Errorf("progress %q after a reload, want %d answers restored", c, len(want))
	}
	run("switch to Spanish", chromedp.Click(chromedp.CSS(`[data-set-lang="es"]`)))
	if v := eval(`getComputedStyle(document.querySelector('h1 [lang="es"]')).display + "/" + getComputedStyle(document.querySelector('h1 [lang="en"]')).display`); v != "inline/none" {
		t.Errorf("after switching to Spanish, Spanish/English title display %q", v)
	}
	if v := eval(`document.querySelector('#department option[value="sales"]').textContent`); v != s.Q.DepartmentName(diagnostic.DeptSales, locale.ES) {
		t.Errorf("department option in Spanish %q", v)
	}
	// Download the answers file.
	progress := chromedp.Events(ctx, browser.DownloadProgress)
	run("download", chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: new(true)})
		return err
	}), chromedp.Click(chromedp.ID("download")))
	var file string
	for ev, err := range progress {
		if err != nil {
			t.Fatalf("waiting for the download: %v", err)
		}
		if ev.State == browser.DownloadProgressStateCompleted {
			file = filepath.Join(dir, ev.GUID)
			break
		}
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ReadAnswers("download.json", data, s.Q)
	if err != nil {
		t.Fatalf("the downloaded answers: %v\n%s", err, data)
	}
	if len(got) != 1 || got[0].FormID != s.FormID || got[0].Respondent.Name != "Ana" || got[0].Respondent.Department != diagnostic.DeptSales {
		t.Fatalf("downloaded %+v", got)
	}
	if len(got[0].Respondent.Answers) != len(want) {
		t.Errorf("%d answers downloaded, want %d", len(got[0].Respondent.Answers), len(want))
	}
	for id, v := range want {
		if a, ok := got[0].Respondent.Answers[id]; !ok || a.Value != v {
			t.Errorf("downloaded %s = %+v, want %d", id, a, v)
		}
	}
	if v := eval(`document.getElementById("saved").hidden ? "hidden" : "shown"`); v != "shown" {
		t.Error("no confirmation after the download")
	}
}

// TestHTMLFormGates: a gated question is hidden while its gate's answer
// rules it out and shown again when the answer changes; the counter's
// total follows, and a hidden question's answer is left out of the file.
func TestHTMLFormGates(t *testing.T) {
	exe := chromium(t)
	s := spec(t, locale.ES)
	var gated *diagnostic.Question
	for i := range s.Q.Questions {
		if g := s.Q.Questions[i].ShowIf; g != nil && g.Min >= 2 {
			if gate, ok := s.Q.Question(g.Question); ok && gate.ShowIf == nil {
				gated = &s.Q.Questions[i]
				break
			}
		}
	}
	if gated == nil {
		t.Fatal("the questionnaire has no question gated on an ungated question's minimum")
	}
	page := filepath.Join(t.TempDir(), "form.html")
	if err := os.WriteFile(page, []byte(writeHTMLForm(t, s)), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx := browserCtx(t, exe)
	eval := evaluator(t, ctx)
	click := func(q string, value int) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(fmt.Sprintf(`input[name="q-%s"][value="%d"]`, q, value)))); err != nil {
			t.Fatalf("answer %s = %d: %v", q, value, err)
		}
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile), chromedp.Navigate("file://"+page),
		chromedp.WaitVisible(chromedp.ID("download"))); err != nil {
		t.Fatal(err)
	}
	display := `getComputedStyle(document.getElementById("q-` + gated.ID + `")).display`
	total := `document.getElementById("total").textContent`
	all := fmt.Sprint(len(s.Q.Questions))
	if d, n := eval(display), eval(total); d == "none" || n != all {
		t.Fatalf("before any answer: %s shown as %q, total %s (want shown, %s)", gated.ID, d, n, all)
	}
	click(gated.ShowIf.Question, gated.ShowIf.Min) // shows it
	click(gated.ID, 4)
	click(gated.ShowIf.Question, gated.ShowIf.Min-1) // rules it out
	if d := eval(display); d != "none" {
		t.Errorf("gate %s = %d: %s still shown (%q)", gated.ShowIf.Question, gated.ShowIf.Min-1, gated.ID, d)
	}
	if n := eval(total); n == all {
		t.Errorf("gate ruling a question out: total still %s", n)
	}
	if v := eval(`JSON.stringify(window.revopsdxAnswers().respondents[0].answers)`); strings.Contains(v, `"`+gated.ID+`"`) {
		t.Errorf("the hidden question's answer is in the file: %s", v)
	}
	click(gated.ShowIf.Question, gated.ShowIf.Min)
	if d := eval(display); d == "none" {
		t.Errorf("gate %s = %d: %s still hidden", gated.ShowIf.Question, gated.ShowIf.Min, gated.ID)
	}
	if v := eval(`JSON.stringify(window.revopsdxAnswers().respondents[0].answers)`); !strings.Contains(v, `"`+gated.ID+`":4`) {
		t.Errorf("shown again, the question's answer should be back in the file: %s", v)
	}
}

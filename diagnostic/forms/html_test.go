package forms

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

func writeHTMLForm(t testing.TB, s Spec) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteHTML(&b, s); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// externalRef finds anything that would make a browser fetch: a src, href,
// action or poster attribute that is not a fragment or data: URL, a <link>,
// a CSS url() or @import, any http(s):// or protocol-relative URL.
var externalRef = regexp.MustCompile(`(?i)(\b(src|href|action|poster|srcset)\s*=\s*["']?\s*[^"'#\s>d]|\b(src|href|action)\s*=\s*["']?\s*d[^a]|<link\b|@import|url\(|https?://|["'(]//[a-z])`)

// TestHTMLFormIsSelfContained checks, in both languages, that the form
// fetches nothing — no external script, style, font or image, no URL at
// all — and forbids fetching with a Content-Security-Policy.
func TestHTMLFormIsSelfContained(t *testing.T) {
	for _, l := range []locale.Lang{locale.ES, locale.EN} {
		page := writeHTMLForm(t, spec(t, l))
		if m := externalRef.FindString(page); m != "" {
			i := strings.Index(page, m)
			t.Errorf("%s: external reference %q near %q", l, m, page[max(0, i-60):min(len(page), i+60)])
		}
		for _, want := range []string{`<style>`, `<script>`, `default-src 'none'`, `connect-src 'none'`, `name="viewport"`} {
			if !strings.Contains(page, want) {
				t.Errorf("%s: page lacks %q", l, want)
			}
		}
		if strings.Contains(page, "<script src") || strings.Contains(page, "ZgotmplZ") {
			t.Errorf("%s: a script by address, or a value the template refused", l)
		}
	}
	// the pattern itself catches what it must
	for _, bad := range []string{`<img src="logo.png">`, `<script src='x.js'>`, `<link rel="stylesheet" href="a.css">`, `background: url(a.png)`, `@import "x.css"`, `<a href="https://x.org">`, `src="//cdn.x/y.js"`} {
		if !externalRef.MatchString(bad) {
			t.Errorf("the check misses %q", bad)
		}
	}
	for _, ok := range []string{`<a href="#q-1">`, `<img src="data:image/png;base64,AA">`} {
		if externalRef.MatchString(ok) {
			t.Errorf("the check refuses %q", ok)
		}
	}
}

// TestHTMLFormContent checks that the page holds every question, option,
// help and department in both languages, the form's stamp, the invited
// person's name and department, and starts in the form's language.
func TestHTMLFormContent(t *testing.T) {
	s := spec(t, locale.EN)
	page := html.UnescapeString(writeHTMLForm(t, s))
	for _, want := range []string{`<html lang="en" class="l-en">`, `data-form-id="0123456789abcdef"`, `data-version="` + s.Q.Version + `"`,
		`value="Ana"`, `value="sales" data-es="Ventas"`, `Download my answers`, `Descargar mis respuestas`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if !strings.Contains(page, `selected>`) {
		t.Error("the department is not preselected")
	}
	for i := range s.Q.Questions {
		q := &s.Q.Questions[i]
		if !strings.Contains(page, `data-q="`+q.ID+`"`) {
			t.Errorf("question %s missing", q.ID)
		}
		for _, l := range []locale.Lang{locale.ES, locale.EN} {
			for _, text := range append([]string{q.Text.In(l), q.Help.In(l)}, Choices(q, l)...) {
				if !strings.Contains(page, text) {
					t.Errorf("question %s: %q missing", q.ID, text)
				}
			}
		}
		radios := strings.Count(page, `name="q-`+q.ID+`"`)
		if want := len(Choices(q, locale.EN)); radios != want {
			t.Errorf("question %s: %d choices, want %d", q.ID, radios, want)
		}
	}
}

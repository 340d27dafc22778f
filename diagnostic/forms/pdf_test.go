package forms

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// pdfPages writes the PDF form and returns the text of each page
// (pdftotext), or skips the test without poppler.
func pdfPages(t *testing.T, s Spec) []string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not found (Debian: poppler-utils): the PDF form's text is not checked")
	}
	var b bytes.Buffer
	if err := WritePDF(&b, s); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("%PDF-")) {
		t.Fatal("not a PDF")
	}
	path := filepath.Join(t.TempDir(), "form.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Split(string(out), "\f")
}

// flat joins a page's lines so a wrapped text still matches.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestPDFForm checks, in both languages, the printable form: the cover with
// the name and the ticked department, then every question with all its
// choices on one page, the pillars in order, the form's stamp at the end.
func TestPDFForm(t *testing.T) {
	for _, l := range []locale.Lang{locale.ES, locale.EN} {
		t.Run(string(l), func(t *testing.T) {
			s := spec(t, l)
			pages := pdfPages(t, s)
			cover := flat(pages[0])
			for _, want := range []string{title(s), "Ana", "☒ " + s.Q.DepartmentName("sales", l)} {
				if !strings.Contains(cover, flat(want)) {
					t.Errorf("cover lacks %q:\n%s", want, cover)
				}
			}
			for i := range s.Q.Questions {
				q := &s.Q.Questions[i]
				head := flat(q.Text.In(l))
				found := false
				for _, p := range pages[1:] {
					p = flat(p)
					if !strings.Contains(p, head) {
						continue
					}
					found = true
					if h := gateHint(s, q); h != "" && !strings.Contains(p, flat(h)) {
						t.Errorf("question %s: its gate %q is not on its page", q.ID, h)
					}
					for _, c := range Choices(q, l) {
						if !strings.Contains(p, flat(c)) {
							t.Errorf("question %s: choice %q not on the question's page", q.ID, c)
						}
					}
				}
				if !found {
					t.Errorf("question %s (%q) is not in the PDF", q.ID, head)
				}
			}
			if last := flat(strings.Join(pages, " ")); !strings.Contains(last, flat(stampLine(s))) {
				t.Error("no form stamp")
			}
		})
	}
}

// TestGateHint checks the sentence a paper respondent reads for each kind
// of gate, in both languages.
func TestGateHint(t *testing.T) {
	s := spec(t, locale.EN)
	gate := s.Q.Questions[0].ID
	for _, c := range []struct {
		g      *diagnostic.ShowIf
		es, en string
	}{
		{nil, "", ""},
		{&diagnostic.ShowIf{Question: gate, Min: 2}, "Contesta solo si en la pregunta 1 elegiste la opción 2 o una mayor.", "Answer only if you picked option 2 or higher in question 1."},
		{&diagnostic.ShowIf{Question: gate, Max: 3}, "Contesta solo si en la pregunta 1 elegiste la opción 3 o una menor.", "Answer only if you picked option 3 or lower in question 1."},
		{&diagnostic.ShowIf{Question: gate, Min: 2, Max: 4}, "Contesta solo si en la pregunta 1 elegiste una opción de la 2 a la 4.", "Answer only if you picked option 2 to 4 in question 1."},
	} {
		q := diagnostic.Question{ID: "x", ShowIf: c.g}
		s.Lang = locale.ES
		if got := gateHint(s, &q); got != c.es {
			t.Errorf("es %+v: %q, want %q", c.g, got, c.es)
		}
		s.Lang = locale.EN
		if got := gateHint(s, &q); got != c.en {
			t.Errorf("en %+v: %q, want %q", c.g, got, c.en)
		}
	}
}

// TestFormsFollowTheContent makes every form from a questionnaire with a
// question of an unknown pillar and three options: each form asks it with
// exactly its options.
func TestFormsFollowTheContent(t *testing.T) {
	s := spec(t, locale.EN)
	q := *s.Q
	q.Questions = append(q.Questions[:0:0], q.Questions...)
	extra := q.Questions[0]
	extra.ID, extra.Pillar, extra.Text.EN = "zz_new", "zz_area", "A brand-new question?"
	extra.Options = extra.Options[:3]
	q.Questions = append(q.Questions, extra)
	s.Q = &q
	pages := pdfPages(t, s)
	if all := flat(strings.Join(pages, " ")); !strings.Contains(all, "A brand-new question?") || !strings.Contains(all, "3. "+extra.Options[2].EN) || strings.Contains(all, "4. "+extra.Options[2].EN) {
		t.Error("the PDF form leaves out or misnumbers a question of an unknown pillar")
	}
	page := writeHTMLForm(t, s)
	if strings.Count(page, `name="q-zz_new"`) != len(Choices(&extra, locale.EN)) {
		t.Error("the HTML form does not follow the question's options")
	}
	if got := Choices(&extra, locale.EN); len(got) != 3+2-boolInt(!extra.AllowsNA) {
		t.Errorf("choices %v", got)
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

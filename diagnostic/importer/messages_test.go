package importer

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// TestEveryMessageCodeExists finds the message codes used in the code and
// checks both languages have them.
func TestEveryMessageCodeExists(t *testing.T) {
	c, err := loadMessages()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("*.go")
	res := []*regexp.Regexp{
		regexp.MustCompile(`newProblem\([^,]+, [^,]+, [^,]+, "([a-z_]+)"`),
		regexp.MustCompile(`fileErr\([^,]+, "([a-z_]+)"`),
		regexp.MustCompile(`code: "([a-z_]+)"`),
		regexp.MustCompile(`text\([a-z.A-Z]+, "([a-z_]+)"[,)]`),
		regexp.MustCompile(`t\("([a-z_]+)"`),
	}
	found := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, re := range res {
			for _, m := range re.FindAllStringSubmatch(string(b), -1) {
				found++
				for _, l := range []locale.Lang{locale.EN, locale.ES} {
					if _, ok := c[l][m[1]]; !ok {
						t.Errorf("%s: message %q has no %s text", f, m[1], l)
					}
				}
			}
		}
	}
	if found < 40 {
		t.Errorf("found only %d message uses; is the pattern stale?", found)
	}
	for _, k := range allKinds {
		if _, ok := c[locale.ES]["kind_"+string(k)]; !ok {
			t.Errorf("no name for kind %s", k)
		}
	}
}

func TestMessagesInSpanish(t *testing.T) {
	var m countSink
	_, err := Import(context.Background(), fixture("deals_problems.csv"), Options{}, &m)
	var pe *ProblemsError
	if !errors.As(err, &pe) {
		t.Fatal(err)
	}
	if got := pe.Problems[1].FormatIn("deals_problems.csv", locale.ES); got != `deals_problems.csv:4:Created: "2024-02-31": fecha imposible (ese día no existe)` {
		t.Errorf("Spanish problem %q", got)
	}
	if got := pe.Problems[2].Text(locale.ES); got != "se cerró antes de crearse (2024-03-10)" {
		t.Errorf("Spanish reason %q", got)
	}
	_, err = Import(context.Background(), fixture("empty.csv"), Options{}, &m)
	var fe *FileError
	if !errors.As(err, &fe) || fe.Text(locale.ES) != "empty.csv: el archivo está vacío" {
		t.Errorf("Spanish file error %v", err)
	}
	_, err = Import(context.Background(), realFile(t, "olist_marketing_closed_deals_hu_excel.csv"), Options{}, &m)
	var me *MappingError
	if !errors.As(err, &me) {
		t.Fatal(err)
	}
	es := me.Text(locale.ES)
	for _, w := range []string{`como negocios tiene "won_date" (won_date) pero falta una columna para amount`, "Elige el tipo con --kind"} {
		if !strings.Contains(es, w) {
			t.Errorf("Spanish mapping error lacks %q: %s", w, es)
		}
	}
}

func TestMessagesCatalogueChecked(t *testing.T) {
	if _, err := parseMessages([]byte(`{"en":{"a":"x","b":"y"},"es":{"a":"x"}}`)); err == nil || !strings.Contains(err.Error(), `"b" has no Spanish text`) {
		t.Errorf("err %v", err)
	}
}

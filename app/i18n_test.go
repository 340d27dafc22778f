package app

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/revopsdx/revopsdx/assets"
)

// loadKeys reads one embedded translation file.
func loadKeys(t *testing.T, lang string) map[string]string {
	t.Helper()
	b, err := assets.FS.ReadFile("i18n/" + lang + ".json")
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s.json: %v", lang, err)
	}
	return m
}

// TestTranslationsComplete fails when a key is missing or empty in either
// language, or when the code uses a key that no file defines.
func TestTranslationsComplete(t *testing.T) {
	es, en := loadKeys(t, "es"), loadKeys(t, "en")
	for k, v := range en {
		if strings.TrimSpace(v) == "" {
			t.Errorf("en.json: %q is empty", k)
		}
		if strings.TrimSpace(es[k]) == "" {
			t.Errorf("es.json lacks %q", k)
		}
	}
	for k := range es {
		if _, ok := en[k]; !ok {
			t.Errorf("en.json lacks %q", k)
		}
	}

	namespaces := map[string]bool{}
	for k := range en {
		namespaces[strings.SplitN(k, ".", 2)[0]] = true
	}
	literal := regexp.MustCompile(`"([a-z]+(?:\.[a-z0-9_]+)+)"`)
	files, _ := filepath.Glob("*.go")
	var missing []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range literal.FindAllStringSubmatch(string(src), -1) {
			key := m[1]
			if namespaces[strings.SplitN(key, ".", 2)[0]] && en[key] == "" {
				missing = append(missing, f+": "+key)
			}
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("key used in code but not translated: %s", m)
	}
}

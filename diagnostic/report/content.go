package report

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/revopsdx/revopsdx/assets"
	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// contentFile is the embedded file with every fixed text of the report.
const contentFile = "report.json"

// texts maps a text key to its wording in one language.
type texts map[string]string

// catalogue holds the fixed report texts by language.
type catalogue map[locale.Lang]texts

var (
	loadOnce   sync.Once
	loaded     catalogue
	loadErr    error
	requiredIn = []string{
		"report.title", "header.title", "footer.page",
		"section.summary", "section.maturity", "section.alignment", "section.kpis", "section.recommendations", "section.appendix",
		"status.on_track", "status.at_risk", "status.off_track", "status.no_target", "status.no_data",
		"horizon.30", "horizon.60", "horizon.90",
		"method.scores", "method.gaps", "method.status", "method.priority",
	}
)

// content returns the parsed, validated report texts (loaded once).
func content() (catalogue, error) {
	loadOnce.Do(func() {
		b, err := assets.Content(contentFile)
		if err != nil {
			loadErr = err
			return
		}
		loaded, loadErr = parseContent(b)
	})
	return loaded, loadErr
}

// parseContent reads and validates the report content: both languages, the
// same keys in each, no empty text, every required key, and the page-number
// placeholders maroto replaces.
func parseContent(b []byte) (catalogue, error) {
	var raw map[string]texts
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("content/%s: %w", contentFile, err)
	}
	c := catalogue{}
	for _, l := range locale.Langs() {
		t, ok := raw[string(l)]
		if !ok {
			return nil, fmt.Errorf("content/%s: no %q texts: %w", contentFile, l, diagnostic.ErrInvalid)
		}
		c[l] = t
	}
	if len(raw) != len(locale.Langs()) {
		return nil, fmt.Errorf("content/%s: %d languages, want es and en only: %w", contentFile, len(raw), diagnostic.ErrInvalid)
	}
	es, en := c[locale.ES], c[locale.EN]
	var problems []string
	for k, v := range es {
		if _, ok := en[k]; !ok {
			problems = append(problems, fmt.Sprintf("%q has no English text", k))
		}
		if strings.TrimSpace(v) == "" {
			problems = append(problems, fmt.Sprintf("%q is empty in Spanish", k))
		}
	}
	for k, v := range en {
		if _, ok := es[k]; !ok {
			problems = append(problems, fmt.Sprintf("%q has no Spanish text", k))
		}
		if strings.TrimSpace(v) == "" {
			problems = append(problems, fmt.Sprintf("%q is empty in English", k))
		}
	}
	for _, k := range requiredIn {
		if _, ok := es[k]; !ok {
			problems = append(problems, fmt.Sprintf("required %q is missing", k))
		}
	}
	for _, l := range locale.Langs() {
		if p := c[l]["footer.page"]; !strings.Contains(p, "{current}") || !strings.Contains(p, "{total}") {
			problems = append(problems, fmt.Sprintf("footer.page (%s) lacks {current} or {total}", l))
		}
	}
	if len(problems) > 0 {
		slices.Sort(problems)
		return nil, fmt.Errorf("content/%s: %s: %w", contentFile, strings.Join(problems, "; "), diagnostic.ErrInvalid)
	}
	return c, nil
}

// T returns the text for key, with each "{name}" replaced by the value
// following it in kv ("{n}", "3"). A missing key is returned as "[key]" so
// a content gap shows in the PDF and in tests rather than failing a render.
func (t texts) T(key string, kv ...string) string {
	s, ok := t[key]
	if !ok {
		return "[" + key + "]"
	}
	for i := 0; i+1 < len(kv); i += 2 {
		s = strings.ReplaceAll(s, "{"+kv[i]+"}", kv[i+1])
	}
	return s
}

// Has reports whether key has a text.
func (t texts) Has(key string) bool { _, ok := t[key]; return ok }

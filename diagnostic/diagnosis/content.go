package diagnosis

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/revopsdx/revopsdx/assets"
	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/recommend"
)

// ContentFile holds the synthesis' texts (assets/content/diagnosis.json).
const ContentFile = "diagnosis.json"

// Content is the parsed diagnosis.json: sentences by id, and the KPIs
// whose data show each symptom.
type Content struct {
	Texts       map[string]diagnostic.Text `json:"texts"`
	SymptomKPIs map[string][]string        `json:"symptom_kpis"`
}

// textIDs are the sentences the synthesis writes; each must exist in both
// languages.
var textIDs = []string{
	"situation_level", "situation_no_level", "situation_arr", "situation_growth", "situation_constraint",
	"situation_no_constraint", "situation_preliminary", "level", "change", "change_best", "change_worst", "change_new_questions", "change_new_question", "constraint",
	"symptom_none", "symptom_confirmed", "symptom_contradicted", "symptom_unknown", "symptom_kpis_missing",
	"symptom_gaps", "symptom_no_gaps", "symptom_one_department", "symptom_no_data", "symptom_weak_data",
	"kpi_bad", "kpi_reference", "answer_measured_no_data", "answer_not_measured_has_data",
	"missing_months", "missing_deals", "missing_kpi_data",
	"h_situation", "h_level", "h_change", "h_constraint", "h_symptom", "h_answers", "h_preliminary", "h_strengths",
	"h_actions", "h_evidence", "h_skipped", "none", "impact_year",
}

var loadContent = sync.OnceValues(func() (*Content, error) {
	b, err := assets.Content(ContentFile)
	if err != nil {
		return nil, err
	}
	return ParseContent(b)
})

// LoadContent returns the embedded content, parsed and validated once.
func LoadContent() (*Content, error) { return loadContent() }

// ParseContent parses and validates diagnosis.json: every sentence in both
// languages, only symptoms of the questionnaire.
func ParseContent(b []byte) (*Content, error) {
	var c Content
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("%s: %w: %v", ContentFile, diagnostic.ErrInvalid, err)
	}
	for _, id := range textIDs {
		if t := c.Texts[id]; strings.TrimSpace(t.ES) == "" || strings.TrimSpace(t.EN) == "" {
			return nil, fmt.Errorf("%s: texts.%s: missing or without both languages: %w", ContentFile, id, diagnostic.ErrInvalid)
		}
	}
	for s := range c.SymptomKPIs {
		if !slices.Contains(recommend.Symptoms, s) {
			return nil, fmt.Errorf("%s: symptom_kpis: unknown symptom %q: %w", ContentFile, s, diagnostic.ErrInvalid)
		}
	}
	return &c, nil
}

var placeholder = regexp.MustCompile(`\{[a-z_]+\}`)

// text fills sentence id in lang; a placeholder without a value is left
// empty.
func (c *Content) text(id string, lang locale.Lang, vars map[string]string) string {
	return placeholder.ReplaceAllStringFunc(c.Texts[id].In(lang), func(m string) string { return vars[strings.Trim(m, "{}")] })
}

// Text returns sentence id of the content in lang with its placeholders
// filled (the GUI and the report use it for the headings).
func (c *Content) Text(id string, lang locale.Lang, vars map[string]string) string {
	return c.text(id, lang, vars)
}

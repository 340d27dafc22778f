package charts

import (
	_ "embed"
	"encoding/json"
	"fmt"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// textJSON holds every fixed text the charts draw, in Spanish and English.
//
//go:embed text.json
var textJSON []byte

var texts = mustTexts(textJSON)

func mustTexts(b []byte) map[string]map[string]string {
	m, err := parseTexts(b)
	if err != nil {
		panic(err) // a build defect, caught by TestTexts
	}
	return m
}

// parseTexts reads the text table and checks that every key has a
// non-empty Spanish and English version.
func parseTexts(b []byte) (map[string]map[string]string, error) {
	var m map[string]map[string]string
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("charts: text.json: %w", err)
	}
	for k, v := range m {
		if v["es"] == "" || v["en"] == "" {
			return nil, fmt.Errorf("charts: text.json: %q needs both es and en", k)
		}
	}
	return m, nil
}

// tr returns the text for key in lang; an unknown key is returned as is so
// that a mistake shows on the chart and in tests.
func tr(lang locale.Lang, key string) string {
	v, ok := texts[key]
	if !ok {
		return key
	}
	return v[string(lang)]
}

package importer

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"github.com/revopsdx/revopsdx/assets"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// catalogue holds the importer's messages per language, from
// assets/content/import_messages.json.
type catalogue map[locale.Lang]map[string]string

var (
	msgOnce sync.Once
	msgs    catalogue
	msgErr  error
)

func loadMessages() (catalogue, error) {
	msgOnce.Do(func() {
		b, err := assets.Content("import_messages.json")
		if err != nil {
			msgErr = err
			return
		}
		msgs, msgErr = parseMessages(b)
	})
	return msgs, msgErr
}

// parseMessages decodes the catalogue and checks both languages have the
// same keys.
func parseMessages(b []byte) (catalogue, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("import_messages.json: %w", err)
	}
	c := catalogue{}
	for _, l := range []locale.Lang{locale.EN, locale.ES} {
		var m map[string]string
		if err := json.Unmarshal(raw[string(l)], &m); err != nil || len(m) == 0 {
			return nil, fmt.Errorf("import_messages.json: no %q messages", l)
		}
		c[l] = m
	}
	for k := range c[locale.EN] {
		if _, ok := c[locale.ES][k]; !ok {
			return nil, fmt.Errorf("import_messages.json: %q has no Spanish text", k)
		}
	}
	for k := range c[locale.ES] {
		if _, ok := c[locale.EN][k]; !ok {
			return nil, fmt.Errorf("import_messages.json: %q has no English text", k)
		}
	}
	return c, nil
}

// text renders message code in lang with args ("name", value, …). An
// unknown code renders as itself, which tests catch.
func text(lang locale.Lang, code string, args map[string]string) string {
	c, err := loadMessages()
	if err != nil {
		return code
	}
	if lang != locale.ES {
		lang = locale.EN
	}
	s, ok := c[lang][code]
	if !ok {
		return code
	}
	if strings.IndexByte(s, '{') < 0 {
		return s
	}
	for k, v := range args {
		if k == "precision" { // day, week, month… are words to translate too
			v = c[lang]["precision_"+v]
		}
		s = strings.ReplaceAll(s, "{"+k+"}", v)
	}
	return s
}

// kv builds an argument map from name, value pairs.
func kv(pairs ...string) map[string]string {
	if len(pairs) == 0 {
		return nil
	}
	m := make(map[string]string, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		m[pairs[i]] = clip(pairs[i+1], maxArg)
	}
	return m
}

// maxArg is the most characters of a value (a header, a cell, a sheet
// name, a list of them) a message quotes: a hostile file's 200 MB header
// must not become a 200 MB message.
const maxArg = 300

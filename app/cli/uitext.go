package cli

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"github.com/revopsdx/revopsdx/assets"
	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// uiTexts are the user-interface translations of assets/i18n, each read
// once: the command line words KPI statuses, trends and cadences exactly as
// the GUI does.
var uiTexts = map[locale.Lang]func() (map[string]string, error){
	locale.ES: sync.OnceValues(func() (map[string]string, error) { return readUITexts(locale.ES) }),
	locale.EN: sync.OnceValues(func() (map[string]string, error) { return readUITexts(locale.EN) }),
}

func readUITexts(l locale.Lang) (map[string]string, error) {
	b, err := assets.FS.ReadFile("i18n/" + string(l) + ".json")
	if err != nil {
		return nil, fmt.Errorf("translations for %q: %w", l, err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("assets/i18n/%s.json: %w", l, err)
	}
	return m, nil
}

// uiText is the text of key in l from assets/i18n/<l>.json. A key the file
// lacks is an error (a content defect the tests catch).
func uiText(l locale.Lang, key string) (string, error) {
	load, ok := uiTexts[l]
	if !ok {
		return "", fmt.Errorf("no translations for language %q", l)
	}
	m, err := load()
	if err != nil {
		return "", err
	}
	s, ok := m[key]
	if !ok || s == "" {
		return "", fmt.Errorf("assets/i18n/%s.json has no text for %q", l, key)
	}
	return s, nil
}

// statusText is a KPI status in l ("en riesgo"), "–" for none.
func statusText(l locale.Lang, s kpi.Status) (string, error) {
	if s == kpi.NoStatus {
		return "–", nil
	}
	return uiText(l, "kpis.status."+string(s))
}

// trendText is a trend direction in l ("mejora"), "–" for no trend.
func trendText(l locale.Lang, t *kpi.Trend) (string, error) {
	if t == nil || t.Direction == "" {
		return "–", nil
	}
	return uiText(l, "kpis.trend."+t.Direction)
}

// cadenceText is a review cadence in l ("Mensual"), "-" for none.
func cadenceText(l locale.Lang, c diagnostic.Cadence) (string, error) {
	if c == "" {
		return "-", nil
	}
	return uiText(l, "checklist.cadence."+string(c))
}

// shortfallText says in l what a rate lacks for a verdict: "14 of 30
// closed deals in 12 months".
func shortfallText(l locale.Lang, s kpi.Shortfall) (string, error) {
	format, err := uiText(l, "kpis.insufficient.short")
	if err != nil {
		return "", err
	}
	what, err := uiText(l, "kpis.sample."+s.Key)
	if err != nil {
		return "", err
	}
	return strings.NewReplacer("{have}", l.Number(s.Have, 0), "{need}", l.Number(s.Need, 0), "{what}", what,
		"{months}", fmt.Sprint(s.Months)).Replace(format), nil
}

package report

import (
	"errors"
	"strings"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

func TestEmbeddedContentIsValid(t *testing.T) {
	c, err := content()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range locale.Langs() {
		if got := c[l].T("section.kpis"); strings.HasPrefix(got, "[") {
			t.Errorf("%s: section.kpis missing: %q", l, got)
		}
	}
	// Every department and team id of the shared vocabulary has a name.
	for _, d := range diagnostic.Departments() {
		for _, l := range locale.Langs() {
			if !c[l].Has("dept." + string(d)) {
				t.Errorf("%s: no name for department %s", l, d)
			}
		}
	}
	// Every status and trend the view model defines has a label.
	for _, s := range []Status{StatusOnTrack, StatusAtRisk, StatusOffTrack, StatusNoTarget, StatusNoData} {
		if !c[locale.ES].Has("status." + string(s)) {
			t.Errorf("no label for status %s", s)
		}
	}
	for _, tr := range []Trend{TrendImproving, TrendStable, TrendWorsening} {
		if !c[locale.EN].Has("trend." + string(tr)) {
			t.Errorf("no label for trend %s", tr)
		}
	}
}

func TestParseContentRejects(t *testing.T) {
	ok := `"report.title":"x","header.title":"x","footer.page":"{current}/{total}",` +
		`"section.summary":"x","section.maturity":"x","section.alignment":"x","section.kpis":"x","section.recommendations":"x","section.appendix":"x",` +
		`"status.on_track":"x","status.at_risk":"x","status.off_track":"x","status.no_target":"x","status.no_data":"x",` +
		`"horizon.30":"x","horizon.60":"x","horizon.90":"x",` +
		`"method.scores":"x","method.gaps":"x","method.status":"x","method.priority":"x"`
	tests := []struct {
		name, json, want string
	}{
		{"valid", `{"es":{` + ok + `},"en":{` + ok + `}}`, ""},
		{"not json", `{"es":`, "unexpected end"},
		{"no English", `{"es":{` + ok + `}}`, `no "en" texts`},
		{"extra language", `{"es":{` + ok + `},"en":{` + ok + `},"fr":{}}`, "3 languages"},
		{"key only in Spanish", `{"es":{` + ok + `,"extra":"y"},"en":{` + ok + `}}`, `"extra" has no English text`},
		{"empty text", `{"es":{` + ok + `,"e":" "},"en":{` + ok + `,"e":"z"}}`, `"e" is empty in Spanish`},
		{"missing required", `{"es":{"a":"b"},"en":{"a":"b"}}`, `required "report.title" is missing`},
		{"page pattern", `{"es":{` + strings.Replace(ok, "{current}/{total}", "Página", 1) + `},"en":{` + ok + `}}`, "footer.page (es) lacks"},
	}
	for _, tt := range tests {
		_, err := parseContent([]byte(tt.json))
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: unexpected error %v", tt.name, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: error %v, want it to mention %q", tt.name, err, tt.want)
		case tt.want != "" && tt.name != "not json" && !errors.Is(err, diagnostic.ErrInvalid):
			t.Errorf("%s: error %v is not ErrInvalid", tt.name, err)
		}
	}
}

func TestTextPlaceholders(t *testing.T) {
	tx := texts{"a": "Nivel {n}: {name}"}
	if got := tx.T("a", "n", "3", "name", "Definido"); got != "Nivel 3: Definido" {
		t.Errorf("got %q", got)
	}
	if got := tx.T("missing"); got != "[missing]" {
		t.Errorf("missing key gave %q", got)
	}
}

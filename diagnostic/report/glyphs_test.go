package report

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/revopsdx/revopsdx/charts"
	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// hardText is text the embedded fonts cannot fully draw: emoji (with a ZWJ
// family, skin tone and flag), CJK, right-to-left scripts, combining marks,
// control characters and invalid UTF-8.
var hardText = []string{
	"Acme 😀 S.L.", "👨‍👩‍👧‍👦 Familia", "👍🏽 y 🇪🇸", "株式会社テスト 中文名", "שלום עולם", "مرحبا بالعالم",
	"e\u0301\u0308\u20dd combinado", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝟙𝟚𝟛", "tab\tand\x00nul\x07", "bad \xff\xfe utf8", "\u202eRTL override",
}

// TestDrawable pins what the report prints for characters its fonts lack.
func TestDrawable(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Núñez · 14,3\u00a0% → ✓", "Núñez · 14,3\u00a0% → ✓"},
		{"Acme 😀", "Acme \uFFFD"},
		{"👨‍👩‍👧‍👦!", "\uFFFD!"},        // one ZWJ sequence, one mark
		{"👍🏽👍", "\uFFFD\uFFFD"},        // modifier dropped, two emoji two marks
		{"🇪🇸", "\uFFFD"},               // a flag is one mark
		{"中文", "\uFFFD\uFFFD"},         // each ideograph its own mark
		{"a\u200db", "ab"},             // joiner between drawable letters dropped
		{"x\x00y\x07", "xy"},           // controls dropped
		{"bad\xffend", "bad\uFFFDend"}, // invalid UTF-8
		{"𝟙", "\uFFFD"},                // above U+FFFF
	}
	for _, tt := range tests {
		if got := drawable(tt.in); got != tt.want {
			t.Errorf("drawable(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, s := range hardText {
		for _, r := range drawable(s) {
			if r > maxRune || (r != '\t' && !fontCoverage().has(r)) {
				t.Errorf("drawable(%q) keeps %U", s, r)
			}
		}
	}
}

// TestShortenAndBreak checks names are cut with an ellipsis and long words
// get break opportunities.
func TestShortenAndBreak(t *testing.T) {
	long := strings.Repeat("ñ", 10000)
	s := shorten(long, maxName)
	if utf8.RuneCountInString(s) != maxName || !strings.HasSuffix(s, "…") {
		t.Errorf("shorten: %d characters, suffix %q", utf8.RuneCountInString(s), s[len(s)-3:])
	}
	if got := shorten("Núñez", maxName); got != "Núñez" {
		t.Errorf("short name changed: %q", got)
	}
	for _, w := range strings.Fields(breakLongWords(long)) {
		if n := utf8.RuneCountInString(w); n > maxWord {
			t.Fatalf("a word of %d characters left unbroken", n)
		}
	}
	if got := breakLongWords("una frase normal"); got != "una frase normal" {
		t.Errorf("short words changed: %q", got)
	}
}

// setTexts sets every plain string field reachable from v (structs,
// slices, pointers; not map keys) to s, so a test reaches every text field
// of the report's data without listing them.
func setTexts(v reflect.Value, s string) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			setTexts(v.Elem(), s)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				setTexts(v.Field(i), s)
			}
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return // images
		}
		for i := range v.Len() {
			setTexts(v.Index(i), s)
		}
	case reflect.String:
		if v.Type() == reflect.TypeFor[string]() && v.CanSet() {
			v.SetString(s)
		}
	}
}

// renderText renders the sample with every text field set to s; it fails
// on a panic or on an error that is not a validation error.
func renderText(t *testing.T, s string) []byte {
	t.Helper()
	d := sampleData(locale.ES)
	setTexts(reflect.ValueOf(&d), s)
	if s == "" || strings.TrimSpace(s) == "" {
		d.Organisation = "x" // an organisation name is required
	}
	// The radar as a vector chart with the text in its labels (drawn
	// through drawable like every other text).
	v := 50.0
	if svg, err := charts.Radar(charts.RadarData{Axes: []string{s, "b", "c"}, Series: []charts.Series{{Name: s, Values: []*float64{&v, &v, &v}}}},
		charts.Options{Width: 380, Height: 380, Format: charts.SVG}); err == nil {
		d.Charts.Radar = svg
	}
	var b bytes.Buffer
	err := Render(context.Background(), &b, d, Options{})
	if err != nil {
		if !errors.Is(err, diagnostic.ErrInvalid) {
			t.Fatalf("text %q: %v", s, err)
		}
		return nil
	}
	// The DOCX of the same data is well-formed XML.
	d.Charts.Radar = nil
	var x bytes.Buffer
	if err := RenderDOCX(context.Background(), &x, d, Options{}); err != nil {
		t.Fatalf("text %q: DOCX: %v", s, err)
	}
	z, err := zip.NewReader(bytes.NewReader(x.Bytes()), int64(x.Len()))
	if err != nil {
		t.Fatalf("text %q: DOCX is not a zip: %v", s, err)
	}
	for _, f := range z.File {
		if strings.HasSuffix(f.Name, ".xml") || strings.HasSuffix(f.Name, ".rels") {
			r, _ := f.Open()
			dec := xml.NewDecoder(r)
			for {
				if _, err := dec.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("text %q: DOCX part %s: %v", s, f.Name, err)
				}
			}
			r.Close()
		}
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("%PDF")) {
		t.Fatalf("text %q: output is not a PDF", s)
	}
	return b.Bytes()
}

// TestHardTextRenders renders a report with each hard text in every field,
// and a 10,000-character name; the organisation must reach the PDF with
// its drawable part intact.
func TestHardTextRenders(t *testing.T) {
	for _, s := range hardText {
		if renderText(t, s) == nil {
			t.Errorf("text %.30q: no report", s)
		}
	}
	for _, long := range []string{strings.Repeat("Ñandú🦩 ", 1250), strings.Repeat("x", 10000)} {
		d := sampleData(locale.ES)
		d.Organisation, d.Consultant.Name, d.Appendix.Respondents[0].Name = long, long, long
		d.Recommendations[0].Title, d.Pillars[0].Name = long, long
		if err := Render(context.Background(), io.Discard, d, Options{}); err != nil {
			t.Errorf("text %.30q: %v", long, err)
		}
	}
}

// TestEmojiOrganisationText reads the emoji report back: the organisation
// prints with the placeholder in place of the emoji.
func TestEmojiOrganisationText(t *testing.T) {
	needPoppler(t)
	d := sampleData(locale.EN)
	d.Organisation = "Acme 😀 Rocket 🚀 Labs"
	d.Appendix.Respondents[0].Name = "Zoë 👩‍💻 " + strings.Repeat("Long", 3000)
	path := renderTo(t, "emoji.pdf", d, Options{Lang: locale.EN})
	text := pdfText(t, path, 0, 0)
	for _, want := range []string{"Acme \uFFFD Rocket \uFFFD Labs", "Zoë \uFFFD"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
}

// FuzzRenderText feeds random text to every text field of the report: it
// must always render (or refuse with a validation error), never panic.
func FuzzRenderText(f *testing.F) {
	for _, s := range hardText {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		renderText(t, s)
	})
}

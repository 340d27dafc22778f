package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// Paper is the paper size of the PDF.
type Paper string

// The paper sizes the report supports.
const (
	A4     Paper = "a4"
	Letter Paper = "letter"
)

// ParsePaper validates a paper name ("a4" or "letter", any case).
func ParsePaper(s string) (Paper, error) {
	switch p := Paper(strings.ToLower(strings.TrimSpace(s))); p {
	case A4, Letter:
		return p, nil
	}
	return "", fmt.Errorf("unknown paper %q (use a4 or letter): %w", s, diagnostic.ErrInvalid)
}

// The optional sections of the report, by id. The cover is always printed.
const (
	SectionSummary         = "summary"
	SectionMaturity        = "maturity"
	SectionAlignment       = "alignment"
	SectionKPIs            = "kpis"
	SectionRecommendations = "recommendations"
	SectionAppendix        = "appendix"
)

// allSections lists every optional section in the order the report prints them.
var allSections = []string{SectionSummary, SectionMaturity, SectionAlignment, SectionKPIs, SectionRecommendations, SectionAppendix}

// Sections returns a copy of the list above: callers may change it without
// changing it for everyone else.
func Sections() []string { return append([]string(nil), allSections...) }

// Options chooses the language, paper and sections of a report.
type Options struct {
	Lang     locale.Lang // "" = Data.Lang, else English
	Paper    Paper       // "" = Data.Paper, else A4 for Spanish and Letter for English
	Sections []string    // subset of Sections; nil or empty = all
}

// ParseSections reads a comma-separated list of section ids, as given on the
// command line ("summary,kpis").
func ParseSections(s string) ([]string, error) {
	var out []string
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if !slices.Contains(allSections, f) {
			return nil, fmt.Errorf("unknown section %q (use %s): %w", f, strings.Join(allSections, ","), diagnostic.ErrInvalid)
		}
		out = append(out, f)
	}
	return out, nil
}

// resolved is Options with every default applied.
type resolved struct {
	lang     locale.Lang
	paper    Paper
	sections map[string]bool
}

// resolve applies the defaults and validates the options against data.
func (o Options) resolve(d *Data) (resolved, error) {
	r := resolved{lang: o.Lang, paper: o.Paper, sections: map[string]bool{}}
	if r.lang == "" {
		r.lang = d.Lang
	}
	if r.lang == "" {
		r.lang = locale.EN
	}
	if !r.lang.Valid() {
		return r, fmt.Errorf("report language %q (use es or en): %w", r.lang, diagnostic.ErrInvalid)
	}
	if r.paper == "" {
		r.paper = d.Paper
	}
	if r.paper == "" {
		r.paper = Paper(r.lang.Pick(string(A4), string(Letter)))
	}
	if _, err := ParsePaper(string(r.paper)); err != nil {
		return r, err
	}
	want := o.Sections
	if len(want) == 0 {
		want = allSections
	}
	for _, s := range want {
		if !slices.Contains(allSections, s) {
			return r, fmt.Errorf("unknown report section %q (use %s): %w", s, strings.Join(allSections, ","), diagnostic.ErrInvalid)
		}
		r.sections[s] = true
	}
	if strings.TrimSpace(d.Organisation) == "" {
		return r, fmt.Errorf("report data has no organisation name: %w", diagnostic.ErrInvalid)
	}
	if d.AssessmentDate.IsZero() {
		return r, fmt.Errorf("report data for %q has no assessment date: %w", d.Organisation, diagnostic.ErrInvalid)
	}
	return r, checkImages(d)
}

// checkImages fails on an image that is given but is not a readable PNG or
// JPEG, naming it, so a broken logo or chart is noticed rather than
// silently missing from the report. Empty images are simply not shown.
func checkImages(d *Data) error {
	named := []struct {
		what string
		b    []byte
	}{
		{"the consultant's logo", d.Consultant.Logo},
		{"the radar chart", d.Charts.Radar},
		{"the pillar chart", d.Charts.Pillars},
		{"the alignment chart", d.Charts.Alignment},
	}
	for _, k := range d.KPIs {
		named = append(named, struct {
			what string
			b    []byte
		}{"the trend chart of KPI " + k.ID, k.Chart})
	}
	for _, n := range named {
		if len(n.b) == 0 {
			continue
		}
		if _, _, _, ok := imageSize(n.b); !ok {
			return fmt.Errorf("%s is not a readable PNG or JPEG image (%d bytes): %w", n.what, len(n.b), diagnostic.ErrInvalid)
		}
	}
	return nil
}

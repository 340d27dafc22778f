package importer

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

var errInvalid = diagnostic.ErrInvalid

// Problem is one thing wrong in a file: where (row 1 is the header row in
// a file whose header is on its first line) and why.
type Problem struct {
	Row    int               `json:"row"`
	Column string            `json:"column,omitempty"`
	Value  string            `json:"value,omitempty"`
	Reason string            `json:"reason"` // in English
	Code   string            `json:"code"`   // message key in import_messages.json
	Args   map[string]string `json:"args,omitempty"`
}

// newProblem builds a problem from a message code and its arguments.
func newProblem(row int, column, value, code string, args ...string) Problem {
	a := kv(args...)
	return Problem{Row: row, Column: clip(column, maxArg), Value: clip(value, maxArg), Code: code, Args: a, Reason: text(locale.EN, code, a)}
}

// Text is the reason in lang.
func (p Problem) Text(lang locale.Lang) string { return text(lang, p.Code, p.Args) }

// Format writes the problem as FILE:ROW:COLUMN: reason, in English.
func (p Problem) Format(file string) string { return p.FormatIn(file, locale.EN) }

// FormatIn writes the problem as FILE:ROW:COLUMN: reason in lang.
func (p Problem) FormatIn(file string, lang locale.Lang) string {
	var b strings.Builder
	b.WriteString(file)
	fmt.Fprintf(&b, ":%d", p.Row)
	if p.Column != "" {
		b.WriteString(":" + p.Column)
	}
	b.WriteString(": ")
	if p.Value != "" {
		fmt.Fprintf(&b, "%q: ", clip(p.Value, 60))
	}
	b.WriteString(p.Text(lang))
	return b.String()
}

// clip shortens s to n runes with an ellipsis, reading no further than
// the n+1st rune (s may be a huge hostile cell).
func clip(s string, n int) string {
	i := 0
	for range n {
		if i >= len(s) {
			return s
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	if i >= len(s) {
		return s
	}
	return s[:i] + "…"
}

// ProblemsError is returned when a file has problems and the import was
// not told to skip invalid rows: nothing may be kept. It lists the
// problems (up to the report limit) and how many there were in all.
type ProblemsError struct {
	File     string
	Problems []Problem
	Count    int
}

func (e *ProblemsError) Error() string {
	if len(e.Problems) == 0 {
		return e.File + ": invalid file"
	}
	msg := e.Problems[0].Format(e.File)
	if e.Count > 1 {
		msg += " (" + text(locale.EN, "more_problems", kv("count", fmt.Sprint(e.Count-1))) + ")"
	} else {
		msg += " (" + text(locale.EN, "nothing_imported", nil) + ")"
	}
	return msg
}

// Unwrap makes a ProblemsError an ErrInvalid.
func (e *ProblemsError) Unwrap() error { return errInvalid }

// Lines formats every listed problem as FILE:ROW:COLUMN: reason.
func (e *ProblemsError) Lines() []string {
	out := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		out[i] = p.Format(e.File)
	}
	return out
}

// MappingError says a table's columns could not be matched to a shape: a
// required field has no column, or several columns could be the same field.
type MappingError struct {
	File      string        `json:"file"`
	Kind      Kind          `json:"kind,omitempty"`
	Missing   []FieldIssue  `json:"missing,omitempty"`
	Ambiguous []FieldIssue  `json:"ambiguous,omitempty"`
	Tried     []KindAttempt `json:"tried,omitempty"` // when no shape fits
}

// FieldIssue is one field that is missing (with examples of the headers
// that would match) or ambiguous (with the candidate columns).
type FieldIssue struct {
	Field      string   `json:"field"`
	Candidates []string `json:"candidates"`        // headers that would match, or the ambiguous columns
	Columns    []string `json:"columns,omitempty"` // unmapped columns of the file whose values fit the field
}

// KindAttempt is a shape the columns partly fit.
type KindAttempt struct {
	Kind    Kind         `json:"kind"`
	Found   []string     `json:"found"` // "header (field)"
	Missing []FieldIssue `json:"missing"`

	match *match
}

func (e *MappingError) Error() string { return e.Text(locale.EN) }

// Text is the message in lang, starting with the file name.
func (e *MappingError) Text(lang locale.Lang) string {
	t := func(code string, args ...string) string { return text(lang, code, kv(args...)) }
	var b strings.Builder
	b.WriteString(e.File + ": ")
	switch {
	case len(e.Tried) > 0:
		var parts []string
		for _, a := range e.Tried {
			parts = append(parts, t("map_attempt", "kind", kindName(lang, a.Kind), "found", strings.Join(a.Found, ", "), "missing", missingText(lang, a.Missing)))
		}
		b.WriteString(t("map_tried", "attempts", strings.Join(parts, "; ")))
	case len(e.Missing) == 0 && len(e.Ambiguous) == 0:
		b.WriteString(t("map_none"))
	default:
		var parts []string
		if len(e.Missing) > 0 {
			parts = append(parts, missingText(lang, e.Missing))
		}
		for _, a := range e.Ambiguous {
			parts = append(parts, t("map_ambiguous", "field", a.Field, "columns", quoteAll(a.Candidates)))
		}
		b.WriteString(t("map_kind", "kind", kindName(lang, e.Kind), "issues", strings.Join(parts, "; ")))
	}
	return b.String()
}

// kindName names a shape ("deals", "a long KPI table") in lang.
func kindName(lang locale.Lang, k Kind) string { return text(lang, "kind_"+string(k), nil) }

// Unwrap makes a MappingError an ErrInvalid.
func (e *MappingError) Unwrap() error { return errInvalid }

func missingText(lang locale.Lang, m []FieldIssue) string {
	var parts []string
	for _, f := range m {
		var s string
		if len(f.Candidates) > 0 {
			s = text(lang, "map_missing_examples", kv("field", f.Field, "examples", quoteAll(f.Candidates)))
		} else {
			s = text(lang, "map_missing", kv("field", f.Field))
		}
		if len(f.Columns) > 0 {
			s += text(lang, "map_candidates", kv("columns", quoteAll(f.Columns)))
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, text(lang, "map_and", nil))
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

package importer

import (
	"fmt"
	"strings"

	"github.com/revopsdx/revopsdx/diagnostic"
)

var errInvalid = diagnostic.ErrInvalid

// Problem is one thing wrong in a file: where (row 1 is the header row in
// a file whose header is on its first line) and why.
type Problem struct {
	Row    int    `json:"row"`
	Column string `json:"column,omitempty"`
	Value  string `json:"value,omitempty"`
	Reason string `json:"reason"`
}

// Format writes the problem as FILE:ROW:COLUMN: reason.
func (p Problem) Format(file string) string {
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
	b.WriteString(p.Reason)
	return b.String()
}

// clip shortens s to n runes with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
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
		msg += fmt.Sprintf(" (and %d more problems; nothing was imported)", e.Count-1)
	} else {
		msg += " (nothing was imported)"
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
	Candidates []string `json:"candidates"`
}

// KindAttempt is a shape the columns partly fit.
type KindAttempt struct {
	Kind    Kind         `json:"kind"`
	Found   []string     `json:"found"` // "header (field)"
	Missing []FieldIssue `json:"missing"`
}

func (e *MappingError) Error() string {
	var b strings.Builder
	b.WriteString(e.File + ": ")
	switch {
	case len(e.Tried) > 0:
		b.WriteString("not a table the importer knows: ")
		for i, t := range e.Tried {
			if i > 0 {
				b.WriteString("; ")
			}
			fmt.Fprintf(&b, "as %s it has %s but %s", t.Kind, strings.Join(t.Found, ", "), missingText(t.Missing))
		}
		b.WriteString(`. Choose the kind with --kind and map columns with --map "COLUMN=field"`)
	case len(e.Tried) == 0 && len(e.Missing) == 0 && len(e.Ambiguous) == 0:
		b.WriteString("no column matches any field of deals, customers, transactions, leads or a KPI table; choose the kind with --kind and map columns with --map \"COLUMN=field\"")
	default:
		fmt.Fprintf(&b, "as %s, ", e.Kind)
		var parts []string
		if len(e.Missing) > 0 {
			parts = append(parts, missingText(e.Missing))
		}
		for _, a := range e.Ambiguous {
			parts = append(parts, fmt.Sprintf("field %s could be any of the columns %s", a.Field, quoteAll(a.Candidates)))
		}
		b.WriteString(strings.Join(parts, "; "))
		b.WriteString(`; map it with --map "COLUMN=field"`)
	}
	return b.String()
}

// Unwrap makes a MappingError an ErrInvalid.
func (e *MappingError) Unwrap() error { return errInvalid }

func missingText(m []FieldIssue) string {
	var parts []string
	for _, f := range m {
		s := "no column for " + f.Field
		if len(f.Candidates) > 0 {
			s += " (such as " + quoteAll(f.Candidates) + ")"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " and ")
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

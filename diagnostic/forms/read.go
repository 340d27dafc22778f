package forms

import (
	"bytes"
	"fmt"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// xlsxMagic starts every XLSX file (a zip archive).
var xlsxMagic = []byte("PK\x03\x04")

// ReadAnswers reads one file of answers by its content: a filled XLSX form,
// or an answers file in JSON (docs/QUESTIONNAIRE.md), with the stamp of the
// HTML form it came from or without one. An answers file may hold several
// respondents, but one with a form stamp holds exactly one. Each respondent
// comes back with the file's name; errors name the file and the cell or
// field and wrap diagnostic.ErrInvalid.
func ReadAnswers(name string, data []byte, q *diagnostic.Questionnaire) ([]Filled, error) {
	if bytes.HasPrefix(data, xlsxMagic) {
		f, err := ReadXLSX(bytes.NewReader(data), q)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		f.File = name
		return []Filled{f}, nil
	}
	af, err := diagnostic.ParseAnswers(data, q)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if af.Form.ID != "" && !validFormID(af.Form.ID) {
		return nil, fmt.Errorf("%s: form.id %q is not 8–40 letters, digits or dashes: %w", name, af.Form.ID, diagnostic.ErrInvalid)
	}
	if af.Form.ID != "" && len(af.Respondents) != 1 {
		return nil, fmt.Errorf("%s: a form's answers hold one respondent, this file has %d: %w", name, len(af.Respondents), diagnostic.ErrInvalid)
	}
	out := make([]Filled, 0, len(af.Respondents))
	for i, r := range af.Respondents {
		f := Filled{File: name, FormID: af.Form.ID, Version: q.Version, Respondent: r}
		if i == 0 {
			f.Context = af.Context
		}
		out = append(out, f)
	}
	return out, nil
}

package usecase

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/forms"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// Invitee is one person to make a form for.
type Invitee struct {
	Name       string
	Department diagnostic.Department // "" = the person picks it
}

// ParseInvitees reads a list of people typed one per line as
// "Name, department" (the department by id or display name in either
// language, optional). Empty lines are skipped; a bad line fails with its
// number.
func ParseInvitees(q *diagnostic.Questionnaire, text string) ([]Invitee, error) {
	var out []Invitee
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		name, dept, _ := strings.Cut(line, ",")
		inv := Invitee{Name: strings.TrimSpace(name)}
		if err := diagnostic.CheckName(inv.Name, diagnostic.MaxNameLength); err != nil {
			return nil, fmt.Errorf("line %d: name: %w", i+1, err)
		}
		if d := strings.TrimSpace(dept); d != "" {
			dd, ok := forms.ParseDepartmentText(q, d)
			if !ok {
				return nil, fmt.Errorf("line %d: %q is not a department: %w", i+1, d, diagnostic.ErrInvalid)
			}
			inv.Department = dd
		}
		out = append(out, inv)
	}
	return out, nil
}

// MakeForms writes one form per invited person into the folder dir (a
// single blank form when the list is empty), each named after the person
// ("01-ana-garcia.xlsx"), and records every invitation. It stops at the
// first error, returning the files written so far.
func MakeForms(ctx context.Context, s FormsStore, o store.Org, format string, l locale.Lang, people []Invitee, dir string) ([]string, error) {
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("forms folder %s: not a folder: %w", dir, diagnostic.ErrInvalid)
	}
	if len(people) == 0 {
		people = []Invitee{{}}
	}
	var files []string
	for i, p := range people {
		name := fmt.Sprintf("%02d-%s.%s", i+1, slug(p.Name, l), format)
		path := filepath.Join(dir, name)
		if _, err := MakeForm(ctx, s, o, FormRequest{Format: format, Lang: l, Respondent: p.Name, Department: p.Department, Out: path}); err != nil {
			return files, fmt.Errorf("form for %q: %w", p.Name, err)
		}
		files = append(files, path)
	}
	return files, nil
}

// slug makes a file name part of a person's name: lower-case letters and
// digits joined by dashes, accents kept; "formulario"/"form" when empty.
func slug(name string, l locale.Lang) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return l.Pick("formulario", "form")
	}
	return b.String()
}

package forms

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// Spec is what a form is made of: the questionnaire in a language, for an
// organisation, optionally filled in with the invited person's name and
// department, stamped with a form id.
type Spec struct {
	Q          *diagnostic.Questionnaire
	Lang       locale.Lang
	Org        string                // organisation name, shown in the title
	Respondent string                // "" = the person writes it
	Department diagnostic.Department // "" = the person picks it
	FormID     string                // NewFormID(); ties the answers to the invitation
}

// Check validates a spec before a form is written.
func (s Spec) Check() error {
	if s.Q == nil || len(s.Q.Questions) == 0 {
		return fmt.Errorf("form: no questions to ask: %w", diagnostic.ErrInvalid)
	}
	if !s.Lang.Valid() {
		return fmt.Errorf("form: language %q is not es or en: %w", s.Lang, diagnostic.ErrInvalid)
	}
	if err := diagnostic.CheckName(s.Respondent, diagnostic.MaxNameLength); err != nil {
		return fmt.Errorf("form: respondent: %w", err)
	}
	if s.Department != "" {
		if _, err := diagnostic.ParseDepartment(string(s.Department)); err != nil {
			return fmt.Errorf("form: %w", err)
		}
	}
	if !validFormID(s.FormID) {
		return fmt.Errorf("form: form id %q is not 8–40 letters, digits or dashes: %w", s.FormID, diagnostic.ErrInvalid)
	}
	return nil
}

// NewFormID returns a new random form id (16 hex digits).
func NewFormID() (string, error) {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("making a form id: %w", err)
	}
	return hex.EncodeToString(b[:]), nil
}

func validFormID(id string) bool {
	if len(id) < 8 || len(id) > 40 {
		return false
	}
	for _, r := range id {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-') {
			return false
		}
	}
	return true
}

// The ids of the two choices besides the anchored options, accepted in a
// filled form's answer cell as well as their labels. (The HTML form's
// answers file writes both as null, the answers file's N/A.)
const (
	ValueNotApplicable = "n/a"
	ValueDontKnow      = "dont_know"
)

// notApplicable and dontKnow are the two extra choices of every question.
func notApplicable(l locale.Lang) string { return l.Pick("No aplica", "Not applicable") }
func dontKnow(l locale.Lang) string      { return l.Pick("No lo sé", "Don't know") }

// OptionLabel is the text of option n (1–5) of a question in a form:
// "3. <anchored text>".
func OptionLabel(q *diagnostic.Question, n int, l locale.Lang) string {
	return fmt.Sprintf("%d. %s", n, q.Options[n-1].In(l))
}

// Choices lists a question's choices in a form, in order: its anchored
// options, then "not applicable" and "don't know". A question that does not
// allow N/A still offers "don't know".
func Choices(q *diagnostic.Question, l locale.Lang) []string {
	out := make([]string, 0, len(q.Options)+2)
	for n := range q.Options {
		out = append(out, OptionLabel(q, n+1, l))
	}
	if q.AllowsNA {
		out = append(out, notApplicable(l))
	}
	return append(out, dontKnow(l))
}

// ParseChoice reads a question's answer as written in a form, in either
// language: an option label, a bare option number 1–5, "not applicable"
// (diagnostic.NA) or "don't know" (diagnostic.DontKnow: neither counts in
// the score, but "don't know" is reported as a visibility finding). ok is
// false for anything else; an empty text is unanswered (answered false).
func ParseChoice(q *diagnostic.Question, text string) (value int, answered, ok bool) {
	t := strings.TrimSpace(text)
	if t == "" {
		return 0, false, true
	}
	if n, err := strconv.Atoi(t); err == nil {
		return n, true, n >= 1 && n <= len(q.Options)
	}
	for _, l := range []locale.Lang{locale.ES, locale.EN} {
		for n := range q.Options {
			if strings.EqualFold(t, OptionLabel(q, n+1, l)) || strings.EqualFold(t, q.Options[n].In(l)) {
				return n + 1, true, true
			}
		}
		if strings.EqualFold(t, notApplicable(l)) || strings.EqualFold(t, ValueNotApplicable) {
			return diagnostic.NA, true, q.AllowsNA
		}
		if strings.EqualFold(t, dontKnow(l)) || strings.EqualFold(t, ValueDontKnow) {
			return diagnostic.DontKnow, true, true
		}
	}
	return 0, true, false
}

// ParseDepartmentText reads a department as written in a form: its id or
// its display name in either language.
func ParseDepartmentText(q *diagnostic.Questionnaire, text string) (diagnostic.Department, bool) {
	t := strings.TrimSpace(text)
	for _, d := range diagnostic.Departments() {
		if strings.EqualFold(t, string(d)) || strings.EqualFold(t, q.DepartmentName(d, locale.ES)) || strings.EqualFold(t, q.DepartmentName(d, locale.EN)) {
			return d, true
		}
	}
	return "", false
}

// Filled is one filled form read back: who answered, and the stamp of the
// form (empty FormID for an answers file not made from a form).
type Filled struct {
	File       string // the file's name, for messages
	FormID     string
	Version    string // questionnaire version the form was made from
	Respondent diagnostic.Respondent
	Context    diagnostic.Context // only from an answers file
}

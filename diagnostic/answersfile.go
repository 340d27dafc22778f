package diagnostic

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"
)

// AnswersFile is a set of answers read from a JSON file (the format of
// `revopsdx score --answers`, see docs/QUESTIONNAIRE.md):
//
//	{"respondents": [{"name": "Ana", "department": "sales",
//	                  "answers": {"obj_written": 4, "kpi_owner": null}}],
//	 "context": {"symptom": "long_cycles", "objective": "grow_revenue",
//	             "coverage": {"revenue": {"measured": true, "owner": "CFO", "cadence": "monthly"}}}}
//
// A null answer is N/A (not applicable), the string "dont_know" is
// DontKnow; a question left out is unanswered. "context" is
// optional; without "coverage" the KPI checklist counts as unanswered.
// "form" (optional) is the stamp of the form the answers came from (the
// HTML form writes it).
type AnswersFile struct {
	Respondents []Respondent
	Context     Context
	Form        FormStamp
}

// FormStamp identifies the form an answers file was filled in: its id and
// the questionnaire version it was made from.
type FormStamp struct {
	ID                   string `json:"id"`
	QuestionnaireVersion string `json:"questionnaire_version"`
	Language             string `json:"language,omitempty"`
}

type rawAnswers struct {
	Respondents []rawRespondent `json:"respondents"`
	Context     *Context        `json:"context"`
	Form        *FormStamp      `json:"form"`
}

type rawRespondent struct {
	Name       string                     `json:"name"`
	Department string                     `json:"department"`
	Answers    map[string]json.RawMessage `json:"answers"`
}

// ParseAnswers reads an answers file and validates it against the
// questionnaire. Errors wrap ErrInvalid and say what and where: invalid JSON
// (line and column), unknown question id, value outside 1–5 (other than
// null and "dont_know"), unknown department, unknown context value. An
// answer to a question the current version retired is accepted and
// ignored by the scores.
func ParseAnswers(data []byte, q *Questionnaire) (*AnswersFile, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var raw rawAnswers
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("%s: %w", describeJSONError(data, err), ErrInvalid)
	}
	if dec.More() {
		line, col := lineCol(data, dec.InputOffset())
		return nil, fmt.Errorf("line %d, column %d: unexpected data after the JSON object: %w", line, col, ErrInvalid)
	}
	if raw.Form != nil && raw.Form.QuestionnaireVersion != q.Version {
		return nil, fmt.Errorf("%sform.questionnaire_version: the form was made from questionnaire version %q, this app has version %q: %w",
			atLine(lineOf(data, "form", "questionnaire_version")), raw.Form.QuestionnaireVersion, q.Version, ErrInvalid)
	}
	if len(raw.Respondents) == 0 {
		return nil, fmt.Errorf(`"respondents": missing or empty, want at least one respondent: %w`, ErrInvalid)
	}
	af := &AnswersFile{}
	if raw.Form != nil {
		af.Form = *raw.Form
	}
	for i, rr := range raw.Respondents {
		rs, err := rr.convert(q, i, data)
		if err != nil {
			return nil, err
		}
		af.Respondents = append(af.Respondents, rs)
	}
	if raw.Context != nil {
		if err := ValidateContext(q, *raw.Context); err != nil {
			return nil, fmt.Errorf("context: %w", err)
		}
		af.Context = *raw.Context
	}
	return af, nil
}

// convert validates one respondent of the file and converts it.
func (rr rawRespondent) convert(q *Questionnaire, i int, data []byte) (Respondent, error) {
	where := fmt.Sprintf("respondents[%d]", i)
	if rr.Name != "" {
		where += fmt.Sprintf(" (%q)", rr.Name)
	}
	if err := CheckName(rr.Name, MaxNameLength); err != nil {
		return Respondent{}, fmt.Errorf("%s%s: name: %w", atLine(lineOf(data, "respondents", i, "name")), where, err)
	}
	dept, err := ParseDepartment(rr.Department)
	if err != nil {
		return Respondent{}, fmt.Errorf("%s%s: department: %w", atLine(lineOf(data, "respondents", i, "department")), where, err)
	}
	rs := Respondent{Name: rr.Name, Department: dept, Answers: make(map[string]Answer, len(rr.Answers))}
	ids := make([]string, 0, len(rr.Answers))
	for id := range rr.Answers {
		ids = append(ids, id)
	}
	sort.Strings(ids) // report the first bad answer deterministically
	for _, id := range ids {
		at := atLine(lineOf(data, "respondents", i, "answers", id))
		if _, ok := q.Question(id); !ok && !q.IsRetired(id) {
			return Respondent{}, fmt.Errorf("%s%s: answers: unknown question id %q%s: %w", at, where, id, suggest(q, id), ErrInvalid)
		}
		v, err := answerValue(rr.Answers[id])
		if err != nil {
			return Respondent{}, fmt.Errorf("%s%s: answers.%s: %w", at, where, id, err)
		}
		rs.Answers[id] = Answer{Value: v}
	}
	return rs, nil
}

// DontKnowValue is how an answers file writes a "don't know" answer.
const DontKnowValue = "dont_know"

// answerValue reads one answer of the file: a whole number 1–5, null (N/A)
// or "dont_know".
func answerValue(raw json.RawMessage) (int, error) {
	const want = `use a whole number 1 to 5, null for not applicable or "dont_know"`
	if t := bytes.TrimSpace(raw); len(t) == 0 || string(t) == "null" {
		return NA, nil
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		if s == DontKnowValue {
			return DontKnow, nil
		}
		return 0, fmt.Errorf("%q is not an answer (%s): %w", s, want, ErrInvalid)
	}
	var v float64
	if err := json.Unmarshal(raw, &v); err != nil {
		return 0, fmt.Errorf("%s is not an answer (%s): %w", bytes.TrimSpace(raw), want, ErrInvalid)
	}
	if v != math.Trunc(v) || v < 1 || v > 5 {
		return 0, fmt.Errorf("%v is outside 1–5 (%s): %w", v, want, ErrInvalid)
	}
	return int(v), nil
}

// ValidateRespondents checks respondents built in code or read from the
// database: a known department and, for every answer, a known or retired
// question and a value 1–5, NA or DontKnow.
func ValidateRespondents(q *Questionnaire, respondents []Respondent) error {
	for i, rs := range respondents {
		where := fmt.Sprintf("respondent %d (%q)", i+1, rs.Name)
		if _, err := ParseDepartment(string(rs.Department)); err != nil {
			return fmt.Errorf("%s: %w", where, err)
		}
		for id, a := range rs.Answers {
			if _, ok := q.Question(id); !ok && !q.IsRetired(id) {
				return fmt.Errorf("%s: unknown question id %q: %w", where, id, ErrInvalid)
			}
			if !ValidAnswer(a.Value) {
				return fmt.Errorf("%s: question %q: value %d outside 1–5: %w", where, id, a.Value, ErrInvalid)
			}
		}
	}
	return nil
}

// ValidateContext checks the context answers: a known symptom and objective
// (or empty), and coverage only for checklist KPIs with a known cadence.
func ValidateContext(q *Questionnaire, c Context) error {
	if sq, ok := q.ContextQuestion(ContextSymptom); ok && c.Symptom != "" && !sq.HasOption(c.Symptom) {
		return fmt.Errorf("symptom: unknown value %q (use one of %v): %w", c.Symptom, allSymptoms, ErrInvalid)
	}
	if oq, ok := q.ContextQuestion(ContextObjective); ok && c.Objective != "" && !oq.HasOption(string(c.Objective)) {
		return fmt.Errorf("objective: unknown value %q (use one of %v): %w", c.Objective, allObjectives, ErrInvalid)
	}
	kpis := make([]string, 0, len(c.Coverage))
	for k := range c.Coverage {
		kpis = append(kpis, k)
	}
	sort.Strings(kpis)
	for _, k := range kpis {
		if !q.Checklist.Has(k) {
			return fmt.Errorf("coverage: %q is not a KPI of the checklist: %w", k, ErrInvalid)
		}
		switch cad := c.Coverage[k].Cadence; cad {
		case "", CadenceWeekly, CadenceMonthly, CadenceQuarterly:
		default:
			return fmt.Errorf("coverage.%s.cadence: unknown value %q (use weekly, monthly or quarterly): %w", k, cad, ErrInvalid)
		}
	}
	return nil
}

// suggest names a question id close to a mistyped one, as " (did you mean
// "x"?)", or returns "".
func suggest(q *Questionnaire, id string) string {
	for _, qu := range q.Questions {
		if strings.EqualFold(qu.ID, id) || strings.Contains(qu.ID, id) && len(id) >= 4 {
			return fmt.Sprintf(" (did you mean %q?)", qu.ID)
		}
	}
	return ""
}

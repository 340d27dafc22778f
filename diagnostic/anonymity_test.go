package diagnostic

import (
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

func people(depts ...Department) []Respondent {
	var out []Respondent
	for i, d := range depts {
		out = append(out, Respondent{Name: string(rune('A'+i)) + "na", Department: d, Answers: map[string]Answer{"obj_written": {Value: 1 + i%5}}})
	}
	return out
}

// TestAnonymousRespondents: no names; departments under three people
// merged into "other"; an "other" under three people in no department
// view, while every answer still counts in the scores.
func TestAnonymousRespondents(t *testing.T) {
	q := shipped(t)
	cases := []struct {
		name  string
		in    []Department
		want  []Department
		views []Department
	}{
		{"merged", []Department{DeptSales, DeptSales, DeptSales, DeptMarketing, DeptMarketing, DeptFinance},
			[]Department{DeptSales, DeptSales, DeptSales, DeptOther, DeptOther, DeptOther}, []Department{DeptSales, DeptOther}},
		{"other too small", []Department{DeptSales, DeptFinance, DeptSales, DeptSales},
			[]Department{DeptSales, "", DeptSales, DeptSales}, []Department{DeptSales}},
		{"all large", []Department{DeptSales, DeptFinance, DeptSales, DeptFinance, DeptSales, DeptFinance},
			[]Department{DeptSales, DeptFinance, DeptSales, DeptFinance, DeptSales, DeptFinance}, []Department{DeptSales, DeptFinance}},
	}
	for _, c := range cases {
		in := people(c.in...)
		got := AnonymousRespondents(in)
		for i, r := range got {
			if r.Name != "#"+string(rune('1'+i)) || r.Department != c.want[i] || r.Answers["obj_written"] != in[i].Answers["obj_written"] {
				t.Errorf("%s: respondent %d → %+v, want department %q", c.name, i, r, c.want[i])
			}
		}
		if in[0].Name != "Ana" || in[0].Department != c.in[0] {
			t.Errorf("%s: the input changed: %+v", c.name, in[0])
		}
		plain, anon := Score(q, in, nil), Score(q, got, nil)
		if *plain.Questions[0].Value != *anon.Questions[0].Value || plain.Questions[0].Answers != anon.Questions[0].Answers {
			t.Errorf("%s: anonymity changed the question's value: %v vs %v", c.name, *plain.Questions[0].Value, *anon.Questions[0].Value)
		}
		if len(anon.Departments) != len(c.views) {
			t.Errorf("%s: department views %v, want %v", c.name, anon.Departments, c.views)
		}
		for i, d := range c.views {
			if i < len(anon.Departments) && anon.Departments[i] != d {
				t.Errorf("%s: department views %v, want %v", c.name, anon.Departments, c.views)
			}
		}
	}
	if q.DepartmentName(DeptOther, locale.ES) != "Otros departamentos" || q.DepartmentName(DeptOther, locale.EN) != "Other departments" {
		t.Error("the name of the merged department")
	}
}

// TestDepartmentRespondents counts, per department, the people who gave
// at least one answer, and the spread per question comes with it.
func TestDepartmentRespondents(t *testing.T) {
	q := shipped(t)
	rs := people(DeptSales, DeptSales, DeptFinance, DeptMarketing)
	rs[3].Answers = map[string]Answer{} // answered nothing
	r := Score(q, rs, nil)
	if len(r.DepartmentRespondents) != 2 || r.DepartmentRespondents[DeptSales] != 2 || r.DepartmentRespondents[DeptFinance] != 1 {
		t.Errorf("department respondents %v", r.DepartmentRespondents)
	}
	// sales answered 1 and 2 (mean 1.5), finance 3: spread 1.5
	if r.Questions[0].ID != "obj_written" || r.Questions[0].Spread != 1.5 {
		t.Errorf("spread of %s: %v", r.Questions[0].ID, r.Questions[0].Spread)
	}
	anon := Score(q, AnonymousRespondents(people(DeptSales, DeptSales, DeptSales, DeptFinance)), nil)
	if len(anon.DepartmentRespondents) != 1 || anon.DepartmentRespondents[DeptSales] != 3 {
		t.Errorf("anonymous department respondents %v", anon.DepartmentRespondents)
	}
}

package diagnostic

import (
	"fmt"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// DeptOther is the department of an anonymous assessment's views that
// merges the departments too small to show on their own. It is never a
// respondent's stored department.
const DeptOther Department = "other"

// MinDepartmentGroup is the fewest respondents a department of an
// anonymous assessment needs to be shown on its own.
const MinDepartmentGroup = 3

// otherName is DeptOther's display name (the content names the real
// departments only).
func otherName(l locale.Lang) string { return l.Pick("Otros departamentos", "Other departments") }

// AnonymousRespondents returns a copy of an anonymous assessment's
// respondents for results, exports and the report, so that no one can be
// identified: names become "#1", "#2"… in order; a department with fewer
// than MinDepartmentGroup respondents is merged into DeptOther; and when
// DeptOther would itself hold fewer than MinDepartmentGroup, those
// respondents keep no department: their answers count in every score but in
// no department view. The answers are shared with rs, not copied.
func AnonymousRespondents(rs []Respondent) []Respondent {
	count := map[Department]int{}
	for _, r := range rs {
		count[r.Department]++
	}
	other := 0
	for _, n := range count {
		if n < MinDepartmentGroup {
			other += n
		}
	}
	out := make([]Respondent, len(rs))
	for i, r := range rs {
		d := r.Department
		if count[d] < MinDepartmentGroup {
			d = DeptOther
			if other < MinDepartmentGroup {
				d = ""
			}
		}
		out[i] = Respondent{Name: fmt.Sprintf("#%d", i+1), Department: d, Answers: r.Answers}
	}
	return out
}

package diagnostic

import "fmt"

// Department is the team a respondent speaks for.
type Department string

// The departments a respondent can belong to.
const (
	DeptLeadership      Department = "leadership"
	DeptSales           Department = "sales"
	DeptMarketing       Department = "marketing"
	DeptCustomerSuccess Department = "customer_success"
	DeptFinance         Department = "finance"
	DeptOperations      Department = "operations"
)

// allDepartments lists every department in display order.
var allDepartments = []Department{DeptLeadership, DeptSales, DeptMarketing, DeptCustomerSuccess, DeptFinance, DeptOperations}

// Departments returns a copy of the list above: callers may change it without
// changing it for everyone else.
func Departments() []Department { return append([]Department(nil), allDepartments...) }

// ParseDepartment validates a department id.
func ParseDepartment(s string) (Department, error) {
	d := Department(s)
	if !contains(allDepartments, d) {
		return "", fmt.Errorf("unknown department %q (use one of %v): %w", s, allDepartments, ErrInvalid)
	}
	return d, nil
}

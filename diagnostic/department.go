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

// Departments lists every department in display order.
var Departments = []Department{DeptLeadership, DeptSales, DeptMarketing, DeptCustomerSuccess, DeptFinance, DeptOperations}

// ParseDepartment validates a department id.
func ParseDepartment(s string) (Department, error) {
	d := Department(s)
	if !contains(Departments, d) {
		return "", fmt.Errorf("unknown department %q (use one of %v): %w", s, Departments, ErrInvalid)
	}
	return d, nil
}

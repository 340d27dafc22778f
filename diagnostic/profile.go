package diagnostic

import (
	"fmt"
	"strings"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// Industry is the company's sector, as chosen in the profile.
type Industry string

// The industries of the profile form.
const (
	IndustrySaaS          Industry = "saas"
	IndustryServices      Industry = "services"
	IndustryEcommerce     Industry = "ecommerce_retail"
	IndustryManufacturing Industry = "manufacturing_distribution"
	IndustryOther         Industry = "other"
)

// allIndustries lists every industry in display order.
var allIndustries = []Industry{IndustrySaaS, IndustryServices, IndustryEcommerce, IndustryManufacturing, IndustryOther}

// Industries returns a copy of the list above: callers may change it without
// changing it for everyone else.
func Industries() []Industry { return append([]Industry(nil), allIndustries...) }

// BusinessModel is how the company earns its revenue.
type BusinessModel string

// The business models of the profile form.
const (
	ModelSubscription  BusinessModel = "subscription"
	ModelTransactional BusinessModel = "transactional"
	ModelProject       BusinessModel = "project"
)

// allBusinessModels lists every business model in display order.
var allBusinessModels = []BusinessModel{ModelSubscription, ModelTransactional, ModelProject}

// BusinessModels returns a copy of the list above: callers may change it without
// changing it for everyone else.
func BusinessModels() []BusinessModel { return append([]BusinessModel(nil), allBusinessModels...) }

// Segment is the company's size segment, used to pick benchmarks.
type Segment string

// The segments of the profile form.
const (
	SegmentSMB        Segment = "smb"
	SegmentMidMarket  Segment = "mid_market"
	SegmentEnterprise Segment = "enterprise"
)

// allSegments lists every segment in display order.
var allSegments = []Segment{SegmentSMB, SegmentMidMarket, SegmentEnterprise}

// Segments returns a copy of the list above: callers may change it without
// changing it for everyone else.
func Segments() []Segment { return append([]Segment(nil), allSegments...) }

// allEmployeeBands are the head-count bands of the profile form.
var allEmployeeBands = []string{"1-10", "11-50", "51-200", "201-1000", "1000+"}

// EmployeeBands returns a copy of the list above: callers may change it without
// changing it for everyone else.
func EmployeeBands() []string { return append([]string(nil), allEmployeeBands...) }

// Profile describes the company being assessed.
type Profile struct {
	Name          string        `json:"name"`
	Industry      Industry      `json:"industry"`
	BusinessModel BusinessModel `json:"business_model"`
	Segment       Segment       `json:"segment"`
	EmployeeBand  string        `json:"employees_band"`
	Currency      string        `json:"currency"` // ISO 4217, e.g. "EUR"
	Language      locale.Lang   `json:"language"`
}

// Validate checks every field and returns an error wrapping ErrInvalid that
// names the first bad field. Empty optional fields (industry, business model,
// segment, employees band) are allowed.
func (p Profile) Validate() error {
	bad := func(field, format string, a ...any) error {
		return fmt.Errorf("%s: %s: %w", field, fmt.Sprintf(format, a...), ErrInvalid)
	}
	if strings.TrimSpace(p.Name) == "" {
		return bad("name", "must not be empty")
	}
	if err := CheckName(p.Name, MaxNameLength); err != nil {
		return fmt.Errorf("name: %w", err)
	}
	if p.Industry != "" && !contains(allIndustries, p.Industry) {
		return bad("industry", "unknown value %q", p.Industry)
	}
	if p.BusinessModel != "" && !contains(allBusinessModels, p.BusinessModel) {
		return bad("business_model", "unknown value %q", p.BusinessModel)
	}
	if p.Segment != "" && !contains(allSegments, p.Segment) {
		return bad("segment", "unknown value %q", p.Segment)
	}
	if p.EmployeeBand != "" && !contains(allEmployeeBands, p.EmployeeBand) {
		return bad("employees_band", "unknown value %q", p.EmployeeBand)
	}
	if len(p.Currency) != 3 || strings.ToUpper(p.Currency) != p.Currency {
		return bad("currency", "%q is not a three-letter ISO code such as EUR", p.Currency)
	}
	if !p.Language.Valid() {
		return bad("language", "%q is not es or en", p.Language)
	}
	return nil
}

func contains[T comparable](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

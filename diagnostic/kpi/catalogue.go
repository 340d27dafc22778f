package kpi

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"sync"

	"github.com/revopsdx/revopsdx/assets"
	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// Family groups KPIs by the team that usually owns them.
type Family string

// The KPI families of the method.
const (
	FamilyFinancial       Family = "financial"
	FamilySales           Family = "sales"
	FamilyMarketing       Family = "marketing"
	FamilyCustomerSuccess Family = "customer_success"
	FamilyCustom          Family = "custom"
)

// Aggregation says how monthly values combine into a quarter or a year.
type Aggregation string

// The aggregation rules: sum for flows (revenue, spend), last for stocks
// (customers, MRR), first for opening stocks (customers at start), mean for
// scores and rates given directly.
const (
	AggSum   Aggregation = "sum"
	AggLast  Aggregation = "last"
	AggFirst Aggregation = "first"
	AggMean  Aggregation = "mean"
)

// Def is one KPI of the catalogue.
type Def struct {
	ID           string                 `json:"id"`
	Family       Family                 `json:"family"`
	NameES       string                 `json:"name_es"`
	NameEN       string                 `json:"name_en"`
	DefinitionES string                 `json:"definition_es,omitempty"`
	DefinitionEN string                 `json:"definition_en,omitempty"`
	Formula      string                 `json:"formula,omitempty"`    // in English
	FormulaES    string                 `json:"formula_es,omitempty"` // in Spanish
	Unit         diagnostic.Unit        `json:"unit"`
	Direction    diagnostic.Direction   `json:"direction"`
	Cadence      diagnostic.Cadence     `json:"cadence"`
	Objectives   []diagnostic.Objective `json:"objectives,omitempty"`
	Aggregation  Aggregation            `json:"aggregation"`
	Custom       bool                   `json:"custom,omitempty"`
}

// Name is the KPI's name in lang.
func (d Def) Name(lang locale.Lang) string { return lang.Pick(d.NameES, d.NameEN) }

// FormulaIn is the KPI's formula written for people in lang.
func (d Def) FormulaIn(lang locale.Lang) string { return lang.Pick(d.FormulaES, d.Formula) }

// Definition is the KPI's definition in lang.
func (d Def) Definition(lang locale.Lang) string { return lang.Pick(d.DefinitionES, d.DefinitionEN) }

// Input is one monthly input of the KPI table (revenue, leads, quota…).
type Input struct {
	ID          string          `json:"id"`
	NameES      string          `json:"name_es"`
	NameEN      string          `json:"name_en"`
	Unit        diagnostic.Unit `json:"unit"`
	Aggregation Aggregation     `json:"aggregation"`
}

// Catalogue is the validated KPI catalogue: KPIs in display order, monthly
// inputs and the objectives → KPI suggestion table. A Catalogue is read-only;
// WithCustom returns an extended copy.
type Catalogue struct {
	KPIs        []Def                             `json:"kpis"`
	Inputs      []Input                           `json:"inputs"`
	Suggestions map[diagnostic.Objective][]string `json:"suggestions"`
	// ObjectiveNames names each objective in Spanish and English.
	ObjectiveNames map[diagnostic.Objective]struct {
		ES string `json:"es"`
		EN string `json:"en"`
	} `json:"objective_names"`
	// MissingNames names, in Spanish and English, what a KPI can lack
	// besides the monthly inputs and the KPIs: kinds of records ("deals")
	// and quantities computed from them ("won deals"); see MissingLabel.
	MissingNames map[string]struct {
		ES string `json:"es"`
		EN string `json:"en"`
	} `json:"missing_names"`
	byID      map[string]int
	inputByID map[string]int
}

var (
	loadOnce sync.Once
	loaded   *Catalogue
	loadErr  error
)

// LoadCatalogue returns the embedded catalogue, validated once and then
// parsed afresh for each caller (about half a millisecond), so that no
// caller can change it for the others. An error means the content file is
// broken (a build defect).
func LoadCatalogue() (*Catalogue, error) {
	if _, err := sharedCatalogue(); err != nil {
		return nil, err
	}
	b, err := assets.Content("kpis.json")
	if err != nil {
		return nil, err
	}
	return ParseCatalogue(b)
}

// sharedCatalogue is the cached catalogue the package reads: never change
// it.
func sharedCatalogue() (*Catalogue, error) {
	loadOnce.Do(func() {
		b, err := assets.Content("kpis.json")
		if err != nil {
			loadErr = err
			return
		}
		loaded, loadErr = ParseCatalogue(b)
		if loadErr != nil {
			loadErr = fmt.Errorf("assets/content/kpis.json: %w", loadErr)
		}
	})
	return loaded, loadErr
}

// ParseCatalogue parses and validates catalogue JSON.
func ParseCatalogue(b []byte) (*Catalogue, error) {
	var c Catalogue
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("parsing KPI catalogue: %v: %w", err, diagnostic.ErrInvalid)
	}
	if err := c.index(); err != nil {
		return nil, err
	}
	return &c, nil
}

var idPattern = regexp.MustCompile(`^[a-z][a-z0-9_]{1,49}$`)

var units = []diagnostic.Unit{diagnostic.UnitMoney, diagnostic.UnitPercent, diagnostic.UnitRatio, diagnostic.UnitDays, diagnostic.UnitMonths, diagnostic.UnitCount, diagnostic.UnitScore}

var cadences = []diagnostic.Cadence{diagnostic.CadenceWeekly, diagnostic.CadenceMonthly, diagnostic.CadenceQuarterly}

func (c *Catalogue) index() error {
	bad := func(where, format string, a ...any) error {
		return fmt.Errorf("%s: %s: %w", where, fmt.Sprintf(format, a...), diagnostic.ErrInvalid)
	}
	c.byID = map[string]int{}
	c.inputByID = map[string]int{}
	for i, in := range c.Inputs {
		where := fmt.Sprintf("input %d (%s)", i, in.ID)
		if !idPattern.MatchString(in.ID) {
			return bad(where, "id is not snake_case")
		}
		if _, dup := c.inputByID[in.ID]; dup {
			return bad(where, "duplicate id")
		}
		if in.NameES == "" || in.NameEN == "" || !slices.Contains(units, in.Unit) {
			return bad(where, "needs name_es, name_en and a known unit")
		}
		if !slices.Contains([]Aggregation{AggSum, AggLast, AggFirst, AggMean}, in.Aggregation) {
			return bad(where, "unknown aggregation %q", in.Aggregation)
		}
		c.inputByID[in.ID] = i
	}
	for i, d := range c.KPIs {
		where := fmt.Sprintf("kpi %d (%s)", i, d.ID)
		if err := validateDef(d); err != nil {
			return bad(where, "%v", err)
		}
		if _, dup := c.byID[d.ID]; dup {
			return bad(where, "duplicate id")
		}
		if !d.Custom && (d.DefinitionES == "" || d.DefinitionEN == "" || d.Formula == "" || d.FormulaES == "" || len(d.Objectives) == 0) {
			return bad(where, "needs definitions and formulas in both languages, and objectives")
		}
		for _, o := range d.Objectives {
			if !slices.Contains(diagnostic.Objectives(), o) {
				return bad(where, "unknown objective %q", o)
			}
		}
		c.byID[d.ID] = i
	}
	for o, ids := range c.Suggestions {
		if !slices.Contains(diagnostic.Objectives(), o) {
			return bad("suggestions", "unknown objective %q", o)
		}
		for _, id := range ids {
			if _, ok := c.byID[id]; !ok {
				return bad("suggestions", "objective %s suggests unknown KPI %q", o, id)
			}
		}
	}
	for _, o := range diagnostic.Objectives() {
		if len(c.Suggestions[o]) == 0 {
			return bad("suggestions", "objective %s suggests no KPI", o)
		}
		if n := c.ObjectiveNames[o]; n.ES == "" || n.EN == "" {
			return bad("objective_names", "objective %s needs a Spanish and an English name", o)
		}
	}
	for k, n := range c.MissingNames {
		if n.ES == "" || n.EN == "" {
			return bad("missing_names", "%q needs a Spanish and an English name", k)
		}
	}
	return nil
}

func validateDef(d Def) error {
	switch {
	case !idPattern.MatchString(d.ID):
		return fmt.Errorf("id %q is not snake_case (a-z, 0-9, _; 2–50 characters)", d.ID)
	case d.NameES == "" || d.NameEN == "":
		return fmt.Errorf("needs a Spanish and an English name")
	case !slices.Contains(units, d.Unit):
		return fmt.Errorf("unknown unit %q", d.Unit)
	case d.Direction != diagnostic.HigherIsBetter && d.Direction != diagnostic.LowerIsBetter:
		return fmt.Errorf("unknown direction %q", d.Direction)
	case !slices.Contains(cadences, d.Cadence):
		return fmt.Errorf("unknown cadence %q", d.Cadence)
	case !slices.Contains([]Aggregation{AggSum, AggLast, AggMean}, d.Aggregation):
		return fmt.Errorf("unknown aggregation %q", d.Aggregation)
	}
	return nil
}

// Def returns the KPI with the given id.
func (c *Catalogue) Def(id string) (Def, bool) {
	i, ok := c.byID[id]
	if !ok {
		return Def{}, false
	}
	return c.KPIs[i], true
}

// Input returns the monthly input with the given id.
func (c *Catalogue) Input(id string) (Input, bool) {
	i, ok := c.inputByID[id]
	if !ok {
		return Input{}, false
	}
	return c.Inputs[i], true
}

// WithCustom returns a copy of c extended with an organisation's custom KPIs.
// A custom KPI is entered as monthly values under its own id; flows are not
// guessed: money and count KPIs are summed across months, the rest averaged.
// It fails with ErrInvalid on a bad definition or an id already in use.
func (c *Catalogue) WithCustom(custom []diagnostic.CustomKPI) (*Catalogue, error) {
	out := &Catalogue{
		KPIs:           slices.Clone(c.KPIs),
		Inputs:         c.Inputs,
		Suggestions:    c.Suggestions,
		ObjectiveNames: c.ObjectiveNames,
		MissingNames:   c.MissingNames,
	}
	for _, k := range custom {
		agg := AggMean
		if k.Unit == diagnostic.UnitMoney || k.Unit == diagnostic.UnitCount {
			agg = AggSum
		}
		d := Def{ID: k.ID, Family: FamilyCustom, NameES: k.NameES, NameEN: k.NameEN, Unit: k.Unit,
			Direction: k.Direction, Cadence: k.Cadence, Aggregation: agg, Custom: true}
		if err := validateDef(d); err != nil {
			return nil, fmt.Errorf("custom KPI %q: %v: %w", k.ID, err, diagnostic.ErrInvalid)
		}
		if _, clash := c.inputByID[k.ID]; clash {
			return nil, fmt.Errorf("custom KPI %q: the id is a monthly input: %w", k.ID, diagnostic.ErrConflict)
		}
		if slices.ContainsFunc(out.KPIs, func(e Def) bool { return e.ID == k.ID }) {
			return nil, fmt.Errorf("custom KPI %q: the id is already in the catalogue: %w", k.ID, diagnostic.ErrConflict)
		}
		out.KPIs = append(out.KPIs, d)
	}
	if err := out.index(); err != nil {
		return nil, fmt.Errorf("custom KPIs: %w", err)
	}
	return out, nil
}

// ObjectiveName is objective o's name in lang (its id when unknown).
func (c *Catalogue) ObjectiveName(o diagnostic.Objective, lang locale.Lang) string {
	n, ok := c.ObjectiveNames[o]
	if !ok {
		return string(o)
	}
	return lang.Pick(n.ES, n.EN)
}

// Suggest returns the KPIs suggested for the chosen objectives, without
// duplicates, in the order of the objectives and then of the suggestion table.
func (c *Catalogue) Suggest(objectives []diagnostic.Objective) []string {
	var out []string
	for _, o := range objectives {
		for _, id := range c.Suggestions[o] {
			if !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
	}
	return out
}

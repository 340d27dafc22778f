package analysis

import (
	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/recommend"
)

// PillarName is a pillar's display name in the analysis language.
func (a *Analysis) PillarName(id string) string {
	if p, ok := a.Questionnaire.Pillar(id); ok {
		return p.Name.In(a.Lang)
	}
	return id
}

// QuestionText is a question's text in the analysis language (the KPI
// checklist's text for diagnostic.CoverageItem).
func (a *Analysis) QuestionText(id string) string {
	if id == diagnostic.CoverageItem {
		return a.Questionnaire.Checklist.Text.In(a.Lang)
	}
	if q, ok := a.Questionnaire.Question(id); ok {
		return q.Text.In(a.Lang)
	}
	return id
}

// TopicName is a recommendation topic's display name.
func (a *Analysis) TopicName(id string) string {
	if n, ok := a.Rules.Topics[id]; ok {
		return a.Lang.Pick(n.ES, n.EN)
	}
	return id
}

// SymptomName is a symptom's display name (the context question's option).
func (a *Analysis) SymptomName(id string) string {
	if cq, ok := a.Questionnaire.ContextQuestion(diagnostic.ContextSymptom); ok {
		for _, o := range cq.Options {
			if o.ID == id {
				return o.Label.In(a.Lang)
			}
		}
	}
	return id
}

// KPIName is a KPI's display name (custom KPIs included).
func (a *Analysis) KPIName(id string) string {
	if d, ok := a.Catalogue.Def(id); ok {
		return d.Name(a.Lang)
	}
	return id
}

// FactName is the display name of a fact a rule looks at (rules.json
// notes "fact_<id>").
func (a *Analysis) FactName(id string) string { return a.Rules.Note("fact_"+id, a.Lang) }

// OwnerName is the display name of a recommendation's owner: a client
// department, "to assign", or the person named as is.
func (a *Analysis) OwnerName(owner string) string {
	if owner == recommend.OwnerToAssign {
		return a.Rules.Note("owner_to_assign", a.Lang)
	}
	if d, err := diagnostic.ParseDepartment(owner); err == nil {
		return a.Questionnaire.DepartmentName(d, a.Lang)
	}
	return owner
}

package analysis

import (
	"fmt"
	"math"
	"strings"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
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

// FormatValue writes a KPI value in its unit for people: 21,5 % / 21.5%,
// 1.234 € / €1,234, 45 días / 45 days, 7,5 meses / 7.5 months, 2,4× / 2.4×.
// Money without a currency is a plain number.
func FormatValue(l locale.Lang, u diagnostic.Unit, v float64, currency string) string {
	switch u {
	case diagnostic.UnitPercent:
		// At most two decimals below 10 %, one from 10 % up, and no
		// trailing zeros: 2,15 %, 14,3 %, 25 %.
		d := 1
		if math.Abs(v) < 0.1 {
			d = 2
		}
		x := math.Round(v*100*math.Pow(10, float64(d))) / math.Pow(10, float64(d))
		for d > 0 && math.Abs(x*math.Pow(10, float64(d-1))-math.Round(x*math.Pow(10, float64(d-1)))) < 1e-9 {
			d--
		}
		return l.Percent(x/100, d)
	case diagnostic.UnitMoney:
		dec := 0
		if math.Abs(v) < 1000 {
			dec = 2
		}
		if currency == "" {
			return l.Number(v, dec)
		}
		return l.Money(v, currency, dec)
	case diagnostic.UnitDays:
		return withUnit(l, func(c *EvidenceContent) diagnostic.Text { return c.Days }, l.Number(v, 0))
	case diagnostic.UnitMonths:
		return withUnit(l, func(c *EvidenceContent) diagnostic.Text { return c.Months }, l.Auto(v, 1))
	case diagnostic.UnitRatio:
		return l.Auto(v, 1) + "×"
	case diagnostic.UnitCount:
		return l.Number(v, 0)
	}
	return l.Auto(v, 1)
}

// PeriodLabel writes a period for people: "mar 2024", "T1 2024", "2024".
func PeriodLabel(l locale.Lang, p kpi.Period) string {
	switch p.Grain {
	case kpi.Quarter:
		return l.Quarter(p.First.Year, p.First.Quarter())
	case kpi.Year:
		return fmt.Sprint(p.First.Year)
	}
	return l.MonthYear(p.First.Year, p.First.Month)
}

// withUnit writes a number with its unit word from the content file
// ("{n} días"); the bare number if the content cannot be read.
func withUnit(l locale.Lang, pick func(*EvidenceContent) diagnostic.Text, n string) string {
	c, err := LoadEvidence()
	if err != nil {
		return n
	}
	return strings.Replace(pick(c).In(l), "{n}", n, 1)
}

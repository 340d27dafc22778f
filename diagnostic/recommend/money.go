package recommend

import (
	"math"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// PaybackGoal is the CAC payback, in months, the money estimate of a long
// payback aims at; CoverageGoal the pipeline coverage (× quota) a sales
// team needs; WinRateStep the win-rate points a coached team can gain in a
// year. docs/METHOD.md says why.
const (
	PaybackGoal  = 18.0
	CoverageGoal = 3.0
	WinRateStep  = 0.05
)

// money is one estimate: the yearly amount at stake and the values that
// fill its assumption note.
type money struct {
	amount float64
	vars   map[string]string
}

// moneyFormula estimates the yearly money at stake of a finding from its
// first fact (the KPI value and its reference) and the organisation's
// facts; ok is false when a figure it needs is unknown or the gap is nil.
type moneyFormula func(e *evaluator, v, ref float64) (money, bool)

// moneyFormulas are the formulas a rule may name in its "money" field.
var moneyFormulas = map[string]moneyFormula{
	// NRR or GRR from its value to the reference, on today's ARR.
	"retention_gap": func(e *evaluator, v, ref float64) (money, bool) {
		arr := e.in.Facts.ARR
		return e.estimate((ref-v)*arr, map[string]string{"arr": e.money(arr), "value": e.lang.Percent(v, 1), "reference": e.lang.Percent(ref, 1)})
	},
	// Monthly logo churn from its value to the reference: the excess
	// monthly rate × 12 × today's ARR.
	"churn_gap": func(e *evaluator, v, ref float64) (money, bool) {
		arr := e.in.Facts.ARR
		return e.estimate((v-ref)*12*arr, map[string]string{"arr": e.money(arr), "value": e.lang.Percent(v, 1), "reference": e.lang.Percent(ref, 1)})
	},
	// Win rate up WinRateStep points (less when the reference is closer)
	// on the pipeline closed over the last 12 months.
	"win_rate_step": func(e *evaluator, v, ref float64) (money, bool) {
		step := WinRateStep
		if ref > v {
			step = math.Min(step, ref-v)
		}
		p := e.in.Facts.ClosedPipeline12
		return e.estimate(step*p, map[string]string{"pipeline": e.money(p), "points": e.lang.Auto(step*100, 1)})
	},
	// CAC payback down to PaybackGoal: the acquisition cost saved on as
	// many new customers as in the last 12 months.
	"cac_payback_goal": func(e *evaluator, v, _ float64) (money, bool) {
		cac, ok := e.value("cac")
		n := e.in.Facts.NewCustomers12
		if !ok || v <= PaybackGoal {
			return money{}, false
		}
		return e.estimate(cac*(1-PaybackGoal/v)*n, map[string]string{"cac": e.money(cac), "customers": e.lang.Number(n, 0),
			"value": e.lang.Number(v, 1), "reference": e.lang.Number(PaybackGoal, 0)})
	},
	// MQL→SQL up to the reference: the extra SQLs of the last 12 months'
	// MQLs × the bookings per SQL.
	"mql_to_sql_gap": func(e *evaluator, v, ref float64) (money, bool) {
		f := e.in.Facts
		if f.SQLs12 <= 0 {
			return money{}, false
		}
		perSQL := f.Bookings12 / f.SQLs12
		return e.estimate(f.MQLs12*(ref-v)*perSQL, map[string]string{"mqls": e.lang.Number(f.MQLs12, 0), "per_sql": e.money(perSQL),
			"value": e.lang.Percent(v, 1), "reference": e.lang.Percent(ref, 1)})
	},
	// Pipeline coverage up to CoverageGoal: the share of the yearly quota
	// the missing pipeline stands for, at most what was not booked.
	"coverage_goal": func(e *evaluator, v, _ float64) (money, bool) {
		f := e.in.Facts
		amount := math.Min(f.Quota12*(CoverageGoal-v)/CoverageGoal, f.Quota12-f.Bookings12)
		return e.estimate(amount, map[string]string{"quota": e.money(f.Quota12), "bookings": e.money(f.Bookings12),
			"value": e.lang.Number(v, 1), "reference": e.lang.Number(CoverageGoal, 0)})
	},
	// A margin up to the reference, on the last 12 months' revenue.
	"margin_gap": func(e *evaluator, v, ref float64) (money, bool) {
		rev := e.in.Facts.Revenue12
		return e.estimate((ref-v)*rev, map[string]string{"revenue": e.money(rev), "value": e.lang.Percent(v, 1), "reference": e.lang.Percent(ref, 1)})
	},
}

// Materiality is the smallest money at stake, as a share of the yearly
// revenue (or ARR), that counts as a money finding; a smaller estimate is
// dropped and the finding is ranked with those without money.
const Materiality = 0.02

// material says whether an amount is worth ranking by money.
func (e *evaluator) material(amount float64) bool {
	base := max(e.in.Facts.ARR, e.in.Facts.Revenue12)
	return base == 0 || amount >= Materiality*base
}

// moneyRule says whether the rule estimates money: only the client's
// symptom and the rule's own objectives raise it (most KPIs serve
// "grow revenue", which would raise every one).
func (r Rule) moneyRule() bool { return r.Money != "" }

// estimate keeps a positive, finite amount rounded to a plain figure.
func (e *evaluator) estimate(amount float64, vars map[string]string) (money, bool) {
	if !(amount > 0) || math.IsInf(amount, 0) {
		return money{}, false
	}
	amount = roundMoney(amount)
	vars["impact"] = e.money(amount)
	return money{amount, vars}, true
}

// roundMoney rounds to two significant figures: an estimate, not a quote.
func roundMoney(v float64) float64 {
	if v <= 0 {
		return 0
	}
	unit := math.Pow(10, math.Floor(math.Log10(v))-1)
	return math.Round(v/unit) * unit
}

func (e *evaluator) money(v float64) string {
	return diagnostic.FormatValue(e.lang, diagnostic.UnitMoney, v, e.in.Currency)
}

// value is the latest value of a KPI.
func (e *evaluator) value(id string) (float64, bool) {
	r, ok := e.latest[id]
	if !ok {
		return 0, false
	}
	return *r.Value, true
}

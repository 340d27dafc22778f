package pipeline

import (
	"strings"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// The forecast categories the CRMs export (HubSpot: Not forecasted,
// Pipeline, Best case, Commit, Closed won; Salesforce: Omitted, Pipeline,
// Best Case, Commit, Closed), as ForecastCategoryOf names them.
const (
	CatCommit   = "commit"
	CatBestCase = "best_case"
	CatPipeline = "pipeline"
	CatOmitted  = "omitted" // left out of the forecast on purpose
	CatClosed   = "closed"
	CatOther    = "other" // a category of the organisation's own
)

// forecastCategories are the categories in the order a forecast call reads
// them, most certain first.
var forecastCategories = []string{CatCommit, CatBestCase, CatPipeline, CatOther, CatOmitted, CatClosed}

// categoryWords maps the exported names, in English and Spanish, lower
// case, to a category.
var categoryWords = map[string]string{
	"commit": CatCommit, "committed": CatCommit, "comprometido": CatCommit, "compromiso": CatCommit,
	"best case": CatBestCase, "bestcase": CatBestCase, "best_case": CatBestCase, "mejor caso": CatBestCase, "mejor escenario": CatBestCase,
	"pipeline": CatPipeline, "en pipeline": CatPipeline,
	"omitted": CatOmitted, "omit": CatOmitted, "not forecasted": CatOmitted, "not_forecasted": CatOmitted, "omitido": CatOmitted, "no previsto": CatOmitted, "excluido": CatOmitted,
	"closed": CatClosed, "closed won": CatClosed, "closed_won": CatClosed, "cerrado": CatClosed, "cerrado ganado": CatClosed,
}

// ForecastCategoryOf is a deal's forecast category: one of the constants
// above, or "" when the export has none.
func ForecastCategoryOf(d diagnostic.Deal) string {
	raw := strings.ToLower(strings.Join(strings.Fields(d.ForecastCategory), " "))
	if raw == "" {
		return ""
	}
	if c, ok := categoryWords[raw]; ok {
		return c
	}
	return CatOther
}

// CategoryForecast is one category of a month's forecast: the open deals
// the start-of-month snapshot put in it with an expected close date in the
// month, and those of them won in the month.
type CategoryForecast struct {
	Category      string   `json:"category"`
	Forecast      Movement `json:"forecast"`
	WonAsForecast Movement `json:"won_as_forecast"`
	// Conversion is the share of the category's amount won in the month
	// (won as forecast ÷ forecast); nil without an amount.
	Conversion *float64 `json:"conversion"`
}

// byCategory splits a month's forecast deals by category, in
// forecastCategories order, leaving out categories with no deal.
func byCategory(forecast, won map[string]Movement) []CategoryForecast {
	var out []CategoryForecast
	for _, c := range forecastCategories {
		f, ok := forecast[c]
		if !ok {
			continue
		}
		cf := CategoryForecast{Category: c, Forecast: f, WonAsForecast: won[c]}
		if f.Amount > 0 {
			v := won[c].Amount / f.Amount
			cf.Conversion = &v
		}
		out = append(out, cf)
	}
	return out
}

// tally adds amount to category c's movement; a deal without a category
// ("") is not tallied.
func tally(by map[string]Movement, c string, amount float64) {
	if c == "" {
		return
	}
	m := by[c]
	m.add(amount)
	by[c] = m
}

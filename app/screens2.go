package app

// Screen indexes of the second half of the navigation (see makeScreens).
const (
	screenKPIs = screenResults + 1 + iota
	screenRecommendations
	screenReport
	screenSettings
)

// screens2 holds the screens built last, for tests and for handlers that
// outlive a view (an import running while the user looks elsewhere).
type screens2 struct {
	kpis         *kpiScreen
	recs         *recsScreen
	report       *reportScreen
	settingsPart *settingsMore
}

package pipeline

import "github.com/revopsdx/revopsdx/diagnostic/locale"

// Label names a movement for people, in l.
func (c Category) Label(l locale.Lang) string {
	switch c {
	case New:
		return l.Pick("Nuevas", "New")
	case Won:
		return l.Pick("Ganadas", "Won")
	case Lost:
		return l.Pick("Perdidas", "Lost")
	case Pushed:
		return l.Pick("Cierre retrasado", "Pushed")
	case PulledIn:
		return l.Pick("Cierre adelantado", "Pulled in")
	case Increased:
		return l.Pick("Importe al alza", "Amount increased")
	case Decreased:
		return l.Pick("Importe a la baja", "Amount decreased")
	case Removed:
		return l.Pick("Fuera de la exportación", "Removed from the export")
	case Unchanged:
		return l.Pick("Sin cambios", "Unchanged")
	}
	return string(c)
}

// StartLabel and EndLabel name the open pipeline at each end.
func StartLabel(l locale.Lang) string {
	return l.Pick("Pipeline abierto al inicio", "Open pipeline at the start")
}

// EndLabel names the open pipeline at the end of the comparison.
func EndLabel(l locale.Lang) string {
	return l.Pick("Pipeline abierto al final", "Open pipeline at the end")
}

// ForecastCategoryLabel names a forecast category (ForecastCategoryOf) for
// people, in l.
func ForecastCategoryLabel(c string, l locale.Lang) string {
	switch c {
	case CatCommit:
		return l.Pick("Compromiso", "Commit")
	case CatBestCase:
		return l.Pick("Mejor caso", "Best case")
	case CatPipeline:
		return l.Pick("Pipeline", "Pipeline")
	case CatOmitted:
		return l.Pick("Omitida", "Omitted")
	case CatClosed:
		return l.Pick("Cerrada", "Closed")
	case CatOther:
		return l.Pick("Otra", "Other")
	}
	return c
}

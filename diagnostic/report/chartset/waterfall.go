package chartset

import (
	"github.com/revopsdx/revopsdx/charts"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/pipeline"
)

// Waterfall is a pipeline diff as a waterfall chart: the open pipeline at
// the start, what added to it (new deals, amounts increased), what took from it
// (amounts decreased, won, lost, removed) and the open pipeline at the end.
// Pushed, pulled-in and unchanged deals stay in the pipeline and are not
// steps.
func Waterfall(d pipeline.Diff, l locale.Lang) charts.WaterfallData {
	start, end := d.StartOpen.Amount, d.EndOpen.Amount
	steps := []flow{{pipeline.New, 1}, {pipeline.Increased, 1}, {pipeline.Decreased, -1}, {pipeline.Won, -1}, {pipeline.Lost, -1}, {pipeline.Removed, -1}}
	w := charts.WaterfallData{
		Title:      l.Pick("Movimiento del pipeline", "Pipeline movement") + " · " + l.Date(d.From) + " – " + l.Date(d.To),
		StartLabel: l.Date(d.From),
		EndLabel:   l.Date(d.To),
		Start:      &start,
		End:        &end,
		Note: l.Pick("Pipeline abierto. Ganadas y perdidas, al importe de cierre; un cambio de importe antes del cierre va en «al alza» o «a la baja».",
			"Open pipeline. Won and lost at their closing amount; an amount change before closing is under increased or decreased."),
	}
	for _, s := range steps {
		w.Steps = append(w.Steps, charts.WaterfallStep{Label: s.c.Label(l), Delta: float64(s.sign) * d.Moves[s.c].Amount, Good: s.c == pipeline.Won})
	}
	return w
}

// flow is a category and the direction it moves the open pipeline in.
type flow struct {
	c    pipeline.Category
	sign int
}

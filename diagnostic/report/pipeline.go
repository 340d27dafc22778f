package report

import (
	"github.com/johnfercher/maroto/v2/pkg/consts/align"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/pipeline"
)

// sectionPipeline is the pipeline-movement pages, printed after the KPI
// scorecard when the organisation has two deals snapshots or more. It is
// part of the KPI section (selected with it), not a section of its own.
const sectionPipeline = "pipeline"

// PipelineMovement is the report's view of the movement between the last
// two deals snapshots: the diff and its waterfall chart (PNG, optional).
type PipelineMovement struct {
	Diff  pipeline.Diff
	Chart []byte
}

// pipelineMovement prints the movement: the waterfall, the table of
// movements with counts and amounts, and the close-date slippage with
// its evidence.
func (d *doc) pipelineMovement() {
	pm := d.d.Pipeline
	if pm == nil {
		return
	}
	l, f, df := d.r.lang, d.f, pm.Diff
	d.newPage()
	d.add(textRow(stH1, l.Pick("Movimiento del pipeline", "Pipeline movement")))
	d.add(rule(colPrimary, 0.6))
	d.add(spacer(2))
	match := l.Pick("su ID de registro", "their record ID")
	if df.MatchKey == diagnostic.MatchNameCreated {
		match = l.Pick("nombre y fecha de creación (la exportación no tiene ID de registro)", "name and creation date (the export has no record ID)")
	}
	d.para(l.Pick("Exportaciones de negocios del ", "Deals exports of ") + l.Date(df.From) + l.Pick(" y del ", " and ") + l.Date(df.To) +
		l.Pick("; los negocios se emparejan por ", "; deals are matched by ") + match + ". " +
		l.Pick("Inicio + nuevas + al alza − a la baja − ganadas − perdidas − fuera de la exportación = final; ganadas y perdidas, al importe de cierre.",
			"Start + new + increased − decreased − won − lost − removed = end; won and lost at their closing amount."))
	d.add(spacer(2))
	d.figures(1, 1, figure{png: pm.Chart, caption: l.Pick("Pipeline abierto, del inicio al final", "Open pipeline, start to end")})
	money := func(v float64) string { return f.value(v, diagnostic.UnitMoney, df.Currency) }
	count := func(n int) string { return l.Number(float64(n), 0) }
	cols := []column{
		{l.Pick("Movimiento", "Movement"), 50, align.Left},
		{l.Pick("Negocios", "Deals"), 20, align.Right},
		{l.Pick("Importe", "Amount"), 30, align.Right},
	}
	right := func(s string) cell { return cell{stCell.aligned(align.Right).t(s)} }
	rows := [][]cell{{tbold(pipeline.StartLabel(l)), right(count(df.StartOpen.Count)), right(money(df.StartOpen.Amount))}}
	for _, c := range pipeline.Categories() {
		m := df.Moves[c]
		rows = append(rows, []cell{tcell(c.Label(l)), right(count(m.Count)), right(money(m.Amount))})
	}
	rows = append(rows, []cell{tbold(pipeline.EndLabel(l)), right(count(df.EndOpen.Count)), right(money(df.EndOpen.Amount))})
	d.table(cols, bodyRows(rows))
	s := df.Slippage
	d.sub(l.Pick("Fechas de cierre", "Close dates"), 20)
	if s.SharePushed != nil {
		line := l.Pick("Cierre retrasado: ", "Pushed: ") + count(s.Pushed) + l.Pick(" de ", " of ") + count(s.Compared) +
			l.Pick(" negocios abiertos en ambas fechas (", " deals open at both dates (") + f.pct(*s.SharePushed) +
			l.Pick("; intervalo del 90 %: ", "; 90 % interval ") + f.pct(s.Interval[0]) + "–" + f.pct(s.Interval[1]) + ")."
		if !s.Enough {
			line += l.Pick(" Datos insuficientes para un veredicto: hacen falta 30.", " Not enough data for a verdict: 30 are needed.")
		}
		if s.AvgDaysPush != nil {
			line += l.Pick(" Retraso medio: ", " Average push: ") + l.Number(*s.AvgDaysPush, 0) + l.Pick(" días.", " days.")
		}
		d.para(line)
	}
	d.para(l.Pick("Abiertos con la fecha de cierre ya pasada: ", "Open past their close date: ") + count(s.PastDue.Count) +
		" (" + money(s.PastDue.Amount) + ")" + l.Pick(" de ", " of ") + count(s.OpenWithDate) + l.Pick(" con fecha.", " with a date."))
}

package report

import (
	"strings"

	"github.com/johnfercher/maroto/v2/pkg/consts/align"
	"github.com/revopsdx/revopsdx/diagnostic"
)

// respondentsPerTable is how many respondents' answers fit side by side;
// more respondents continue in another table.
const respondentsPerTable = 6

// appendix draws the answers by respondent, the KPI definitions and
// formulas, the benchmark sources and the method.
func (d *doc) appendix() {
	d.section(SectionAppendix)
	a := d.d.Appendix
	if len(a.Respondents) > 0 && len(a.Answers) > 0 {
		d.answers()
	}
	t := d.t
	if len(a.KPIDefinitions) > 0 {
		d.sub(t.T("appendix.kpi_defs"), 20)
		cols := []column{{t.T("col.kpi"), 22, align.Left}, {t.T("col.definition"), 42, align.Left}, {t.T("col.formula"), 36, align.Left}}
		var rows [][]cell
		for _, k := range a.KPIDefinitions {
			def, formula := k.Definition, k.Formula
			if def == "" && k.Custom {
				def = t.T("appendix.custom_kpi")
			}
			if def == "" {
				def = t.T("none")
			}
			if formula == "" {
				formula = t.T("none")
			}
			rows = append(rows, []cell{tbold(k.Name), tcell(def), tcell(formula)})
		}
		d.table(cols, bodyRows(rows))
	}
	if len(a.Sources) > 0 {
		d.sub(t.T("appendix.sources"), 20)
		cols := []column{{t.T("col.source"), 52, align.Left}, {t.T("col.year"), 10, align.Center}, {t.T("col.scope"), 38, align.Left}}
		var rows [][]cell
		for _, s := range a.Sources {
			year := t.T("none")
			if s.Year > 0 {
				year = itoa(s.Year)
			}
			rows = append(rows, []cell{twoLines(stCellB, s.Name, s.URL), {stCell.aligned(align.Center).t(year)}, tcell(s.Scope)})
		}
		d.table(cols, bodyRows(rows))
	}
	if len(a.Quality) > 0 {
		d.sub(t.T("appendix.quality"), 20)
		d.add(textRow(stSmall, t.T("appendix.quality_note")))
		cols := []column{{t.T("col.problem"), 40, align.Left}, {t.T("col.records"), 22, align.Right}, {t.T("col.kpis_touched"), 38, align.Left}}
		var rows [][]cell
		for _, q := range a.Quality {
			n := itoa(q.Count) + " / " + itoa(q.Total) + " " + t.T("quality.record."+q.Record)
			rows = append(rows, []cell{tcell(t.T("quality.issue." + q.Code)), twoLines(stCell.aligned(align.Right), n, d.f.lang.Percent(q.Share, 1)),
				tcell(strings.Join(q.KPIs, ", "))})
		}
		d.table(cols, bodyRows(rows))
	}
	d.setAside()
	d.sub(t.T("appendix.method"), 30)
	for _, k := range []string{"method.scores", "method.gaps", "method.status", "method.priority"} {
		head := textRow(txt{size: 9.5, bold: true, color: colPrimary, top: 2, bot: 0.5}, t.T(k+".title"))
		body := textRow(stBody, t.T(k))
		d.keep(d.heightOf(head) + d.heightOf(body))
		d.add(head, body)
	}
}

// answers draws the answers table: one band per pillar, one row per
// question, one column per respondent (1–5, N/A or –).
func (d *doc) answers() {
	t := d.t
	a := d.d.Appendix
	d.sub(t.T("appendix.answers"), 30)
	d.add(textRow(stSmall, t.T("appendix.answers_note")))
	for start := 0; start < len(a.Respondents); start += respondentsPerTable {
		people := a.Respondents[start:min(start+respondentsPerTable, len(a.Respondents))]
		each := 8
		if len(people) <= 3 {
			each = 12
		}
		cols := []column{{t.T("col.question"), gridSize - each*len(people), align.Left}}
		// Narrow columns carry a short label (P1, P2…) explained above
		// the table; three or fewer respondents get their full names.
		var legend []string
		for i, p := range people {
			who := p.Name + " (" + d.f.team(string(p.Department)) + ")"
			if len(people) > 3 {
				short := t.T("appendix.respondent_short", "n", itoa(start+i+1))
				legend = append(legend, short+": "+who)
				who = short
			}
			cols = append(cols, column{who, each, align.Center})
		}
		if len(legend) > 0 {
			d.keep(30)
			d.add(textRow(stSmall, strings.Join(legend, " · ")))
		}
		var rows []tableRow
		pillar := ""
		for _, ans := range a.Answers {
			if ans.Pillar != pillar {
				pillar = ans.Pillar
				rows = append(rows, tableRow{band: pillar})
			}
			r := []cell{tcell(ans.Question)}
			for i := range people {
				r = append(r, answerCell(t, valueAt(ans.Values, start+i)))
			}
			rows = append(rows, tableRow{cells: r})
		}
		d.table(cols, rows)
	}
}

// valueAt returns the answer at i, Unanswered when the row is short.
func valueAt(v []int, i int) int {
	if i < len(v) {
		return v[i]
	}
	return Unanswered
}

// answerCell formats one answer: the value 1–5, N/A or "–".
func answerCell(t texts, v int) cell {
	s := stCell.aligned(align.Center)
	switch {
	case v == diagnostic.NA:
		return cell{s.with(colMuted).t(t.T("answer.na"))}
	case v < 1 || v > 5:
		return cell{s.with(colMuted).t(t.T("answer.none"))}
	}
	return cell{stCellB.aligned(align.Center).t(itoa(v))}
}

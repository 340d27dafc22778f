package report

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/revopsdx/revopsdx/diagnostic/recommend"
)

// RenderDOCX writes the report as an editable Word document (DOCX) with the
// same content as the PDF, in the same order: cover, executive summary
// (diagnosis, score, strengths and gaps, top actions, key KPIs), maturity,
// alignment, KPI scorecard, the 30/60/90-day plan and the appendix, each
// section with the consultant's comment; tables as Word tables, charts as
// images. Charts must be PNG or JPEG (Meta.ChartFormat = ChartPNG); SVG
// charts are left out. Options and errors are those of Render.
func RenderDOCX(ctx context.Context, w io.Writer, data Data, opts Options) error {
	r, err := opts.resolve(&data)
	if err != nil {
		return err
	}
	data.shortenNames()
	cat, err := content()
	if err != nil {
		return err
	}
	t := cat[r.lang]
	d := &doc{d: &data, r: r, t: t, f: formatter{lang: r.lang, t: t, currency: data.Currency}, shown: map[string]bool{}}
	if d.f.currency == "" {
		d.f.currency = "EUR"
	}
	x := &docxWriter{width: 178, paper: r.paper}
	if r.paper == Letter {
		x.width = 183.9
	}
	dw := &docxDoc{doc: d, x: x}
	dw.cover()
	steps := []struct {
		id   string
		draw func()
	}{
		{SectionSummary, dw.summary}, {SectionMaturity, dw.maturity}, {SectionAlignment, dw.alignment},
		{SectionKPIs, dw.kpis}, {SectionRecommendations, dw.plan}, {SectionAppendix, dw.appendix},
	}
	for _, s := range steps {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("writing the DOCX report of %q: %w", data.Organisation, err)
		}
		if d.willShow(s.id) {
			d.shown[s.id] = true
		}
	}
	for _, s := range steps {
		if d.shown[s.id] {
			s.draw()
		}
	}
	title := t.T("report.title") + " · " + data.Organisation
	return x.write(w, title, data.Consultant.Name, r.lang.Pick("es-ES", "en-US"), data.AssessmentDate)
}

// WriteDOCXFile writes the DOCX report to path atomically, readable by its
// owner only, as WriteFile does for the PDF.
func WriteDOCXFile(ctx context.Context, path string, data Data, opts Options) error {
	return writeAtomic(path, func(w io.Writer) error { return RenderDOCX(ctx, w, data, opts) })
}

// docxDoc writes the report's sections into a docxWriter, with the PDF's
// texts (doc.t), formatter (doc.f) and helpers.
type docxDoc struct {
	*doc
	x *docxWriter
}

func (w *docxDoc) cover() {
	d, t, f := w.d, w.t, w.f
	if len(d.Consultant.Logo) > 0 {
		if logo, err := NormaliseLogo(d.Consultant.Logo); err == nil {
			w.x.image(logo, 50, "logo")
		}
	}
	w.x.title(t.T("report.title"))
	w.x.para(dline{text: t.T("report.subtitle"), color: docxMuted})
	w.x.para(dline{text: t.T("cover.prepared_for"), color: docxMuted, small: true}, dline{text: d.Organisation, bold: true})
	dateLabel := t.T("cover.date")
	if d.NoAssessment {
		dateLabel = t.T("cover.report_date")
	}
	w.x.text(dateLabel + ": " + f.lang.LongDate(d.AssessmentDate))
	if !d.PreviousDate.IsZero() {
		w.x.text(t.T("cover.previous") + ": " + f.lang.LongDate(d.PreviousDate))
	}
	if by := strings.TrimSpace(strings.Join([]string{d.Consultant.Name, d.Consultant.Company}, " · ")); strings.Trim(by, " ·") != "" {
		w.x.text(t.T("cover.prepared_by") + ": " + strings.Trim(by, " ·"))
	}
	w.x.text(t.T("cover.language") + ": " + f.lang.Name())
	w.x.small(t.T("cover.note"))
}

// section starts a section on a new page: its title and the consultant's
// comment.
func (w *docxDoc) section(id string) {
	w.x.pageBreak()
	w.x.heading(1, w.t.T("section."+id))
	if c := strings.TrimSpace(w.d.Comments[id]); c != "" {
		w.x.para(dline{text: w.t.T("comment.title"), bold: true, color: docxPrimary}, dline{text: c})
	}
}

func (w *docxDoc) summary() {
	w.section(SectionSummary)
	t, f, d := w.t, w.f, w.d
	if s := d.Synthesis; s != nil {
		if s.Preliminary {
			msg := t.T("synthesis.preliminary")
			if len(s.Missing) > 0 {
				msg += " " + t.T("synthesis.missing", "list", strings.Join(s.Missing, "; "))
			}
			w.x.para(dline{text: msg, bold: true, color: "B35900"})
		}
		w.x.heading(2, t.T("synthesis.title"))
		for _, line := range []string{s.Situation, s.Constraint, s.Symptom, s.Level, s.Change} {
			w.x.text(line)
		}
		var parts []string
		for _, p := range s.Profile {
			parts = append(parts, p.Label+": "+p.Value)
		}
		w.x.small(strings.Join(parts, " · "))
	}
	o := d.Overall
	if o.Score != nil {
		w.x.para(dline{text: t.T("summary.overall") + ": " + f.score(o.Score) + " " + t.T("summary.of100"), bold: true, color: docxPrimary},
			dline{text: f.level(o.Level)}, dline{text: t.T("summary.basis", "pct", f.pct(o.Basis)), small: true, color: docxMuted})
	} else {
		w.x.text(t.T("summary.no_score"))
	}
	for _, l := range []struct {
		title string
		items []Finding
	}{{t.T("summary.strengths"), d.Strengths}, {t.T("summary.gaps"), d.Gaps}} {
		if len(l.items) == 0 {
			continue
		}
		w.x.heading(2, l.title)
		for _, it := range l.items[:min(len(l.items), summaryFindings)] {
			lines := []dline{{text: it.Pillar + " · " + f.score(it.Score), bold: true}}
			if len(it.Questions) > 0 {
				lines = append(lines, dline{text: it.Questions[0], small: true, color: docxMuted})
			}
			w.x.para(lines...)
		}
	}
	if n := len(d.Recommendations); n > 0 {
		w.x.heading(2, t.T("summary.top_recs"))
		var rows []dcellRow
		for i, r := range d.Recommendations[:min(n, summaryRecs)] {
			rows = append(rows, dcellRow{cells: []dcell{{{text: itoa(i + 1)}}, {{text: r.Title}}, {{text: w.owner(r)}}, {{text: w.horizonLabel(r.Horizon)}}}})
		}
		w.x.table([]string{t.T("col.rank"), t.T("col.action"), t.T("col.owner"), t.T("col.horizon")}, []float64{6, 58, 17, 19}, rows)
	}
	if keys := w.keyKPIs(); len(keys) > 0 {
		w.x.heading(2, t.T("summary.key_kpis"))
		var rows []dcellRow
		for _, k := range keys {
			rows = append(rows, dcellRow{cells: []dcell{{{text: k.Name, bold: true}}, {{text: f.optValue(k.Latest, k.Unit, k.Currency)}},
				{{text: f.optValue(k.Target, k.Unit, k.Currency)}}, {{text: f.status(k.Status), bold: true}}, {{text: f.trend(k.Trend)}}}})
		}
		w.x.table([]string{t.T("col.kpi"), t.T("col.latest"), t.T("col.target"), t.T("col.status"), t.T("col.trend")}, []float64{32, 18, 16, 16, 18}, rows)
	}
}

func (w *docxDoc) maturity() {
	w.section(SectionMaturity)
	t, f, d := w.t, w.f, w.d
	w.x.text(t.T("maturity.intro"))
	w.x.image(d.Charts.Radar, w.x.width*0.57, "radar")
	w.x.image(d.Charts.Pillars, w.x.width*0.9, "pillars")
	w.x.heading(2, t.T("maturity.table"))
	head := []string{t.T("col.pillar"), t.T("col.score"), t.T("col.basis"), t.T("col.level")}
	widths := []float64{40, 14, 12, 34}
	withChange := !d.PreviousDate.IsZero()
	if withChange {
		head = append(head, t.T("maturity.change", "date", f.lang.Date(d.PreviousDate)))
		widths = []float64{34, 13, 11, 24, 18}
	}
	var rows []dcellRow
	for _, p := range d.Pillars {
		c := []dcell{{{text: p.Name, bold: true}}, {{text: f.score(p.Score)}}, {{text: f.pct(p.Basis)}}, {{text: f.level(p.Level)}}}
		if withChange {
			c = append(c, dcell{{text: f.change(p.Score, p.Previous)}})
		}
		rows = append(rows, dcellRow{cells: c})
	}
	o := []dcell{{{text: t.T("summary.overall"), bold: true}}, {{text: f.score(d.Overall.Score), bold: true}}, {{text: f.pct(d.Overall.Basis), bold: true}}, {{text: f.level(d.Overall.Level), bold: true}}}
	rows = append(rows, dcellRow{cells: o})
	w.x.table(head, widths, rows)
}

func (w *docxDoc) alignment() {
	w.section(SectionAlignment)
	t, f, d := w.t, w.f, w.d
	w.x.text(t.T("alignment.intro"))
	w.x.image(d.Charts.Alignment, w.x.width*0.9, "alignment")
	if len(d.Alignment) == 0 {
		return
	}
	w.x.heading(2, t.T("alignment.flagged"))
	head := []string{t.T("col.question")}
	widths := []float64{float64(100 - 12*len(d.Departments) - 12)}
	for _, dep := range d.Departments {
		head = append(head, f.team(string(dep)))
		widths = append(widths, 12)
	}
	head = append(head, t.T("col.spread"))
	widths = append(widths, 12)
	var rows []dcellRow
	for _, it := range d.Alignment {
		c := []dcell{{{text: it.Question, bold: true}, {text: it.Pillar, small: true, color: docxMuted}}}
		for _, dep := range d.Departments {
			v := t.T("none")
			if x := it.Values[dep]; x != nil {
				v = f.lang.Auto(*x, 1)
			}
			c = append(c, dcell{{text: v}})
		}
		c = append(c, dcell{{text: f.lang.Auto(it.Spread, 1), bold: true}})
		rows = append(rows, dcellRow{cells: c})
	}
	w.x.table(head, widths, rows)
}

func (w *docxDoc) kpis() {
	w.section(SectionKPIs)
	t, f, d := w.t, w.f, w.d
	w.x.text(t.T("kpis.intro"))
	var rows []dcellRow
	for _, k := range d.KPIs {
		latest := dcell{{text: f.optValue(k.Latest, k.Unit, k.Currency)}}
		if k.Latest != nil && !k.Period.IsZero() {
			latest = append(latest, dline{text: f.lang.MonthYear(k.Period.Year, k.Period.Month), small: true, color: docxMuted})
		}
		rows = append(rows, dcellRow{cells: []dcell{
			{{text: k.Name, bold: true}, {text: k.Owner, small: true, color: docxMuted}},
			latest,
			{{text: f.optValue(k.Target, k.Unit, k.Currency)}},
			{{text: f.benchmark(k.Benchmark, k.Unit, k.Currency)}, {text: f.source(k.Benchmark), small: true, color: docxMuted}},
			{{text: f.status(k.Status), bold: true}},
			{{text: f.trend(k.Trend)}},
		}})
	}
	w.x.table([]string{t.T("col.kpi"), t.T("col.latest"), t.T("col.target"), t.T("col.benchmark"), t.T("col.status"), t.T("col.trend")},
		[]float64{22, 15, 12, 27, 12, 12}, rows)
	first := true
	for _, k := range d.KPIs {
		if len(k.Chart) == 0 || k.Status != StatusOffTrack && k.Trend != TrendWorsening {
			continue
		}
		if first {
			w.x.heading(2, t.T("kpis.trends"))
			w.x.text(t.T("kpis.trends_intro"))
			first = false
		}
		w.x.image(k.Chart, w.x.width*0.6, k.Name)
		w.x.para(dline{text: f.status(k.Status) + " · " + f.trend(k.Trend), small: true, color: docxMuted})
	}
}

func (w *docxDoc) plan() {
	w.section(SectionRecommendations)
	t, d := w.t, w.d
	w.x.text(t.T("plan.intro", "max", itoa(recommend.PerWindow), "per_team", itoa(recommend.PerTeam)))
	for _, h := range []Horizon{Horizon30, Horizon60, Horizon90} {
		var rows []dcellRow
		for i, r := range d.Recommendations {
			if bucket(r.Horizon) != h {
				continue
			}
			rank := r.Priority
			if rank <= 0 {
				rank = i + 1
			}
			owner := dcell{{text: w.owner(r)}}
			if due := w.due(r); due != "" {
				owner = append(owner, dline{text: due, small: true, color: docxMuted})
			}
			rows = append(rows, dcellRow{cells: []dcell{{{text: itoa(rank)}}, w.actionCell(r), owner, {{text: w.impact(r)}}, {{text: r.Evidence, small: true}}}})
		}
		if len(rows) == 0 {
			continue
		}
		w.x.heading(2, w.horizonLabel(h))
		w.x.table([]string{t.T("col.rank"), t.T("col.action"), t.T("col.owner"), t.T("col.impact"), t.T("col.evidence")}, []float64{6, 42, 14, 12, 26}, rows)
	}
	w.list(t.T("plan.done"), d.Done)
	w.list(t.T("plan.keep"), d.Keep)
}

// actionCell is an action's title in bold with its detail and note.
func (w *docxDoc) actionCell(r Recommendation) dcell {
	c := dcell{{text: r.Title}}
	if det := w.detail(r); det != "" {
		c = append(c, dline{text: det, small: true, color: docxMuted})
	}
	return c
}

// list is a table of actions outside the time frames.
func (w *docxDoc) list(title string, recs []Recommendation) {
	if len(recs) == 0 {
		return
	}
	w.x.heading(2, title)
	var rows []dcellRow
	for _, r := range recs {
		rows = append(rows, dcellRow{cells: []dcell{w.actionCell(r), {{text: w.owner(r)}}, {{text: r.Evidence, small: true}}}})
	}
	w.x.table([]string{w.t.T("col.action"), w.t.T("col.owner"), w.t.T("col.evidence")}, []float64{54, 16, 30}, rows)
}

func (w *docxDoc) appendix() {
	w.section(SectionAppendix)
	t, f, a := w.t, w.f, w.d.Appendix
	if len(a.Respondents) > 0 && len(a.Answers) > 0 {
		w.x.heading(2, t.T("appendix.answers"))
		w.x.small(t.T("appendix.answers_note"))
		head := []string{t.T("col.question")}
		each := 36.0 / float64(len(a.Respondents))
		widths := []float64{64}
		for _, p := range a.Respondents {
			head = append(head, p.Name+" ("+f.team(string(p.Department))+")")
			widths = append(widths, each)
		}
		var rows []dcellRow
		pillar := ""
		for _, ans := range a.Answers {
			if ans.Pillar != pillar {
				pillar = ans.Pillar
				rows = append(rows, dcellRow{band: pillar})
			}
			c := []dcell{{{text: ans.Question}}}
			for i := range a.Respondents {
				v := valueAt(ans.Values, i)
				s := itoa(v)
				switch {
				case v == 0:
					s = t.T("answer.na")
				case v < 1 || v > 5:
					s = t.T("answer.none")
				}
				c = append(c, dcell{{text: s}})
			}
			rows = append(rows, dcellRow{cells: c})
		}
		w.x.table(head, widths, rows)
	}
	if len(a.KPIDefinitions) > 0 {
		w.x.heading(2, t.T("appendix.kpi_defs"))
		var rows []dcellRow
		for _, k := range a.KPIDefinitions {
			def, formula := k.Definition, k.Formula
			if def == "" && k.Custom {
				def = t.T("appendix.custom_kpi")
			}
			rows = append(rows, dcellRow{cells: []dcell{{{text: k.Name, bold: true}}, {{text: orNone(t, def)}}, {{text: orNone(t, formula)}}}})
		}
		w.x.table([]string{t.T("col.kpi"), t.T("col.definition"), t.T("col.formula")}, []float64{22, 42, 36}, rows)
	}
	if len(a.Sources) > 0 {
		w.x.heading(2, t.T("appendix.sources"))
		var rows []dcellRow
		for _, s := range a.Sources {
			year := t.T("none")
			if s.Year > 0 {
				year = itoa(s.Year)
			}
			rows = append(rows, dcellRow{cells: []dcell{{{text: s.Name, bold: true}, {text: s.URL, small: true, color: docxMuted}}, {{text: year}}, {{text: s.Scope}}}})
		}
		w.x.table([]string{t.T("col.source"), t.T("col.year"), t.T("col.scope")}, []float64{52, 10, 38}, rows)
	}
	if len(a.Quality) > 0 {
		w.x.heading(2, t.T("appendix.quality"))
		w.x.small(t.T("appendix.quality_note"))
		var rows []dcellRow
		for _, q := range a.Quality {
			n := itoa(q.Count) + " / " + itoa(q.Total) + " " + t.T("quality.record."+q.Record)
			rows = append(rows, dcellRow{cells: []dcell{{{text: t.T("quality.issue." + q.Code)}}, {{text: n}, {text: f.lang.Percent(q.Share, 1), small: true}}, {{text: strings.Join(q.KPIs, ", ")}}}})
		}
		w.x.table([]string{t.T("col.problem"), t.T("col.records"), t.T("col.kpis_touched")}, []float64{40, 22, 38}, rows)
	}
	w.list(t.T("appendix.set_aside"), w.d.SetAside)
	w.list(t.T("appendix.later"), w.d.Later)
	w.x.heading(2, t.T("appendix.method"))
	for _, k := range []string{"method.scores", "method.gaps", "method.status", "method.priority"} {
		w.x.para(dline{text: t.T(k + ".title"), bold: true, color: docxPrimary})
		w.x.text(t.T(k))
	}
}

// orNone is s, or "–" when empty.
func orNone(t texts, s string) string {
	if s == "" {
		return t.T("none")
	}
	return s
}

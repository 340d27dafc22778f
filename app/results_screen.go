package app

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/analysis"
)

// resultsScreen shows the scores of the current organisation's latest
// assessment.
type resultsScreen struct {
	u      *ui
	body   *fyne.Container
	radar  *canvas.Image
	bars   *canvas.Image
	align  *canvas.Image
	a      *analysis.Analysis
	result *diagnostic.Result // a.Result
}

// resultsView builds the results screen and analyses the organisation in
// the background (after the answers still being written).
func (u *ui) resultsView() fyne.CanvasObject {
	if u.db == nil {
		return u.noDatabase()
	}
	if u.sess.org.ID == 0 {
		return container.NewVBox(heading(tr("nav.results")), u.noOrg())
	}
	s := &resultsScreen{u: u, body: container.NewStack(widget.NewProgressBarInfinite())}
	db, id, l := u.db, u.sess.org.ID, u.lang()
	u.busy.Add(1)
	go func() {
		defer u.busy.Done()
		u.saver.wait()
		a, err := analyseLatest(context.Background(), db, id, l)
		u.post(func() { s.apply(a, err) })
	}()
	return container.NewBorder(heading(tr("results.title", map[string]any{"Org": u.sess.org.Name})), nil, nil, nil, s.body)
}

// apply shows the scores, then renders the charts in the background.
func (s *resultsScreen) apply(a *analysis.Analysis, err error) {
	switch {
	case errors.Is(err, diagnostic.ErrNotFound):
		start := widget.NewButtonWithIcon(tr("results.start"), theme.DocumentCreateIcon(), func() { s.u.goTo(screenDiagnostic) })
		start.Importance = widget.HighImportance
		s.set(container.NewVBox(wrapped(tr("results.none")), container.NewHBox(start)))
		return
	case err != nil:
		s.set(wrapped(userMessage(err)))
		s.u.showError(fmt.Errorf("analysing the results: %w", err))
		return
	}
	s.a, s.result = a, a.Result
	cell := fyne.NewSize(540, 400)
	s.radar, s.bars, s.align = chartImage(cell.Width, cell.Height), chartImage(cell.Width, cell.Height), chartImage(640, 400)
	parts := []fyne.CanvasObject{
		s.summary(),
		s.synthesis(),
		container.New(newChartGrid(cell), s.radar, s.bars),
		subheading(tr("results.pillars")), s.pillarTable(),
		container.NewGridWithColumns(2, s.highlights("results.strengths", a.Result.Strengths), s.highlights("results.gaps", a.Result.Weaknesses)),
	}
	if len(a.Result.Departments) >= 2 {
		parts = append(parts, subheading(tr("results.alignment")), s.teamLine(), container.NewCenter(s.align), s.alignmentGaps())
	}
	s.set(container.NewVScroll(container.NewVBox(parts...)))
	s.renderCharts()
}

func (s *resultsScreen) set(o fyne.CanvasObject) {
	s.body.Objects = []fyne.CanvasObject{o}
	s.body.Refresh()
}

// summary is the overall score, level, its description and the basis.
func (s *resultsScreen) summary() fyne.CanvasObject {
	u, l, r := s.u, s.u.lang(), s.result
	date := l.LongDate(s.a.Assessment.Date)
	basis := tr("results.basis", map[string]any{
		"Basis": l.Percent(r.Overall.Basis, 0), "Date": date,
		"Respondents": count(r.Respondents, "results.respondents.one", "results.respondents.other"), "Departments": count(len(r.Departments), "results.departments.one", "results.departments.other"),
	})
	if r.Overall.Score == nil {
		return container.NewVBox(subheading(tr("results.insufficient")),
			wrapped(tr("results.insufficient.text", map[string]any{"Min": l.Percent(diagnostic.MinBasis, 0)})), wrapped(basis), s.changeLine())
	}
	big := canvas.NewText(l.Number(*r.Overall.Score, 1), theme.Color(theme.ColorNamePrimary))
	big.TextSize = 52
	big.TextStyle.Bold = true
	of := canvas.NewText(tr("results.of100"), theme.Color(theme.ColorNameForeground))
	of.TextSize = 20
	lvl := u.q.LevelFor(*r.Overall.Score)
	level := subheading(tr("results.level", map[string]any{"Level": lvl.Level, "Name": lvl.Name.In(l)}))
	text := container.NewVBox(level, wrapped(lvl.Description.In(l)), wrapped(basis))
	if r.Overall.Alignment != nil {
		text.Add(wrapped(tr("results.alignment.index", map[string]any{"Index": l.Number(*r.Overall.Alignment, 0)})))
	}
	text.Add(s.changeLine())
	score := container.NewHBox(big, container.NewVBox(layoutSpacer(), of))
	return container.NewBorder(nil, nil, container.NewVBox(container.NewPadded(score)), nil, text)
}

// layoutSpacer is a transparent gap that lines "/ 100" up with the
// score's baseline.
func layoutSpacer() fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(1, 26))
	return r
}

// pillarTable is one row per pillar: name, score, level and basis. Seven
// rows: a grid of labels, not a virtualised list.
func (s *resultsScreen) pillarTable() fyne.CanvasObject {
	u, l := s.u, s.u.lang()
	heads := []string{tr("results.col.pillar"), tr("results.col.score"), tr("results.col.level"), tr("results.col.basis")}
	weights := []float32{2.2, 1, 1.5, 1}
	if s.a.Previous != nil {
		heads = append(heads, tr("results.col.change", map[string]any{"Date": l.Date(s.a.Previous.Date)}))
		weights = append(weights, 1.5)
	}
	var head []fyne.CanvasObject
	for _, h := range heads {
		hl := widget.NewLabelWithStyle(h, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		hl.Wrapping = fyne.TextWrapWord
		head = append(head, hl)
	}
	table := container.NewVBox(tableRow(weights, head...))
	for _, p := range u.q.Pillars {
		pr := s.result.Pillar(p.ID)
		score, level, basis := tr("results.nodata"), "—", "—"
		if pr != nil {
			basis = l.Percent(pr.Basis, 0)
			if pr.Score != nil {
				score = l.Number(*pr.Score, 1)
				lv := u.q.LevelFor(*pr.Score)
				level = fmt.Sprintf("%d · %s", lv.Level, lv.Name.In(l))
			}
		}
		cells := []fyne.CanvasObject{wrapped(p.Name.In(l)), widget.NewLabel(score), wrapped(level), widget.NewLabel(basis)}
		if s.a.Previous != nil {
			cells = append(cells, widget.NewLabel(s.pillarChange(p.ID)))
		}
		table.Add(tableRow(weights, cells...))
	}
	return table
}

// highlights lists the strongest or weakest pillars with the questions
// that pull them most.
func (s *resultsScreen) highlights(titleKey string, hs []diagnostic.Highlight) fyne.CanvasObject {
	u, l := s.u, s.u.lang()
	box := container.NewVBox(subheading(tr(titleKey)))
	if len(hs) == 0 {
		box.Add(wrapped(tr("results.highlights.none")))
	}
	for _, h := range hs {
		name := h.Pillar
		if p, ok := u.q.Pillar(h.Pillar); ok {
			name = p.Name.In(l)
		}
		box.Add(bold(name + " · " + l.Number(h.Score, 1)))
		var lines []string
		for _, dq := range h.Questions {
			if qu, ok := u.q.Question(dq.Question); ok {
				lines = append(lines, "• "+qu.Text.In(l)+" ("+l.Number(dq.Score, 0)+")")
			}
		}
		if len(lines) > 0 {
			box.Add(wrapped(strings.Join(lines, "\n")))
		}
	}
	return box
}

// maxGapsShown is how many alignment gaps the screen lists (the largest
// first, as scored); the report has them all.
const maxGapsShown = 8

// alignmentGaps lists the questions on which departments differ by two
// steps or more, with each department's mean answer.
func (s *resultsScreen) alignmentGaps() fyne.CanvasObject {
	u, l := s.u, s.u.lang()
	if len(s.result.Gaps) == 0 {
		return wrapped(tr("results.alignment.none"))
	}
	box := container.NewVBox(wrapped(tr("results.alignment.gaps")))
	gaps := s.result.Gaps
	if len(gaps) > maxGapsShown {
		defer box.Add(wrapped(tr("results.alignment.more", map[string]any{"N": len(gaps) - maxGapsShown})))
		gaps = gaps[:maxGapsShown]
	}
	for _, g := range gaps {
		text := g.Question
		if qu, ok := u.q.Question(g.Question); ok {
			text = qu.Text.In(l)
		}
		var parts []string
		for _, d := range s.result.Departments { // "other" too, in an anonymous assessment
			if v, ok := g.Departments[d]; ok {
				parts = append(parts, u.q.DepartmentName(d, l)+" "+l.Number(v, 1))
			}
		}
		box.Add(bold(text))
		box.Add(wrapped(strings.Join(parts, " · ") + " — " + tr("results.alignment.steps", map[string]any{"Steps": l.Auto(g.Difference, 1)})))
	}
	return box
}

// teamLine says how many answered in each department of the alignment
// views ("Answered: Sales 3 · Marketing 2").
func (s *resultsScreen) teamLine() fyne.CanvasObject {
	u, l := s.u, s.u.lang()
	var parts []string
	for _, d := range s.result.Departments {
		if n := s.result.DepartmentRespondents[d]; n > 0 {
			parts = append(parts, u.q.DepartmentName(d, l)+" "+l.Number(float64(n), 0))
		}
	}
	return wrapped(tr("results.alignment.answered", map[string]any{"Departments": strings.Join(parts, " · ")}))
}

package report

import (
	"github.com/johnfercher/maroto/v2/pkg/components/col"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/consts/align"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"
)

// The executive summary shows at most this many of each list.
const (
	summaryFindings = 3
	summaryRecs     = 5
	summaryKPIs     = 6
)

// summary draws the one-page executive summary: overall score and level
// with its basis, three strengths, three gaps, the top five
// recommendations and the key KPIs with their status. Anything that would
// spill onto a second page is left out (the full lists follow in their
// sections).
func (d *doc) summary() {
	d.section(SectionSummary)
	d.synthesis()
	t, f := d.t, d.f
	o := d.d.Overall

	// Score panel on the left, strengths and gaps to its right.
	scoreItems := []core.Component{
		txt{size: 9, color: colMuted, top: 3, align: align.Center}.t(t.T("summary.overall")),
	}
	if o.Score != nil {
		scoreItems = append(scoreItems,
			txt{size: 34, bold: true, color: colPrimary, top: 1, align: align.Center}.t(f.score(o.Score)),
			txt{size: 8, color: colMuted, align: align.Center, top: 1.5, bot: 2}.t(t.T("summary.of100")),
			txt{size: 10, bold: true, color: colAccent, align: align.Center, bot: 1}.t(f.level(o.Level)),
		)
	} else {
		scoreItems = append(scoreItems, txt{size: 12, bold: true, color: colMuted, top: 6, bot: 4, align: align.Center}.t(t.T("summary.no_score")))
	}
	scoreItems = append(scoreItems, txt{size: 7.5, color: colMuted, align: align.Center, bot: 3}.t(t.T("summary.basis", "pct", f.pct(o.Basis))))
	top := row.New().Add(col.New(28).Add(&stack{items: scoreItems}).WithStyle(panel(colPanel)), col.New(2))
	// Strengths and gaps are left out when there are none (a lone
	// respondent with too few answers).
	if len(d.d.Strengths)+len(d.d.Gaps) > 0 {
		top.Add(
			col.New(35).Add(d.findingStack(t.T("summary.strengths"), d.d.Strengths, colGood)),
			col.New(35).Add(d.findingStack(t.T("summary.gaps"), d.d.Gaps, colBad)),
		)
	} else {
		top.Add(col.New(70))
	}
	d.add(top, spacer(3))

	if n := len(d.d.Recommendations); n > 0 {
		recs := d.d.Recommendations[:min(n, summaryRecs)]
		cols := []column{{t.T("col.rank"), 6, align.Center}, {t.T("col.action"), 58, align.Left}, {t.T("col.owner"), 17, align.Left}, {t.T("col.horizon"), 19, align.Left}}
		var rows [][]cell
		for i, r := range recs {
			rows = append(rows, []cell{tbold(itoa(i + 1)), tcell(r.Title), tcell(f.team(r.Owner)), tcell(d.horizonLabel(r.Horizon))})
		}
		d.summaryBlock(t.T("summary.top_recs"), cols, rows)
		if n > summaryRecs && d.willShow(SectionRecommendations) {
			d.addIfFits(textRow(stSmall, t.T("summary.more_recs", "n", itoa(n), "section", t.T("section.recommendations"))))
		}
	}

	if keys := d.keyKPIs(); len(keys) > 0 {
		cols := []column{{t.T("col.kpi"), 32, align.Left}, {t.T("col.latest"), 18, align.Right}, {t.T("col.target"), 16, align.Right}, {t.T("col.status"), 16, align.Left}, {t.T("col.trend"), 18, align.Left}}
		var rows [][]cell
		for _, k := range keys {
			rows = append(rows, []cell{
				tbold(k.Name),
				cell{stCell.aligned(align.Right).t(f.optValue(k.Latest, k.Unit, k.Currency))},
				cell{stCell.aligned(align.Right).t(f.optValue(k.Target, k.Unit, k.Currency))},
				tcolour(f.status(k.Status), statusColour(k.Status), true),
				tcolour(f.trend(k.Trend), trendColour(k.Trend), false),
			})
		}
		d.summaryBlock(t.T("summary.key_kpis"), cols, rows)
	}
	d.summaryChart()
}

// summaryChart adds the pillar-score chart at the foot of the summary, as
// large as the space left allows (from 90 % of the text width down to the
// narrowest width its labels stay readable at, minChartWidth, and at least
// 50 mm high); when even that does not fit, the chart is only in the
// maturity section. The chart carries its title: no caption.
func (d *doc) summaryChart() {
	png := d.d.Charts.Pillars
	w, h, ext, ok := imageSize(png)
	if !ok || d.summaryFull {
		return
	}
	for share := 0.90; share >= 0.40; share -= 0.05 {
		width := d.probe.cell.Width * share
		imgH := width * float64(h) / float64(w)
		if imgH < 50 || ext == extSVG && width < minChartWidth(w) {
			return
		}
		size := int(share*gridSize + 0.5)
		pad := (gridSize - size) / 2
		rows := []core.Row{
			spacer(2),
			row.New(imgH).Add(col.New(pad), imageCol(size, png, ext), col.New(gridSize-size-pad)),
		}
		if d.fits(d.heightOf(rows...)) {
			d.add(rows...)
			return
		}
	}
}

// minChartWidth is the narrowest a vector chart w pixels wide may print
// (millimetres) for its smallest labels (12 px) to stay at 8 pt.
func minChartWidth(w int) float64 {
	const smallestLabelPx, minLabelPt = 12.0, 8.0
	return float64(w) * minLabelPt * ptInMM / smallestLabelPx
}

// findingStack is a column listing up to three strengths or gaps: the
// pillar with its score, then its most influential question.
func (d *doc) findingStack(title string, items []Finding, c *props.Color) core.Component {
	st := &stack{items: []core.Component{txt{size: 11, bold: true, color: c, top: 2, bot: 1.5}.t(title)}}
	for _, it := range items[:min(len(items), summaryFindings)] {
		head := it.Pillar
		if it.Score != nil {
			head += " · " + d.f.score(it.Score)
		}
		st.items = append(st.items, stCellB.t(head))
		if len(it.Questions) > 0 {
			s := stSmall
			s.top, s.bot = 0, 2
			st.items = append(st.items, s.t(it.Questions[0]))
		}
	}
	if len(items) == 0 {
		st.items = append(st.items, stSmall.t(d.t.T("none")))
	}
	return st
}

// summaryBlock adds a headed table to the summary only when its heading,
// column heads and first row still fit on the summary page: a block that
// would start a second page is left out (its full list follows in its
// section), so the summary stays one page.
func (d *doc) summaryBlock(title string, cols []column, rows [][]cell) {
	if len(rows) == 0 || d.summaryFull {
		return
	}
	head := textRow(stH2, title)
	if !d.fits(d.heightOf(head, headRow(cols), bodyRow(cols, rows[0], 0))) {
		return
	}
	d.add(head)
	d.summaryTable(cols, rows)
}

// summaryTable adds a table on the summary page, dropping the rows that
// would not fit so the summary stays on one page.
func (d *doc) summaryTable(cols []column, rows [][]cell) {
	d.add(headRow(cols))
	for i, c := range rows {
		r := bodyRow(cols, c, i)
		if !d.fits(d.heightOf(r)) {
			d.summaryFull = true
			return
		}
		d.add(r)
	}
	d.addIfFits(spacer(2))
}

// addIfFits adds a row only when it fits on the current page.
func (d *doc) addIfFits(r core.Row) {
	if !d.summaryFull && d.fits(d.heightOf(r)) {
		d.add(r)
		return
	}
	d.summaryFull = true
}

// keyKPIs picks the KPIs for the summary: those marked Key, else the first
// ones with data, at most six.
func (d *doc) keyKPIs() []KPIRow {
	var keys, withData []KPIRow
	for _, k := range d.d.KPIs {
		if k.Key {
			keys = append(keys, k)
		}
		if k.Latest != nil {
			withData = append(withData, k)
		}
	}
	if len(keys) == 0 {
		keys = withData
	}
	return keys[:min(len(keys), summaryKPIs)]
}

// horizonLabel names a recommendation's horizon ("Primeros 30 días").
func (d *doc) horizonLabel(h Horizon) string {
	return d.t.T("horizon." + itoa(int(bucket(h))))
}

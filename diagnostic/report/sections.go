package report

import (
	"slices"
	"strings"

	"github.com/johnfercher/maroto/v2/pkg/components/col"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/core"
)

// has reports whether a section has anything to show; a section without
// data is left out rather than printed empty.
func (d *doc) has(id string) bool {
	data := d.d
	switch id {
	case SectionSummary:
		return true
	case SectionMaturity:
		return len(data.Pillars) > 0
	case SectionAlignment:
		return len(data.Departments) >= 2 && (len(data.Alignment) > 0 || len(data.Charts.Alignment) > 0)
	case SectionKPIs:
		for _, k := range data.KPIs {
			if k.Latest != nil {
				return true
			}
		}
		return false
	case SectionRecommendations:
		return len(data.Recommendations) > 0 || len(data.Done) > 0 || len(data.Keep) > 0
	case SectionAppendix:
		return true // the method is always there
	case sectionPipeline:
		return data.Pipeline != nil
	}
	return false
}

// willShow reports whether a section is selected and has data.
// The pipeline pages go with the KPI section.
func (d *doc) willShow(id string) bool {
	return (d.r.sections[id] || id == sectionPipeline && d.r.sections[SectionKPIs]) && d.has(id)
}

// section starts a section on a new page with its title.
func (d *doc) section(id string) {
	d.newPage()
	d.shown[id] = true
	d.add(textRow(stH1, d.t.T("section."+id)))
	d.add(rule(colPrimary, 0.6))
	d.add(spacer(2))
	if c := d.d.Comments[id]; strings.TrimSpace(c) != "" {
		d.add(row.New().Add(col.New(gridSize).Add(&stack{items: []core.Component{
			stCellB.with(colAccent).t(d.t.T("comment.title")), stBody.t(c)}}).WithStyle(panel(colPanel))))
		d.add(spacer(3))
	}
}

// sub adds a sub-heading, moved to the next page unless it fits there with
// at least follow millimetres of what comes after it.
func (d *doc) sub(title string, follow float64) {
	r := textRow(stH2, title)
	d.keep(d.heightOf(r) + follow)
	d.add(r)
}

// para adds a paragraph of body text.
func (d *doc) para(s string) {
	if s != "" {
		d.add(textRow(stBody, s))
	}
}

// figure is a chart with its caption and, optionally, a second caption
// line (a KPI's status and trend under its name).
type figure struct {
	png     []byte
	caption string
	note    string
}

// captionOf is a figure's caption component: the caption, and the note on
// its own line below it. Neither leaves a single word alone on its last
// line.
func captionOf(fg figure) core.Component {
	if fg.note == "" {
		return stCaption.t(keepLastTwo(fg.caption))
	}
	first, second := stCaption, stCaption
	first.bot, second.top = 0.2, 0
	return &stack{items: []core.Component{first.t(keepLastTwo(fg.caption)), second.t(keepLastTwo(fg.note))}}
}

// keepLastTwo joins the last two words of s with a no-break space, so a
// wrapped text never ends with one word alone on its line (an orphan).
// Texts of one or two words are returned cleaned and unchanged.
func keepLastTwo(s string) string {
	s = clean(s)
	i := strings.LastIndex(s, " ")
	if i < 0 || !strings.Contains(s[:i], " ") {
		return s
	}
	return s[:i] + "\u00a0" + s[i+1:]
}

// figures lays out charts side by side, each in a column of equal width
// with its caption under it; a row of figures is kept on one page. Images
// that cannot be decoded are skipped.
func (d *doc) figures(perRow int, widthShare float64, figs ...figure) {
	var ok []figure
	for _, fg := range figs {
		if _, _, _, good := imageSize(fg.png); good {
			ok = append(ok, fg)
		}
	}
	for start := 0; start < len(ok); start += perRow {
		end := min(start+perRow, len(ok))
		d.figureRow(perRow, widthShare, ok[start:end])
	}
}

// figureRow draws one row of up to perRow figures.
func (d *doc) figureRow(perRow int, widthShare float64, figs []figure) {
	width := d.probe.cell.Width * widthShare
	colSize := int(widthShare * gridSize / float64(perRow))
	colW := width / float64(perRow)
	var imgH float64
	imgs := row.New()
	caps := row.New()
	pad := (gridSize - colSize*len(figs)) / 2
	if pad > 0 {
		imgs.Add(col.New(pad))
		caps.Add(col.New(pad))
	}
	for _, fg := range figs {
		w, h, ext, _ := imageSize(fg.png)
		imgH = max(imgH, colW*float64(h)/float64(w))
		imgs.Add(imageCol(colSize, fg.png, ext))
		caps.Add(col.New(colSize).Add(captionOf(fg)))
	}
	// The fixed height of the image row is set once every image is known.
	sized := row.New(imgH).Add(imgs.GetColumns()...)
	rows := []core.Row{sized, caps}
	if !slices.ContainsFunc(figs, func(fg figure) bool { return fg.caption != "" || fg.note != "" }) {
		rows = rows[:1] // charts titled by themselves: no caption row
	}
	d.keep(d.heightOf(rows...))
	d.add(rows...)
	d.add(spacer(2))
}

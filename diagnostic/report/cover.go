package report

import (
	"strings"

	"github.com/johnfercher/maroto/v2/pkg/components/col"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/consts/align"
	"github.com/johnfercher/maroto/v2/pkg/core"
)

// cover draws the first page: logo, title, organisation, dates, consultant
// and language.
func (d *doc) cover() {
	t, f := d.t, d.f
	if w, h, ext, ok := imageSize(d.d.Consultant.Logo); ok {
		// The logo fits a 60 × 22 mm box, left-aligned.
		boxW, boxH := 60.0, 22.0
		width := d.probe.cell.Width
		lw := boxW
		if float64(h)/float64(w)*lw > boxH {
			lw = boxH * float64(w) / float64(h)
		}
		cols := int(lw/width*gridSize + 0.5)
		if cols < 1 {
			cols = 1
		}
		d.add(row.New(lw*float64(h)/float64(w)).Add(imageCol(cols, d.d.Consultant.Logo, ext), col.New(gridSize-cols)))
	} else {
		d.add(spacer(22))
	}
	d.add(spacer(58))
	d.add(textRow(txt{size: 26, bold: true, color: colPrimary, bot: 3}, t.T("report.title")))
	d.add(textRow(txt{size: 12.5, color: colMuted, top: 1, bot: 5}, t.T("report.subtitle")))
	d.add(rule(colAccent, 0.8))
	d.add(spacer(8))
	d.add(textRow(txt{size: 10, color: colMuted}, t.T("cover.prepared_for")))
	d.add(textRow(txt{size: 22, bold: true, color: colText, top: 1, bot: 8}, d.d.Organisation))

	// Without an assessment the date is the report's, and says so.
	dateLabel := t.T("cover.date")
	if d.d.NoAssessment {
		dateLabel = t.T("cover.report_date")
	}
	info := [][2]string{{dateLabel, f.lang.LongDate(d.d.AssessmentDate)}}
	if !d.d.PreviousDate.IsZero() {
		info = append(info, [2]string{t.T("cover.previous"), f.lang.LongDate(d.d.PreviousDate)})
	}
	if by := consultantLine(d.d.Consultant); by != "" {
		info = append(info, [2]string{t.T("cover.prepared_by"), by})
	}
	info = append(info, [2]string{t.T("cover.language"), f.lang.Name()})
	for _, kv := range info {
		d.add(row.New().Add(
			col.New(30).Add(txt{size: 10, color: colMuted, top: 2, bot: 2}.t(kv[0])),
			col.New(70).Add(txt{size: 10.5, bold: true, top: 2, bot: 2}.t(kv[1])),
		))
	}
	d.add(spacer(14))
	d.add(textRow(txt{size: 8.5, color: colMuted}, t.T("cover.note")))
}

// consultantLine is "Name · Company", either part optional.
func consultantLine(c Consultant) string {
	switch {
	case c.Name != "" && c.Company != "":
		return c.Name + " · " + c.Company
	case c.Name != "":
		return c.Name
	}
	return c.Company
}

// headerRows is the running header of the body pages: the organisation on
// the left, the report name and date on the right, and a rule. A name too
// long for one line is shortened with an ellipsis.
func (d *doc) headerRows() []core.Row {
	s := txt{size: 7.5, color: colMuted}
	org := txt{size: 7.5, bold: true, color: colPrimary}
	return []core.Row{
		row.New(5).Add(
			col.New(62).Add(org.t(d.oneLine(d.d.Organisation, org, 62))),
			col.New(38).Add(s.aligned(align.Right).t(d.t.T("header.title")+" · "+d.f.lang.Date(d.d.AssessmentDate))),
		),
		rule(colRule, 0.3),
		spacer(4),
	}
}

// oneLine shortens s word by word, with an ellipsis, until it fits on one
// line of a column of size cols in style st.
func (d *doc) oneLine(s string, st txt, cols int) string {
	p := st.props()
	p.MakeValid(d.m.GetCurrentConfig().DefaultFont)
	width := d.probe.cell.Width*float64(cols)/gridSize - p.Left - p.Right
	s = clean(s)
	words := strings.Fields(s)
	out := s
	for n := len(words); n > 1; n-- {
		if d.probe.provider.GetLinesQuantity(out, &p, width) <= 1 {
			return out
		}
		out = strings.TrimRight(strings.Join(words[:n-1], " "), ",;:·") + "…"
	}
	return out
}

// footerRows is the running footer: a rule, then the confidentiality note
// with the organisation and date. Its text sits just below the
// text area, on the baseline maroto draws the page number ("Página X de Y")
// on, at the right.
func (d *doc) footerRows() []core.Row {
	s := txt{size: footerSize, color: colMuted, top: footerGap}
	org := d.oneLine(d.d.Organisation, s, 50)
	parts := []string{d.t.T("footer.confidential"), org, d.f.lang.Date(d.d.AssessmentDate)}
	return []core.Row{
		spacer(2),
		rule(colRule, 0.3),
		row.New(footerGap).Add(col.New(78).Add(s.t(strings.Join(parts, " · "))), col.New(22)),
	}
}

package charts

import "math"

// DepartmentScores is one department's score (0–100) per pillar, in the
// order of AlignmentData.Pillars; nil means no data.
type DepartmentScores struct {
	Name   string
	Scores []*float64
}

// AlignmentData is the input of the department-alignment dot plot.
type AlignmentData struct {
	// Title overrides the default title; "-" draws none.
	Title       string
	Pillars     []string
	Departments []DepartmentScores
	// Flagged marks, per pillar, a gap worth discussing (decided by the
	// scoring rules); flagged rows are highlighted.
	Flagged []bool
}

const alignmentW, alignmentH = 820, 560

// Alignment draws, per pillar, each department's score as a marker (own
// colour and shape) on a 0–100 axis, joined by a line from the lowest to
// the highest so gaps stand out, with the gap in points at the right;
// flagged pillars are highlighted.
func Alignment(d AlignmentData, o Options) ([]byte, error) {
	return encode(alignment(d, o))
}

func alignment(d AlignmentData, o Options) (*canvas, error) {
	o, err := o.normalise(alignmentW, alignmentH)
	if err != nil {
		return nil, err
	}
	title := titleOr(d.Title, o, "alignment.title")
	if !d.HasData() {
		return noData(o, title)
	}
	c, err := newCanvas(o)
	if err != nil {
		return nil, err
	}
	legend := make([]legendItem, 0, len(d.Departments)+1)
	for k, dep := range d.Departments {
		legend = append(legend, legendItem{label: dep.Name, color: c.th.seriesColor(k), kind: swatchMarker, shape: k})
	}
	flaggedAny := false
	for _, f := range d.Flagged {
		flaggedAny = flaggedAny || f
	}
	if flaggedAny {
		legend = append(legend, legendItem{label: tr(o.Lang, "alignment.flagged"), color: c.th.highlight, kind: swatchBand})
	}
	b := c.frame(title, legend, "")
	gapLabel := tr(o.Lang, "alignment.gap")
	rows := c.newRowLayout(b, d.Pillars, true, "Δ 100")
	// Header over the gap column, then flagged-row highlights under the grid.
	hs := textStyle{size: smallSize, color: c.th.muted}
	c.text(gapLabel, rows.plot.right()+c.px(12), rows.plot.y-c.px(5), alignLeft, hs)
	for i := range d.Pillars {
		if i < len(d.Flagged) && d.Flagged[i] {
			y0, y1 := rows.rowBand(i)
			c.rect(rows.plot.x, y0+c.px(1), float64(c.w)-rows.plot.x-c.px(8), y1-y0-c.px(2), c.th.highlight)
		}
	}
	rows.grid()
	for i := range d.Pillars {
		y0, y1 := rows.rowBand(i)
		mid := (y0 + y1) / 2
		lo, hi, cnt := math.Inf(1), math.Inf(-1), 0
		for _, dep := range d.Departments {
			if v, ok := valueAt(dep.Scores, i); ok {
				v = max(0, min(v, 100)) // scores are 0–100; drawn clamped too
				lo, hi, cnt = min(lo, v), max(hi, v), cnt+1
			}
		}
		if cnt == 0 {
			c.textMid(tr(o.Lang, "nodata.short"), rows.plot.x+c.px(6), mid, alignLeft, textStyle{size: min(valueSize, rows.labelStyle.size), color: c.th.muted})
			continue
		}
		c.line(rows.x(lo), mid, rows.x(hi), mid, c.th.axis, 3, nil)
		// A marker that would cover an earlier one (scores within 2 points)
		// moves up or down by a marker's height, alternately.
		step := min(c.px(8), (y1-y0)/4)
		var placed []float64
		for k, dep := range d.Departments {
			v, ok := valueAt(dep.Scores, i)
			if !ok {
				continue
			}
			v = max(0, min(v, 100))
			clash := 0
			for _, p := range placed {
				if math.Abs(p-v) < 2 {
					clash++
				}
			}
			placed = append(placed, v)
			dy := float64((clash+1)/2) * step
			if clash%2 == 1 {
				dy = -dy
			}
			c.marker(k, rows.x(v), mid+dy, 5.5, c.th.seriesColor(k))
		}
		if cnt >= 2 {
			gs := textStyle{size: min(valueSize, rows.labelStyle.size), color: c.th.text}
			if i < len(d.Flagged) && d.Flagged[i] {
				gs.bold, gs.color = true, c.th.bad
			}
			c.textMid("Δ "+o.Lang.Number(hi-lo, 0), rows.plot.right()+c.px(12), mid, alignLeft, gs)
		}
	}
	return c, nil
}

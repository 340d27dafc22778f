package charts

// PillarScore is one pillar's score (0–100) and, optionally, its score in
// an earlier assessment; nil means no data.
type PillarScore struct {
	Name    string
	Score   *float64
	Earlier *float64
}

// PillarData is the input of the pillar-score bars.
type PillarData struct {
	// Title overrides the default title; "-" draws none.
	Title   string
	Pillars []PillarScore
	// CurrentLabel and EarlierLabel name the two assessments in the legend
	// (default "Current score" / "Earlier assessment").
	CurrentLabel, EarlierLabel string
}

const pillarsW, pillarsH = 820, 520

// PillarBars draws one horizontal bar per pillar on a 0–100 axis, over
// shaded bands for the five maturity levels, with the score at the end of
// each bar and the earlier assessment as a marker.
func PillarBars(d PillarData, o Options) ([]byte, error) {
	return encode(pillarBars(d, o))
}

func pillarBars(d PillarData, o Options) (*canvas, error) {
	o, err := o.normalise(pillarsW, pillarsH)
	if err != nil {
		return nil, err
	}
	title := titleOr(d.Title, o, "pillars.title")
	if !d.HasData() {
		return noData(o, title)
	}
	hasEarlier := false
	for _, p := range d.Pillars {
		_, ok := finite(p.Earlier)
		hasEarlier = hasEarlier || ok
	}
	c, err := newCanvas(o)
	if err != nil {
		return nil, err
	}
	var legend []legendItem
	if hasEarlier {
		legend = []legendItem{
			{label: nameOr(d.CurrentLabel, o, "pillars.score"), color: c.th.series[0], kind: swatchFill},
			{label: nameOr(d.EarlierLabel, o, "pillars.earlier"), color: c.th.text, kind: swatchMarker, shape: shapeDiamond},
		}
	}
	b := c.frame(title, legend, "")
	names := make([]string, len(d.Pillars))
	for i, p := range d.Pillars {
		names[i] = p.Name
	}
	rows := c.newRowLayout(b, names, true, "100")
	c.levelBands(rows)
	vs := textStyle{size: min(valueSize, rows.labelStyle.size), bold: true, color: c.th.text}
	for i, p := range d.Pillars {
		y0, y1 := rows.rowBand(i)
		mid := (y0 + y1) / 2
		th := min((y1-y0)*0.62, c.px(28))
		// The value label goes right of the bar and of the earlier marker.
		labelX := rows.plot.x
		v, ok := finite(p.Score)
		if ok {
			x1 := rows.x(v)
			c.rect(rows.plot.x, mid-th/2, x1-rows.plot.x, th, c.th.series[0])
			labelX = x1
		}
		if e, ok := finite(p.Earlier); ok {
			x := rows.x(e)
			c.line(x, mid-th/2-c.px(3), x, mid+th/2+c.px(3), c.th.text, 1.5, nil)
			c.marker(shapeDiamond, x, mid-th/2-c.px(3), 4.5, c.th.text)
			labelX = max(labelX, x+c.px(2))
		}
		if ok {
			c.textMid(o.Lang.Number(v, 0), labelX+c.px(6), mid, alignLeft, vs)
		} else {
			ns := textStyle{size: vs.size, color: c.th.muted}
			c.textMid(tr(o.Lang, "nodata.short"), labelX+c.px(6), mid, alignLeft, ns)
		}
	}
	return c, nil
}

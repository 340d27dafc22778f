package charts

import (
	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// Stage is one step of the funnel. Key names a standard stage (leads, mqls,
// sqls, opportunities, won) whose name is then translated; Name, when set,
// is used as is. A nil Value is a stage without data.
type Stage struct {
	Key   string
	Name  string
	Value *float64
}

// FunnelData is the input of the funnel chart, stages in order.
type FunnelData struct {
	// Title overrides the default title; "-" draws none.
	Title  string
	Stages []Stage
}

// StandardFunnel builds the stages leads → MQL → SQL → opportunities → won
// from the five counts (nil for a count not known).
func StandardFunnel(leads, mqls, sqls, opportunities, won *float64) FunnelData {
	return FunnelData{Stages: []Stage{
		{Key: "leads", Value: leads}, {Key: "mqls", Value: mqls}, {Key: "sqls", Value: sqls},
		{Key: "opportunities", Value: opportunities}, {Key: "won", Value: won},
	}}
}

const funnelW, funnelH = 760, 500

// Funnel draws each stage as a centred bar whose width is proportional to
// its count (so every bar starts from zero), joined to the next by a shaded
// neck carrying the conversion rate between the two; the overall
// conversion from the first to the last stage is noted at the bottom.
func Funnel(d FunnelData, o Options) ([]byte, error) {
	return encode(funnel(d, o))
}

func funnel(d FunnelData, o Options) (*canvas, error) {
	o, err := o.normalise(funnelW, funnelH)
	if err != nil {
		return nil, err
	}
	title := titleOr(d.Title, o, "funnel.title")
	if !d.HasData() {
		return noData(o, title)
	}
	top := 0.0
	for _, s := range d.Stages {
		if v, ok := finite(s.Value); ok {
			top = max(top, v)
		}
	}
	c, err := newCanvas(o)
	if err != nil {
		return nil, err
	}
	lang := o.Lang
	counts := formatter{lang: lang, unit: diagnostic.UnitCount}
	note := ""
	n := len(d.Stages)
	if v0, ok0 := finite(d.Stages[0].Value); ok0 && n > 1 {
		if vn, ok := finite(d.Stages[n-1].Value); ok && v0 > 0 && vn >= 0 {
			note = tr(lang, "funnel.overall") + ": " + rateText(lang, vn/v0)
		}
	}
	b := c.frame(title, nil, note)
	ls := textStyle{size: labelSize, bold: true, color: c.th.text}
	names := make([]string, n)
	labelW := 0.0
	for i, s := range d.Stages {
		names[i] = s.Name
		if names[i] == "" {
			names[i] = tr(lang, "funnel."+s.Key)
		}
		names[i] = c.ellipsis(names[i], ls, b.w*0.3)
		labelW = max(labelW, c.measure(names[i], ls))
	}
	vs := textStyle{size: valueSize, bold: true, color: c.th.text}
	valueW := 0.0
	for _, s := range d.Stages {
		if v, ok := finite(s.Value); ok {
			valueW = max(valueW, c.measure(counts.label(v), vs))
		}
	}
	plot := box{x: b.x + labelW + c.px(14), y: b.y, h: b.h}
	plot.w = b.right() - plot.x - valueW - c.px(12)
	rowH := plot.h / float64(n)
	barH := min(rowH*0.62, c.px(46))
	neck := rowH - barH
	cx := plot.x + plot.w/2
	width := func(v float64) float64 {
		if top <= 0 || v <= 0 {
			return 0
		}
		return max(plot.w*v/top, c.px(2))
	}
	cs := textStyle{size: valueSize, color: c.th.text}
	for i, s := range d.Stages {
		y := plot.y + float64(i)*rowH + neck/2
		v, ok := finite(s.Value)
		w := width(v)
		col := c.th.series[0]
		if i == n-1 && n > 1 {
			col = c.th.series[2]
		}
		if ok {
			c.rect(cx-w/2, y, w, barH, col)
		}
		c.textMid(names[i], plot.x-c.px(14), y+barH/2, alignRight, ls)
		label := tr(lang, "nodata.short")
		if ok {
			label = counts.label(v)
		}
		lst := vs
		if !ok {
			lst.color, lst.bold = c.th.muted, false
		}
		c.textMid(label, cx+max(w, 0)/2+c.px(8), y+barH/2, alignLeft, lst)
		// Neck to the next stage, with the conversion rate.
		if i+1 < n {
			nv, nok := finite(d.Stages[i+1].Value)
			w2 := width(nv)
			yb, yt := y+barH, y+barH+neck
			pill := c.th.bg
			if ok && nok && w > 0 {
				pill = c.th.band
				c.polygon([][2]float64{{cx - w/2, yb}, {cx + w/2, yb}, {cx + w2/2, yt}, {cx - w2/2, yt}},
					c.th.band, withAlpha(c.th.band, 0), 1, nil)
			}
			rate := "–"
			if ok && nok && v > 0 && nv >= 0 {
				rate = rateText(lang, nv/v)
			}
			c.textOnBg("↓ "+rate, cx, (yb+yt)/2, alignCenter, cs, pill)
		}
	}
	return c, nil
}

// rateText writes a conversion rate with one decimal, and a rate too small
// for that as "< 0,1 %" rather than a misleading "0,0 %".
func rateText(l locale.Lang, r float64) string {
	if r > 0 && r < 0.0005 {
		return "<\u00a0" + l.Percent(0.001, 1)
	}
	return l.Percent(r, 1)
}

package app

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/workback"
	"github.com/revopsdx/revopsdx/usecase"
)

// whatIfPanel is the KPI screen's "Target and what-if" tab: a work-back
// from a revenue target (the won deals, opportunities, pipeline and leads it
// takes, against today's run rate) and the four sales-velocity levers,
// whose revenue effect follows the sliders. Both come from
// usecase.WorkBack, as the work-back command's do, so the figures agree
// with `work-back --json`.
type whatIfPanel struct {
	s    *kpiScreen
	box  *fyne.Container
	plan *workback.Plan // nil until loaded, or when there is no data

	target *widget.Entry
	by     *widget.Select
	months []diagnostic.Month // by's options
	result *fyne.Container

	sliders [4]*widget.Slider
	values  [4]*widget.Label
	effect  *widget.Label
}

// whatIfLevers names the levers in slider order: by the KPI whose name the
// glossary gives, or by a translation key where no KPI is the lever.
var whatIfLevers = [4]struct{ kpi, key string }{
	{"", "whatif.opportunities"},
	{"win_rate", ""},
	{"avg_deal_size", ""},
	{"sales_cycle_days", ""},
}

// leverRange is how far a slider moves each lever: ±50 % in steps of 5.
const leverRange, leverStep = 50.0, 5.0

func newWhatIfPanel(s *kpiScreen) *whatIfPanel {
	return &whatIfPanel{s: s, box: container.NewStack(widget.NewProgressBarInfinite())}
}

// view is the tab's content; it loads the rates the first time.
func (p *whatIfPanel) view() fyne.CanvasObject { return p.box }

// whatIfResult is a loaded baseline: the plan, or why there is none.
type whatIfResult struct {
	plan   workback.Plan
	noData error
}

// load computes the baseline in the background: a work-back to the end of
// this month for a nominal amount gives the rates, the run rate and the
// velocity; the target's own work-back runs when the user asks.
func (p *whatIfPanel) load() {
	u, id := p.s.u, p.s.org.ID
	now := time.Now()
	background(u, "computing the sales velocity", func(ctx context.Context) (whatIfResult, error) {
		plan, err := usecase.WorkBack(ctx, u.db, id, 1, diagnostic.MonthOf(now), now)
		if errors.Is(err, diagnostic.ErrNotFound) {
			return whatIfResult{noData: err}, nil
		}
		return whatIfResult{plan: plan}, err
	}, p.apply)
}

// apply builds the panel from a loaded baseline, keeping what the user
// had typed and moved (the tab reloads its rates each time it is chosen).
func (p *whatIfPanel) apply(r whatIfResult) {
	if r.noData != nil {
		p.set(wrapped(tr("whatif.nodata")))
		return
	}
	keep := p.inputs() // nil the first time
	p.plan = &r.plan
	p.set(container.NewVScroll(container.NewVBox(p.targetView(), widget.NewSeparator(), p.leversView())))
	p.restore(keep)
}

// whatIfInputs is what the user set on the panel.
type whatIfInputs struct {
	target string
	by     int
	worked bool // a work-back was on show
	levers [4]float64
}

// inputs reads the panel's inputs before a rebuild; nil before the first
// build.
func (p *whatIfPanel) inputs() *whatIfInputs {
	if p.target == nil {
		return nil
	}
	in := &whatIfInputs{target: p.target.Text, by: p.by.SelectedIndex(), worked: len(p.result.Objects) > 0}
	for i, s := range p.sliders {
		if s != nil {
			in.levers[i] = s.Value
		}
	}
	return in
}

// restore puts inputs back on a rebuilt panel and works back again when a
// result was on show.
func (p *whatIfPanel) restore(in *whatIfInputs) {
	if in == nil {
		return
	}
	p.target.SetText(in.target)
	if in.by >= 0 {
		p.by.SetSelectedIndex(in.by)
	}
	if p.plan.Velocity != nil {
		for i, s := range p.sliders {
			s.SetValue(in.levers[i])
		}
	}
	if in.worked && in.target != "" {
		p.workBack()
	}
}

func (p *whatIfPanel) set(o fyne.CanvasObject) {
	p.box.Objects = []fyne.CanvasObject{o}
	p.box.Refresh()
}

// targetView is the work-back form: the amount, the last month, a button,
// and the result under them.
func (p *whatIfPanel) targetView() fyne.CanvasObject {
	l := p.s.u.lang()
	p.target = widget.NewEntry()
	p.target.SetPlaceHolder(l.Number(1200000, 0))
	now := diagnostic.MonthOf(time.Now())
	var names []string
	p.months = nil
	for i := 0; i < 24; i++ {
		m := now.Add(i)
		p.months = append(p.months, m)
		names = append(names, l.MonthYear(m.Year, m.Month))
	}
	p.by = widget.NewSelect(names, nil)
	p.by.SetSelectedIndex(min(11, len(names)-1)) // a year from now
	p.result = container.NewVBox()
	run := widget.NewButtonWithIcon(tr("whatif.workback"), theme.MediaPlayIcon(), p.workBack)
	p.target.OnSubmitted = func(string) { p.workBack() }
	form := widget.NewForm(
		widget.NewFormItem(tr("whatif.target", map[string]any{"Currency": p.plan.Currency}), p.target),
		widget.NewFormItem(tr("whatif.by"), p.by),
	)
	return container.NewVBox(subheading(tr("whatif.target.title")), wrapped(tr("whatif.target.help")), form,
		container.NewHBox(run), p.result)
}

// workBack reads the target and shows what it takes.
func (p *whatIfPanel) workBack() {
	u, id := p.s.u, p.s.org.ID
	l := u.lang()
	amount, err := parseAmount(p.target.Text, l)
	if err != nil {
		p.result.Objects = []fyne.CanvasObject{wrapped(tr("whatif.target.bad"))}
		p.result.Refresh()
		return
	}
	by := p.months[max(0, p.by.SelectedIndex())]
	now := time.Now()
	background(u, "working back from the target", func(ctx context.Context) (workback.Plan, error) {
		return usecase.WorkBack(ctx, u.db, id, amount, by, now)
	}, func(plan workback.Plan) {
		p.result.Objects = []fyne.CanvasObject{p.planView(plan)}
		p.result.Refresh()
	})
}

// parseAmount reads a typed target with the app's number parser (the
// language's separators, a currency sign allowed); it must be positive.
func parseAmount(s string, l locale.Lang) (float64, error) {
	v, err := parseNumber(l, s, diagnostic.UnitMoney)
	if err != nil || !(v > 0) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%q is not a positive amount: %w", s, diagnostic.ErrInvalid)
	}
	return v, nil
}

// planView is a work-back's result: the required volumes against the run
// rate, and the rates without enough data.
func (p *whatIfPanel) planView(plan workback.Plan) fyne.CanvasObject {
	l := p.s.u.lang()
	money := func(v float64) string { return l.Money(v, plan.Currency, 0) }
	volume := func(v *float64) string {
		if v == nil {
			return tr("whatif.notenough")
		}
		return l.Number(math.Ceil(*v-1e-9), 0)
	}
	perMonth := func(v *float64) string {
		if v == nil {
			return ""
		}
		return tr("whatif.permonth", map[string]any{"N": l.Number(*v, 1)})
	}
	rows := []fyne.CanvasObject{
		wrapped(tr("whatif.plan.head", map[string]any{"Amount": money(plan.Revenue), "From": l.MonthYear(plan.From.Year, plan.From.Month),
			"By": l.MonthYear(plan.By.Year, plan.By.Month), "Months": count(plan.Months, "whatif.month.one", "whatif.month.other")})),
	}
	form := widget.NewForm(
		widget.NewFormItem(tr("whatif.wondeals"), widget.NewLabel(strings.TrimSpace(volume(plan.Required.WonDeals)+"  "+perMonth(plan.PerMonth.WonDeals)))),
		widget.NewFormItem(tr("whatif.opportunities.new"), widget.NewLabel(strings.TrimSpace(volume(plan.Required.Opportunities)+"  "+perMonth(plan.PerMonth.Opportunities)))),
		widget.NewFormItem(tr("whatif.pipeline"), widget.NewLabel(optMoney(plan.Required.Pipeline, money))),
		widget.NewFormItem(tr("whatif.leads"), widget.NewLabel(volume(plan.Required.Leads))),
	)
	rows = append(rows, form)
	rr := plan.RunRate
	pace, gap := "whatif.runrate", plan.Gap.Revenue
	if gap < 0 {
		pace, gap = "whatif.runrate.ahead", -gap
	}
	rows = append(rows, wrapped(tr(pace, map[string]any{"Months": count(rr.Months, "whatif.month.one", "whatif.month.other"),
		"Revenue": money(rr.RevenueAtRunRate), "Gap": money(gap), "Open": money(rr.OpenPipeline)})))
	if plan.Late {
		rows = append(rows, wrapped(tr("whatif.late")))
	} else if plan.OpportunitiesBy != nil {
		rows = append(rows, wrapped(tr("whatif.openby", map[string]any{"Date": l.Date(*plan.OpportunitiesBy)})))
	}
	if len(plan.NotEnough) > 0 {
		rows = append(rows, wrapped(tr("whatif.notenough.list", map[string]any{"Rates": p.rateNames(plan.NotEnough)})))
	}
	return container.NewVBox(rows...)
}

// optMoney is an amount, or "not enough data".
func optMoney(v *float64, money func(float64) string) string {
	if v == nil {
		return tr("whatif.notenough")
	}
	return money(*v)
}

// rateNames are the work-back's rate ids as the glossary names them (its
// KPI ids, but for the cycle).
func (p *whatIfPanel) rateNames(ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		if id == "cycle_days" {
			id = "sales_cycle_days"
		}
		out[i] = p.s.kpiName(id)
	}
	return strings.Join(out, ", ")
}

// leversView is the what-if: one slider per lever with its value before
// and after, and the revenue per month it gives.
func (p *whatIfPanel) leversView() fyne.CanvasObject {
	head := container.NewVBox(subheading(tr("whatif.levers.title")), wrapped(tr("whatif.levers.help")))
	v := p.plan.Velocity
	if v == nil {
		return container.NewVBox(head, wrapped(tr("whatif.novelocity", map[string]any{"Rates": p.rateNames(p.plan.NotEnough)})))
	}
	form := widget.NewForm()
	for i, lv := range whatIfLevers {
		s := widget.NewSlider(-leverRange, leverRange)
		s.Step = leverStep
		s.OnChanged = func(float64) { p.update() }
		p.sliders[i] = s
		p.values[i] = widget.NewLabel("")
		name := tr(lv.key)
		if lv.kpi != "" {
			name = p.s.kpiName(lv.kpi)
		}
		form.Append(name, container.NewGridWithColumns(2, s, p.values[i]))
	}
	p.effect = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.effect.Wrapping = fyne.TextWrapWord
	reset := widget.NewButtonWithIcon(tr("whatif.reset"), theme.ViewRefreshIcon(), func() {
		for _, s := range p.sliders {
			s.SetValue(0)
		}
		p.update()
	})
	p.update()
	return container.NewVBox(head, form, p.effect, container.NewHBox(reset))
}

// levers reads the sliders as relative changes.
func (p *whatIfPanel) levers() workback.Levers {
	return workback.Levers{Opportunities: p.sliders[0].Value / 100, WinRate: p.sliders[1].Value / 100,
		AvgDealSize: p.sliders[2].Value / 100, CycleDays: p.sliders[3].Value / 100}
}

// update shows each lever before and after and the revenue effect.
func (p *whatIfPanel) update() {
	v := p.plan.Velocity
	w, err := v.Apply(p.levers())
	if err != nil { // the sliders stop at −50 %: cannot happen
		p.effect.SetText(userMessage(err))
		return
	}
	l := p.s.u.lang()
	money := func(x float64) string { return l.Money(x, p.plan.Currency, 0) }
	days := func(x float64) string { return tr("whatif.days", map[string]any{"N": l.Number(x, 0)}) }
	before := [4]string{l.Number(v.Opportunities, 0), l.Percent(v.WinRate, 1), money(v.AvgDealSize), days(v.CycleDays)}
	after := [4]string{l.Number(w.Velocity.Opportunities, 0), l.Percent(w.Velocity.WinRate, 1), money(w.Velocity.AvgDealSize), days(w.Velocity.CycleDays)}
	for i := range p.values {
		text := before[i]
		if p.sliders[i].Value != 0 {
			text = tr("whatif.change", map[string]any{"Before": before[i], "After": after[i], "Change": locale.Signed(p.sliders[i].Value, l.Percent(p.sliders[i].Value/100, 0))})
		}
		p.values[i].SetText(text)
	}
	if w.Levers == (workback.Levers{}) {
		p.effect.SetText(tr("whatif.effect.none", map[string]any{"Before": money(v.RevenuePerMonth)}))
		return
	}
	change := ""
	if v.RevenuePerMonth > 0 {
		change = locale.Signed(w.Effect, l.Percent(w.Effect/v.RevenuePerMonth, 0))
	}
	p.effect.SetText(tr("whatif.effect", map[string]any{"Before": money(v.RevenuePerMonth), "After": money(w.Velocity.RevenuePerMonth),
		"Effect": locale.Signed(w.Effect, money(w.Effect)), "Change": change, "Year": locale.Signed(w.Effect, money(w.Effect*12))}))
}

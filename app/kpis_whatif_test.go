package app

import (
	"context"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/store"
	"github.com/revopsdx/revopsdx/diagnostic/workback"
	"github.com/revopsdx/revopsdx/usecase"
)

// openWhatIf opens org's KPI screen on the "Target and what-if" tab by
// tapping the tab, and waits for the rates.
func openWhatIf(t *testing.T, u *ui, org int64) *whatIfPanel {
	t.Helper()
	s := openKPIs(t, u, org)
	for _, o := range test.LaidOutObjects(u.win.Content()) { // the tab's button, as a click
		if tp, ok := o.(fyne.Tappable); ok && tapLabel(o) == tr("kpis.tab.whatif") {
			test.Tap(tp)
		}
	}
	u.settle()
	if s.tabs.SelectedIndex() != 3 {
		t.Fatalf("the tab did not open: %d", s.tabs.SelectedIndex())
	}
	return s.whatIf
}

// demoWhatIf opens the demo organisation's what-if tab on a fresh window
// and database (closed when the test ends).
func demoWhatIf(t *testing.T) (*store.Store, int64, *ui, *whatIfPanel) {
	t.Helper()
	db := openTestStore(t, tempDB(t))
	t.Cleanup(func() { db.Close() })
	org := demoOrg(t, db)
	u := newTestUI(t, db)
	return db, org, u, openWhatIf(t, u, org)
}

// TestWhatIfLevers moves each sales-velocity lever on the demo and checks
// the revenue effect shown against workback's velocity for the same
// levers, in both languages; the reset puts every lever back.
func TestWhatIfLevers(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	org := demoOrg(t, db)
	base, err := usecase.WorkBack(context.Background(), db, org, 1, diagnostic.MonthOf(time.Now()), time.Now())
	if err != nil || base.Velocity == nil {
		t.Fatalf("the demo has no velocity: %v", err)
	}
	u := newTestUI(t, db)
	for _, l := range locale.Langs() {
		u.setLanguage(l)
		p := openWhatIf(t, u, org)
		if p.effect == nil {
			t.Fatalf("%s: no levers on the tab: %q", l, texts(u))
		}
		moves := []workback.Levers{{Opportunities: 0.2}, {WinRate: 0.1}, {AvgDealSize: -0.15}, {CycleDays: -0.3}, {Opportunities: 0.1, WinRate: 0.1, AvgDealSize: 0.1, CycleDays: -0.1}}
		for _, m := range moves {
			for i, v := range []float64{m.Opportunities, m.WinRate, m.AvgDealSize, m.CycleDays} {
				p.sliders[i].SetValue(v * 100) // as a drag does: OnChanged runs
			}
			u.settle()
			w, err := base.Velocity.Apply(m)
			if err != nil {
				t.Fatal(err)
			}
			after := l.Money(w.Velocity.RevenuePerMonth, base.Currency, 0)
			effect := locale.Signed(w.Effect, l.Money(w.Effect, base.Currency, 0))
			if !strings.Contains(p.effect.Text, after) || !strings.Contains(p.effect.Text, effect) {
				t.Errorf("%s %+v: shows %q, want %s and %s", l, m, p.effect.Text, after, effect)
			}
			if (w.Effect > 0) != (m.Opportunities+m.WinRate+m.AvgDealSize-m.CycleDays > 0) {
				t.Errorf("%s %+v: effect %v has the wrong sign", l, m, w.Effect)
			}
		}
		tapButton(t, u, tr("whatif.reset"))
		for i, s := range p.sliders {
			if s.Value != 0 {
				t.Errorf("%s: lever %d not reset", l, i)
			}
		}
		if want := tr("whatif.effect.none", map[string]any{"Before": l.Money(base.Velocity.RevenuePerMonth, base.Currency, 0)}); p.effect.Text != want {
			t.Errorf("%s: after the reset %q, want %q", l, p.effect.Text, want)
		}
	}
}

// TestWhatIfWorkBack types a target and checks the figures shown against
// the work-back command's use case; a bad amount is explained, and an
// organisation without deals is told to import them.
func TestWhatIfWorkBack(t *testing.T) {
	db, org, u, p := demoWhatIf(t)
	p.target.SetText("abc")
	tapButton(t, u, tr("whatif.workback"))
	u.settle()
	if !shows(u, tr("whatif.target.bad")) {
		t.Errorf("a bad amount is not explained: %q", texts(u))
	}
	p.target.SetText("1,500,000")
	p.by.SetSelectedIndex(5)
	tapButton(t, u, tr("whatif.workback"))
	u.settle()
	want, err := usecase.WorkBack(context.Background(), db, org, 1500000, p.months[5], time.Now())
	if err != nil {
		t.Fatal(err)
	}
	l := u.lang()
	exact := func(s string) bool { return slices.Contains(texts(u), s) }
	perMonth := func(total, month *float64) string {
		return l.Number(math.Ceil(*total-1e-9), 0) + "  " + tr("whatif.permonth", map[string]any{"N": l.Number(*month, 1)})
	}
	if want.Required.WonDeals == nil || want.Required.Opportunities == nil || want.Required.Leads == nil || want.Required.Pipeline == nil {
		t.Fatalf("the demo lacks a rate: %+v", want.Required)
	}
	for name, s := range map[string]string{
		"won deals":     perMonth(want.Required.WonDeals, want.PerMonth.WonDeals),
		"opportunities": perMonth(want.Required.Opportunities, want.PerMonth.Opportunities),
		"leads":         l.Number(math.Ceil(*want.Required.Leads-1e-9), 0),
	} {
		if !exact(s) {
			t.Errorf("%s: %q not shown: %q", name, s, texts(u))
		}
	}
	if s := l.Money(*want.Required.Pipeline, want.Currency, 0); !shows(u, s) {
		t.Errorf("pipeline %s not shown", s)
	}
	if !shows(u, l.Money(1500000, want.Currency, 0)) {
		t.Errorf("the target is not restated: %q", texts(u))
	}

	empty := mustOrg(t, db, "No Deals")
	openWhatIf(t, u, empty.ID)
	if !shows(u, "There are no deals to work from yet") {
		t.Errorf("an organisation without deals: %q", texts(u))
	}
}

// TestParseAmount reads targets typed in each language.
func TestParseAmount(t *testing.T) {
	for _, c := range []struct {
		l    locale.Lang
		in   string
		want float64
	}{
		{locale.ES, "1.200.000", 1200000}, {locale.EN, "1,200,000", 1200000}, {locale.ES, "250000,50", 250000.5},
		{locale.EN, "€ 90,000", 90000}, {locale.ES, "0", -1}, {locale.EN, "-5", -1}, {locale.ES, "", -1}, {locale.EN, "ten", -1},
	} {
		got, err := parseAmount(c.in, c.l)
		if c.want < 0 {
			if err == nil {
				t.Errorf("%s %q: read %v, want an error", c.l, c.in, got)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("%s %q: %v %v, want %v", c.l, c.in, got, err, c.want)
		}
	}
}

// TestWhatIfKeepsInputs: leaving the tab for another of the KPI screen and
// coming back reloads the rates but keeps the typed target, the month, the
// moved levers and the result.
func TestWhatIfKeepsInputs(t *testing.T) {
	_, _, u, p := demoWhatIf(t)
	p.target.SetText("900,000")
	p.by.SetSelectedIndex(3)
	p.sliders[2].SetValue(15)
	tapButton(t, u, tr("whatif.workback"))
	u.settle()
	effect := p.effect.Text
	u.kpis.tabs.SelectIndex(0)
	u.settle()
	u.kpis.tabs.SelectIndex(3)
	u.settle()
	if p.target.Text != "900,000" || p.by.SelectedIndex() != 3 || p.sliders[2].Value != 15 || p.effect.Text != effect {
		t.Errorf("after coming back: target %q, month %d, deal size lever %v, effect %q (was %q)", p.target.Text, p.by.SelectedIndex(), p.sliders[2].Value, p.effect.Text, effect)
	}
	if !shows(u, l10nMoney(u, 900000)) {
		t.Errorf("the work-back is gone: %q", texts(u))
	}
}

// l10nMoney is an amount in the organisation's currency as the UI writes it.
func l10nMoney(u *ui, v float64) string { return u.lang().Money(v, u.kpis.whatIf.plan.Currency, 0) }

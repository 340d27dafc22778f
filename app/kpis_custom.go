package app

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/unicode/norm"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// customUnits are the units offered for a custom KPI.
var customUnits = []diagnostic.Unit{diagnostic.UnitCount, diagnostic.UnitMoney, diagnostic.UnitPercent, diagnostic.UnitRatio, diagnostic.UnitDays, diagnostic.UnitMonths, diagnostic.UnitScore}

// onAddCustom asks for a custom KPI (names in both languages, unit,
// direction, cadence) and adds it to the catalogue and the plan.
func (p *planTable) onAddCustom() {
	nameES, nameEN := widget.NewEntry(), widget.NewEntry()
	nameES.SetPlaceHolder(tr("kpis.custom.name_es.placeholder"))
	nameEN.SetPlaceHolder(tr("kpis.custom.name_en.placeholder"))
	unitNames := make([]string, len(customUnits))
	for i, u := range customUnits {
		unitNames[i] = tr("kpis.unit." + string(u))
	}
	unit := widget.NewSelect(unitNames, nil)
	unit.SetSelectedIndex(0)
	dir := widget.NewRadioGroup([]string{tr("kpis.direction.higher"), tr("kpis.direction.lower")}, nil)
	dir.SetSelected(tr("kpis.direction.higher"))
	cadNames := make([]string, len(cadences))
	for i, c := range cadences {
		cadNames[i] = tr("checklist.cadence." + string(c))
	}
	cad := widget.NewSelect(cadNames, nil)
	cad.SetSelectedIndex(1)
	nameES.Validator = func(string) error {
		if strings.TrimSpace(nameES.Text) == "" && strings.TrimSpace(nameEN.Text) == "" {
			return fmt.Errorf("%s", tr("kpis.custom.name.required"))
		}
		return nil
	}
	items := []*widget.FormItem{
		widget.NewFormItem(tr("kpis.custom.name_es"), nameES),
		widget.NewFormItem(tr("kpis.custom.name_en"), nameEN),
		widget.NewFormItem(tr("kpis.custom.unit"), unit),
		widget.NewFormItem(tr("kpis.custom.direction"), dir),
		widget.NewFormItem(tr("kpis.col.cadence"), cad),
	}
	var d dialog.Dialog
	d = dialog.NewForm(tr("kpis.custom.title"), tr("kpis.custom.add"), tr("action.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		if err := nameES.Validator(nameES.Text); err != nil {
			// Add pressed before a name was typed: say so in the form.
			nameES.SetValidationError(err)
			d.Show()
			return
		}
		k := diagnostic.CustomKPI{NameES: strings.TrimSpace(nameES.Text), NameEN: strings.TrimSpace(nameEN.Text),
			Unit: customUnits[unit.SelectedIndex()], Direction: diagnostic.HigherIsBetter, Cadence: cadences[cad.SelectedIndex()]}
		if dir.Selected == tr("kpis.direction.lower") {
			k.Direction = diagnostic.LowerIsBetter
		}
		p.addCustom(k)
	}, p.s.u.win)
	d.Show()
}

// addCustom gives k a free id from its name and stores it with a plan item.
func (p *planTable) addCustom(k diagnostic.CustomKPI) {
	name := k.NameEN
	if name == "" {
		name = k.NameES
	}
	k.ID = p.freeID(slug(name))
	db, org := p.s.u.db, p.s.org.ID
	p.s.u.save("adding a custom KPI", func(ctx context.Context) error {
		if err := db.SetCustomKPI(ctx, org, k); err != nil {
			return err
		}
		return db.SetPlanItem(ctx, org, diagnostic.PlanItem{KPI: k.ID, Cadence: k.Cadence})
	})
	p.s.reload()
}

// freeID makes id unique among the catalogue's KPIs and inputs.
func (p *planTable) freeID(id string) string {
	taken := func(s string) bool {
		_, k := p.s.cat.Def(s)
		_, in := p.s.cat.Input(s)
		return k || in || slices.Contains(p.s.planKPIs(), s)
	}
	out := id
	for n := 2; taken(out); n++ {
		out = fmt.Sprintf("%s_%d", id, n)
	}
	return out
}

// slug turns a name into a KPI id: lower-case ASCII letters, digits and
// underscores, starting with a letter ("Demos held" → "custom_demos_held").
func slug(name string) string {
	var b strings.Builder
	b.WriteString("custom_")
	under := false
	for _, r := range norm.NFD.String(strings.ToLower(name)) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
			under = false
		case unicode.Is(unicode.Mn, r):
		default:
			if !under {
				b.WriteByte('_')
				under = true
			}
		}
		if b.Len() >= 44 {
			break
		}
	}
	return strings.TrimRight(b.String(), "_")
}

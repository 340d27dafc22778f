package app

import (
	"context"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/kpi"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// kpiData is what the KPI screen loads: the objectives, the plan, the
// custom KPIs and every monthly value of the organisation.
type kpiData struct {
	objectives []diagnostic.Objective
	plan       []diagnostic.PlanItem
	custom     []diagnostic.CustomKPI
	obs        []diagnostic.Observation
}

// fetchKPIData reads what the KPI screen shows.
func fetchKPIData(ctx context.Context, db planStore, orgID int64) (kpiData, error) {
	var d kpiData
	var err error
	if d.objectives, err = db.Objectives(ctx, orgID); err != nil {
		return d, err
	}
	if d.plan, err = db.Plan(ctx, orgID); err != nil {
		return d, err
	}
	if d.custom, err = db.CustomKPIs(ctx, orgID); err != nil {
		return d, err
	}
	d.obs, err = db.Observations(ctx, orgID, store.Range{})
	return d, err
}

// kpiScreen is the KPI plan, the data grid, the per-KPI detail and the
// import wizard of the current organisation.
type kpiScreen struct {
	u    *ui
	org  store.Org
	body *fyne.Container
	tabs *container.AppTabs
	cat  *kpi.Catalogue // with the organisation's custom KPIs
	data kpiData

	plan   *planTable
	grid   *dataGrid
	detail *kpiDetail
	whatIf *whatIfPanel
	wizard *importWizard
}

// kpisView builds the KPI screen and loads its data in the background.
func (u *ui) kpisView() fyne.CanvasObject {
	if u.db == nil {
		return u.noDatabase()
	}
	if u.sess.org.ID == 0 {
		return container.NewVBox(heading(tr("nav.kpis")), u.noOrg())
	}
	s := &kpiScreen{u: u, org: u.sess.org, body: container.NewStack(widget.NewProgressBarInfinite())}
	u.kpis = s
	s.reload()
	return s.body
}

// reload reads the plan and the values again and rebuilds the screen,
// keeping the tab on show.
func (s *kpiScreen) reload() {
	db, id := s.u.db, s.org.ID
	s.u.busy.Add(1)
	go func() {
		defer s.u.busy.Done()
		s.u.saver.wait()
		d, err := fetchKPIData(context.Background(), db, id)
		s.u.post(func() { s.apply(d, err) })
	}()
}

func (s *kpiScreen) apply(d kpiData, err error) {
	if s.wizard != nil {
		return // a file chosen before the data arrived: the wizard keeps the screen (it reloads on close)
	}
	if err != nil {
		s.set(wrapped(userMessage(err)))
		s.u.showError(err)
		return
	}
	base, err := kpi.LoadCatalogue()
	if err == nil {
		s.cat, err = base.WithCustom(d.custom)
	}
	if err != nil {
		s.u.showError(err)
		return
	}
	s.data = d
	tab := 0
	if s.tabs != nil {
		tab = s.tabs.SelectedIndex()
	}
	s.plan = newPlanTable(s)
	s.grid = newDataGrid(s)
	s.detail = newKPIDetail(s)
	s.whatIf = newWhatIfPanel(s)
	s.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(tr("kpis.tab.plan"), theme.ListIcon(), s.plan.view()),
		container.NewTabItemWithIcon(tr("kpis.tab.data"), theme.GridIcon(), s.grid.view()),
		container.NewTabItemWithIcon(tr("kpis.tab.detail"), theme.InfoIcon(), s.detail.view()),
		container.NewTabItemWithIcon(tr("kpis.tab.whatif"), theme.MediaFastForwardIcon(), s.whatIf.view()),
	)
	s.tabs.OnSelected = s.onTab
	s.tabs.SelectIndex(tab)
	imp := widget.NewButtonWithIcon(tr("kpis.import"), theme.UploadIcon(), s.onImport)
	title := heading(tr("kpis.title", map[string]any{"Org": s.org.Name}))
	s.set(container.NewBorder(container.NewBorder(nil, nil, nil, container.NewVBox(imp), title), nil, nil, nil, s.tabs))
}

func (s *kpiScreen) set(o fyne.CanvasObject) {
	s.body.Objects = []fyne.CanvasObject{o}
	s.body.Refresh()
}

// onTab refreshes the detail's analysis and the what-if's rates when
// their tab is chosen (the plan or the values may have changed).
func (s *kpiScreen) onTab(t *container.TabItem) {
	switch s.tabs.SelectedIndex() {
	case 2:
		s.detail.load()
	case 3:
		s.whatIf.load()
	}
}

// kpiName is a KPI's or input's name in the interface language.
func (s *kpiScreen) kpiName(id string) string {
	l := s.u.lang()
	if d, ok := s.cat.Def(id); ok {
		return d.Name(l)
	}
	if in, ok := s.cat.Input(id); ok {
		return l.Pick(in.NameES, in.NameEN)
	}
	return id
}

// unitOf is the unit of a KPI or input.
func (s *kpiScreen) unitOf(id string) diagnostic.Unit {
	if d, ok := s.cat.Def(id); ok {
		return d.Unit
	}
	if in, ok := s.cat.Input(id); ok {
		return in.Unit
	}
	return ""
}

// planKPIs lists the KPIs of the plan, in plan order.
func (s *kpiScreen) planKPIs() []string {
	out := make([]string, len(s.data.plan))
	for i, it := range s.data.plan {
		out[i] = it.KPI
	}
	return out
}

// allKPIs lists the plan's KPIs first, then the rest of the catalogue.
func (s *kpiScreen) allKPIs() []string {
	out := s.planKPIs()
	for _, d := range s.cat.KPIs {
		if !slices.Contains(out, d.ID) {
			out = append(out, d.ID)
		}
	}
	return out
}

// now is the screen's "today".
func (s *kpiScreen) now() time.Time { return time.Now() }

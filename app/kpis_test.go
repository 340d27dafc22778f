package app

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// openKPIs opens org on the KPI screen.
func openKPIs(t *testing.T, u *ui, org int64) *kpiScreen {
	t.Helper()
	u.openOrg(org)
	u.settle()
	u.goTo(screenKPIs)
	u.settle()
	if u.kpis == nil || u.kpis.plan == nil {
		t.Fatalf("KPI screen not loaded: %q", texts(u))
	}
	return u.kpis
}

// TestPlanEditPersisted chooses an objective, adds the suggested KPIs,
// then edits the first KPI's owner, cadence and target in the table and
// reads the plan back from the store.
func TestPlanEditPersisted(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	org := mustOrg(t, db, "Plan Co")
	u := newTestUI(t, db)
	s := openKPIs(t, u, org.ID)
	if !shows(u, "The plan is empty") {
		t.Fatalf("empty plan not explained: %q", texts(u))
	}
	s.plan.objs[slices.Index(diagnostic.Objectives, diagnostic.ObjSalesEfficiency)].SetChecked(true)
	tapButton(t, u, "Save objectives and add suggested KPIs")
	u.settle()
	ctx := context.Background()
	want := s.cat.Suggest([]diagnostic.Objective{diagnostic.ObjSalesEfficiency})
	plan, err := db.Plan(ctx, org.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan) != len(want) || len(want) == 0 {
		t.Fatalf("plan has %d KPIs, want the %d suggested %v", len(plan), len(want), want)
	}
	objs, _ := db.Objectives(ctx, org.ID)
	if len(objs) != 1 || objs[0] != diagnostic.ObjSalesEfficiency {
		t.Errorf("objectives stored: %v", objs)
	}

	s = u.kpis
	first := s.data.plan[0].KPI
	unit := s.unitOf(first)
	cell := func(col int) *fyne.Container {
		o := s.plan.table.CreateCell()
		s.plan.table.UpdateCell(widget.TableCellID{Row: 0, Col: col}, o)
		return o.(*fyne.Container)
	}
	owner := cell(planColOwner).Objects[1].(*cellEntry)
	test.Type(owner, "Ana")
	owner.FocusLost()
	sel := cell(planColCadence).Objects[2].(*widget.Select)
	sel.SetSelected("Weekly")
	target := cell(planColTarget).Objects[1].(*cellEntry)
	test.Type(target, "abc")
	target.OnSubmitted(target.Text)
	if !shows(u, `"abc" is not a number`) {
		t.Errorf("bad target not reported: %q", texts(u))
	}
	target.SetText("25")
	target.OnSubmitted(target.Text)
	u.settle()

	plan, err = db.Plan(ctx, org.ID)
	if err != nil {
		t.Fatal(err)
	}
	it := plan[0]
	// A percent KPI reads "25" as 25 % = 0.25; any other unit as 25.
	wantTarget := 25.0
	if unit == diagnostic.UnitPercent {
		wantTarget = 0.25
	}
	if it.KPI != first || it.Owner != "Ana" || it.Cadence != diagnostic.CadenceWeekly || len(it.Targets) != 1 || it.Targets[0].Value != wantTarget {
		t.Errorf("stored %+v, want owner Ana, weekly, one target %g (the bad one not stored)", it, wantTarget)
	}
}

// TestDataGridEdit types a value into the grid, a bad one, and deletes one.
func TestDataGridEdit(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	org := mustOrg(t, db, "Grid Co")
	u := newTestUI(t, db)
	s := openKPIs(t, u, org.ID)
	g := s.grid
	col := -1
	for i, m := range g.metrics {
		if m == "revenue" {
			col = i
		}
	}
	if col < 0 || len(g.months) < gridMonths {
		t.Fatalf("grid has %d months and metrics %v", len(g.months), g.metrics)
	}
	e := g.table.CreateCell().(*cellEntry)
	g.table.UpdateCell(widget.TableCellID{Row: 0, Col: col}, e)
	e.SetText("1,234.5")
	e.OnSubmitted(e.Text)
	bad := g.table.CreateCell().(*cellEntry)
	g.table.UpdateCell(widget.TableCellID{Row: 1, Col: col}, bad)
	bad.SetText("12x")
	bad.OnSubmitted(bad.Text)
	u.settle()
	obs, err := db.Observations(context.Background(), org.ID, store.Range{})
	if err != nil {
		t.Fatal(err)
	}
	if len(obs) != 1 || obs[0].Metric != "revenue" || obs[0].Value != 1234.5 || obs[0].Month != g.months[0] {
		t.Fatalf("stored %+v, want revenue 1234.5 for %s only", obs, g.months[0])
	}
	if !strings.Contains(g.status.Text, `"12x" is not a number`) {
		t.Errorf("bad value not reported: %q", g.status.Text)
	}
	e.SetText("")
	e.OnSubmitted("")
	u.settle()
	if obs, _ := db.Observations(context.Background(), org.ID, store.Range{}); len(obs) != 0 {
		t.Errorf("after emptying the cell: %+v", obs)
	}
}

// fixture is a file of the importer's test data.
func fixture(name string) string {
	return filepath.Join("..", "diagnostic", "importer", "testdata", name)
}

// TestImportWizardMapping imports HubSpot deals through the wizard: the
// preview shows the file's headers, the mapping step is pre-filled
// (Amount → amount), and the deals reach the store.
func TestImportWizardMapping(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	org := mustOrg(t, db, "Import Co")
	u := newTestUI(t, db)
	s := openKPIs(t, u, org.ID)
	s.startImport(fixture("hubspot_deals.csv"))
	u.settle()
	w := s.wizard
	if w.det.Kind != "deals" || !shows(u, "Read as deals") {
		t.Fatalf("detected %q: %q", w.det.Kind, texts(u))
	}
	tapButton(t, u, "Next: columns")
	if w.choice["amount"] != "Amount" || w.choice["stage"] != "Deal Stage" {
		t.Fatalf("mapping not pre-filled: %v", w.choice)
	}
	// The user says the owner column is not to be read.
	w.choice["owner"] = ""
	tapButton(t, u, "Import")
	u.settle()
	if w.err != nil {
		t.Fatalf("import failed: %v (%q)", w.err, texts(u))
	}
	if !shows(u, "rows imported") {
		t.Errorf("no summary: %q", texts(u))
	}
	deals, err := db.Deals(context.Background(), org.ID, store.Range{})
	if err != nil {
		t.Fatal(err)
	}
	if len(deals) != w.sum.Records || len(deals) == 0 {
		t.Fatalf("%d deals stored, summary says %d", len(deals), w.sum.Records)
	}
	for _, d := range deals {
		if d.Owner != "" {
			t.Errorf("deal %s has owner %q although the column was left out", d.ExternalID, d.Owner)
		}
	}
	tapButton(t, u, "Done")
	u.settle()
	if s.wizard != nil || u.kpis.plan == nil {
		t.Error("the wizard did not return to the KPI screen")
	}
}

// TestImportWizardBadFile imports a file with bad rows: the summary lists
// them and nothing is written.
func TestImportWizardBadFile(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	org := mustOrg(t, db, "Bad Co")
	u := newTestUI(t, db)
	s := openKPIs(t, u, org.ID)
	s.startImport(fixture("deals_problems.csv"))
	u.settle()
	tapButton(t, u, "Next: columns")
	tapButton(t, u, "Import")
	u.settle()
	w := s.wizard
	if w.err == nil {
		t.Fatal("a file with bad rows imported")
	}
	if !shows(u, "Nothing was imported") || !shows(u, "Rejected rows") {
		t.Errorf("summary: %q", texts(u))
	}
	if l := findList(u); l == nil || l.Length() == 0 {
		t.Error("no rejected rows listed")
	}
	ctx := context.Background()
	deals, _ := db.Deals(ctx, org.ID, store.Range{})
	imps, _ := db.Imports(ctx, org.ID)
	if len(deals) != 0 || len(imps) != 0 {
		t.Errorf("after a failed import: %d deals, %d imports", len(deals), len(imps))
	}
}

// TestImportWizardKPITable imports a wide monthly KPI table (Windows-1252,
// semicolons, decimal commas): the mapping offers the period and each
// metric column found, and the values reach the store.
func TestImportWizardKPITable(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	org := mustOrg(t, db, "Table Co")
	u := newTestUI(t, db)
	s := openKPIs(t, u, org.ID)
	s.startImport(fixture("kpis_wide_win1252.csv"))
	u.settle()
	w := s.wizard
	if w.det.Kind != "kpis" || w.fields[0] != "period" || w.choice["period"] != "Mes" || w.choice["revenue"] != "Ingresos" {
		t.Fatalf("kind %q, fields %v, choice %v", w.det.Kind, w.fields, w.choice)
	}
	w.onNext()
	w.onRun()
	u.settle()
	if w.err != nil {
		t.Fatalf("import failed: %v", w.err)
	}
	obs, err := db.Observations(context.Background(), org.ID, store.Range{}, "revenue")
	if err != nil {
		t.Fatal(err)
	}
	// First data row: ene-24;12.345,50 → revenue 12345.5 for 2024-01.
	if len(obs) == 0 || obs[0].Month.String() != "2024-01" || obs[0].Value != 12345.5 {
		t.Errorf("revenue stored: %+v", obs)
	}
}

// TestImportWizardCancel cancels an import before it writes (the import
// goroutine is held behind a pending write): the summary says so and
// nothing is stored.
func TestImportWizardCancel(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	org := mustOrg(t, db, "Cancel Co")
	u := newTestUI(t, db)
	s := openKPIs(t, u, org.ID)
	s.startImport(fixture("hubspot_deals.csv"))
	u.settle()
	w := s.wizard
	w.onNext()
	hold := make(chan struct{})
	u.saver.do(func() { <-hold })
	w.onRun()
	if !shows(u, "Importing…") {
		t.Errorf("no progress page: %q", texts(u))
	}
	tapButton(t, u, "Cancel")
	close(hold)
	u.settle()
	if !errors.Is(w.err, context.Canceled) || !shows(u, "Import cancelled.") {
		t.Errorf("after Cancel: %v, %q", w.err, texts(u))
	}
	deals, _ := db.Deals(context.Background(), org.ID, store.Range{})
	imps, _ := db.Imports(context.Background(), org.ID)
	if len(deals) != 0 || len(imps) != 0 {
		t.Errorf("after cancelling: %d deals, %d imports", len(deals), len(imps))
	}
}

// TestCustomKPIAndRetire adds a custom KPI (its id made from the name) and
// retires it; both are stored and the retired KPI is named so.
func TestCustomKPIAndRetire(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	org := mustOrg(t, db, "Custom Co")
	u := newTestUI(t, db)
	s := openKPIs(t, u, org.ID)
	s.plan.addCustom(diagnostic.CustomKPI{NameES: "Demos realizadas", NameEN: "Demos held", Unit: diagnostic.UnitCount,
		Direction: diagnostic.HigherIsBetter, Cadence: diagnostic.CadenceMonthly})
	u.settle()
	ctx := context.Background()
	custom, _ := db.CustomKPIs(ctx, org.ID)
	if len(custom) != 1 || custom[0].ID != "custom_demos_held" {
		t.Fatalf("custom KPIs stored: %+v", custom)
	}
	s = u.kpis
	if len(s.data.plan) != 1 || s.kpiName(s.data.plan[0].KPI) != "Demos held" {
		t.Fatalf("plan shown: %+v", s.data.plan)
	}
	s.plan.onRetire(0)
	u.settle()
	plan, _ := db.Plan(ctx, org.ID)
	if len(plan) != 1 || !plan[0].Retired {
		t.Errorf("plan after retiring: %+v", plan)
	}
	if got := slug("Tasa de éxito (%) – Q1"); got != "custom_tasa_de_exito_q1" {
		t.Errorf("slug = %q", got)
	}
}

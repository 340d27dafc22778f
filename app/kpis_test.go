package app

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/importer"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
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
	s.plan.objs[slices.Index(diagnostic.Objectives(), diagnostic.ObjSalesEfficiency)].SetChecked(true)
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

// importWizardOn opens the KPI screen of a new organisation in a fresh
// database, starts the import wizard on a fixture and lets it read the
// preview. The database is closed when the test ends.
func importWizardOn(t *testing.T, org, file string, lang locale.Lang) (*store.Store, *ui, *kpiScreen) {
	t.Helper()
	db := openTestStore(t, tempDB(t))
	t.Cleanup(func() { db.Close() })
	o := mustOrg(t, db, org)
	u := newTestUI(t, db)
	if lang != locale.EN {
		u.setLanguage(lang)
	}
	s := openKPIs(t, u, o.ID)
	s.startImport(fixture(file))
	u.settle()
	return db, u, s
}

// TestImportWizardMapping imports HubSpot deals through the wizard: the
// preview shows the file's headers, the mapping step is pre-filled
// (Amount → amount), and the deals reach the store.
func TestImportWizardMapping(t *testing.T) {
	db, u, s := importWizardOn(t, "Import Co", "hubspot_deals.csv", locale.EN)
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
	tapButton(t, u, "Next: check the rows")
	u.settle()
	if w.page != wizValidation || w.check.ProblemCount != 0 || !shows(u, "Every row is valid") || !shows(u, "Step 3 of 4") {
		t.Fatalf("validation page: %v, %d problems, %q", w.checkErr, w.check.ProblemCount, texts(u))
	}
	if n, _ := db.Deals(context.Background(), s.org.ID, store.Range{}); len(n) != 0 {
		t.Fatalf("the check wrote %d deals", len(n))
	}
	tapButton(t, u, "Import")
	u.settle()
	if w.err != nil {
		t.Fatalf("import failed: %v (%q)", w.err, texts(u))
	}
	if !shows(u, "rows imported") {
		t.Errorf("no summary: %q", texts(u))
	}
	deals, err := db.Deals(context.Background(), s.org.ID, store.Range{})
	if err != nil {
		t.Fatal(err)
	}
	if len(deals) != w.sum.Records || len(deals) == 0 || len(deals) != w.check.Records {
		t.Fatalf("%d deals stored, summary says %d, the check said %d", len(deals), w.sum.Records, w.check.Records)
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

// TestImportWizardBadFile checks a file with bad rows: the validation
// page counts the rows read and valid, lists the problems in the interface
// language, offers to import the valid rows but not the whole file, and
// has written nothing; "Back to the columns" returns to the mapping.
func TestImportWizardBadFile(t *testing.T) {
	db, u, s := importWizardOn(t, "Bad Co", "deals_problems.csv", locale.EN)
	tapButton(t, u, "Next: columns")
	tapButton(t, u, "Next: check the rows")
	u.settle()
	w := s.wizard
	c := w.check
	if w.checkErr != nil || c.ProblemCount == 0 || c.RowsRead != 10 || c.RowsImported+c.RowsRejected != c.RowsRead || c.RowsImported == 0 {
		t.Fatalf("check: %v, %d read, %d valid, %d rejected, %d problems", w.checkErr, c.RowsRead, c.RowsImported, c.RowsRejected, c.ProblemCount)
	}
	// deals_problems.csv has 10 data rows (D1…D10).
	counts := "Rows read: 10 · valid: " + strconv.Itoa(c.RowsImported) + " · with problems: " + strconv.Itoa(c.RowsRejected) + "."
	if !shows(u, counts) || !shows(u, "Rows with problems") {
		t.Errorf("validation page lacks %q: %q", counts, texts(u))
	}
	if l := findList(u); l == nil || l.Length() != len(c.Problems) {
		t.Error("the problems are not listed")
	}
	// D2's amount "12x" is on row 3 (the header is row 1), column Amount.
	var d2 *importer.Problem
	for i, p := range c.Problems {
		if p.Value == "12x" {
			d2 = &c.Problems[i]
		}
	}
	if d2 == nil || d2.Row != 3 || d2.Column != "Amount" || problemPlace("deals_problems.csv", *d2) != "deals_problems.csv, row 3 · Amount · «12x»" {
		t.Errorf("D2's problem: %+v", d2)
	}
	if first := problemPlace("deals_problems.csv", c.Problems[0]); !shows(u, first) || !shows(u, c.Problems[0].Text(locale.EN)) {
		t.Errorf("first problem %q not on screen: %q", first, texts(u))
	}
	if !hasButton(u, "Import the "+strconv.Itoa(c.RowsImported)+" valid rows") || hasButton(u, "Import") {
		t.Errorf("buttons: want only the import of the valid rows: %q", texts(u))
	}
	ctx := context.Background()
	deals, _ := db.Deals(ctx, s.org.ID, store.Range{})
	imps, _ := db.Imports(ctx, s.org.ID)
	if len(deals) != 0 || len(imps) != 0 {
		t.Errorf("after the check: %d deals, %d imports", len(deals), len(imps))
	}
	tapButton(t, u, "Back to the columns")
	if w.page != wizMapping || !shows(u, "Which column holds what") {
		t.Errorf("back did not return to the mapping: page %d", w.page)
	}
}

// TestImportWizardProblemsInSpanish: with the interface in Spanish the
// validation page counts and explains in Spanish ("no es un número").
func TestImportWizardProblemsInSpanish(t *testing.T) {
	_, u, s := importWizardOn(t, "Mal SL", "deals_problems.csv", locale.ES)
	w := s.wizard
	w.onNext()
	w.onCheck()
	u.settle()
	if !shows(u, "Filas leídas: 10 · válidas: ") || !shows(u, "Filas con problemas") || !shows(u, "Paso 3 de 4") {
		t.Errorf("validation page not in Spanish: %q", texts(u))
	}
	if p := w.check.Problems[0]; !shows(u, p.Text(locale.ES)) || p.Text(locale.ES) == p.Reason {
		t.Errorf("first problem not explained in Spanish (%q): %q", p.Text(locale.ES), texts(u))
	}
}

// TestImportWizardSkipInvalid imports only the valid rows of a file with
// problems: the store gets as many deals as the check found valid, and the
// summary says how many rows were skipped.
func TestImportWizardSkipInvalid(t *testing.T) {
	db, u, s := importWizardOn(t, "Skip Co", "deals_problems.csv", locale.EN)
	w := s.wizard
	w.onNext()
	w.onCheck()
	u.settle()
	valid, rejected := w.check.RowsImported, w.check.RowsRejected
	tapButton(t, u, "Import the "+strconv.Itoa(valid)+" valid rows")
	u.settle()
	if w.err != nil || !w.skip {
		t.Fatalf("import of the valid rows: %v (%q)", w.err, texts(u))
	}
	ctx := context.Background()
	deals, _ := db.Deals(ctx, s.org.ID, store.Range{})
	imps, _ := db.Imports(ctx, s.org.ID)
	if len(deals) != valid || len(imps) != 1 || w.sum.RowsImported != valid || w.sum.RowsRejected != rejected {
		t.Errorf("%d deals and %d imports stored, summary %d imported %d rejected; the check said %d valid, %d rejected",
			len(deals), len(imps), w.sum.RowsImported, w.sum.RowsRejected, valid, rejected)
	}
	if !shows(u, strconv.Itoa(valid)+" rows imported") || !shows(u, strconv.Itoa(rejected)+" rows were skipped") {
		t.Errorf("summary: %q", texts(u))
	}
}

// hasButton reports whether the window shows a button with exactly text.
func hasButton(u *ui, text string) bool {
	for _, o := range test.LaidOutObjects(u.win.Content()) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			return true
		}
	}
	return false
}

// TestImportWizardKPITable imports a wide monthly KPI table (Windows-1252,
// semicolons, decimal commas): the mapping offers the period and each
// metric column found, and the values reach the store.
func TestImportWizardKPITable(t *testing.T) {
	db, u, s := importWizardOn(t, "Table Co", "kpis_wide_win1252.csv", locale.EN)
	w := s.wizard
	if w.det.Kind != "kpis" || w.fields[0] != "period" || w.choice["period"] != "Mes" || w.choice["revenue"] != "Ingresos" {
		t.Fatalf("kind %q, fields %v, choice %v", w.det.Kind, w.fields, w.choice)
	}
	w.onNext()
	w.onCheck()
	u.settle()
	if w.check.ProblemCount != 0 || w.check.Records == 0 {
		t.Fatalf("check: %v, %d problems, %d values", w.checkErr, w.check.ProblemCount, w.check.Records)
	}
	w.onRun()
	u.settle()
	if w.err != nil {
		t.Fatalf("import failed: %v", w.err)
	}
	obs, err := db.Observations(context.Background(), s.org.ID, store.Range{}, "revenue")
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
	db, u, s := importWizardOn(t, "Cancel Co", "hubspot_deals.csv", locale.EN)
	w := s.wizard
	w.onNext()
	w.onCheck()
	u.settle()
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
	deals, _ := db.Deals(context.Background(), s.org.ID, store.Range{})
	imps, _ := db.Imports(context.Background(), s.org.ID)
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

package app

import (
	"context"
	"github.com/revopsdx/revopsdx/usecase"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/analysis"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// benchUI is newTestUI for benchmarks.
func benchUI(b *testing.B) (*ui, *store.Store) {
	a := test.NewTempApp(b)
	a.Preferences().SetString(prefLanguage, "en")
	db, err := store.Open(context.Background(), b.TempDir()+"/b.db", store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	u, err := newUI(a, Options{})
	if err != nil {
		b.Fatal(err)
	}
	u.post = u.queued.add
	u.attach(db, nil)
	u.settle()
	b.Cleanup(func() { u.settle(); u.saver.close(); db.Close() })
	return u, db
}

// BenchmarkQuestionPage is the UI-goroutine work of one key press in the
// wizard: choose an answer and redraw the page.
func BenchmarkQuestionPage(b *testing.B) {
	u, db := benchUI(b)
	o, _ := db.CreateOrg(context.Background(), diagnostic.Profile{Name: "B", Currency: "EUR", Language: "en"})
	u.openOrg(o.ID)
	u.settle()
	u.addRespondent(diagnostic.Respondent{Name: "B", Department: diagnostic.DeptSales})
	u.settle()
	u.win.Resize(fyne.NewSize(1280, 800))
	for i := 0; b.Loop(); i++ {
		test.TypeOnCanvas(u.win.Canvas(), string(rune('1'+i%5)))
	}
}

// benchAnalysis is the demo organisation analysed (two assessments,
// three departments, 24 months of KPI data).
func benchAnalysis(b *testing.B) *analysis.Analysis {
	b.Helper()
	a, err := analysis.Analyse(context.Background(), analysis.DemoSnapshot(time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)), locale.ES)
	if err != nil {
		b.Fatal(err)
	}
	return a
}

// BenchmarkResultsApply is the UI-goroutine part of showing the results
// (building the widgets from the demo's analysis; charts excluded).
func BenchmarkResultsApply(b *testing.B) {
	u, _ := benchUI(b)
	u.win.Resize(fyne.NewSize(1280, 800))
	a := benchAnalysis(b)
	for b.Loop() {
		s := &resultsScreen{u: u, body: u.content}
		s.apply(a, nil)
		u.queued.take() // drop the chart rendering's UI update
	}
}

// BenchmarkDrawCharts is the background rendering of the three result
// charts of the demo at their display size ×2.
func BenchmarkDrawCharts(b *testing.B) {
	a := benchAnalysis(b)
	sizes := map[string]fyne.Size{"radar": {Width: 540, Height: 400}, "bars": {Width: 540, Height: 400}, "align": {Width: 640, Height: 400}}
	for b.Loop() {
		if _, err := drawCharts(a, false, sizes); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnalyseLatest is the background load and analysis of the demo
// organisation behind the results screen.
func BenchmarkAnalyseLatest(b *testing.B) {
	u, db := benchUI(b)
	res, err := usecase.EnsureDemo(context.Background(), db, true, time.Now())
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := analyseLatest(context.Background(), u.db, res.Org.ID, locale.ES); err != nil {
			b.Fatal(err)
		}
	}
}

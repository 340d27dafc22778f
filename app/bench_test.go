package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/revopsdx/revopsdx/diagnostic"
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

// BenchmarkResultsApply is the UI-goroutine part of showing the results
// (building the widgets from a scored assessment; charts excluded).
func BenchmarkResultsApply(b *testing.B) {
	u, _ := benchUI(b)
	u.win.Resize(fyne.NewSize(1280, 800))
	q := u.q
	s1 := diagnostic.Respondent{Department: diagnostic.DeptSales, Answers: map[string]diagnostic.Answer{}}
	s2 := diagnostic.Respondent{Department: diagnostic.DeptMarketing, Answers: map[string]diagnostic.Answer{}}
	for i, qu := range q.Questions {
		s1.Answers[qu.ID] = diagnostic.Answer{Value: 1 + i%5}
		s2.Answers[qu.ID] = diagnostic.Answer{Value: 1 + (i*3)%5}
	}
	a := diagnostic.Assessment{Respondents: []diagnostic.Respondent{s1, s2}}
	res := scored{assessment: a, result: diagnostic.ScoreAssessment(q, &a)}
	for b.Loop() {
		s := &resultsScreen{u: u, body: u.content}
		s.apply(res, nil)
		u.queued.take() // drop the chart rendering's UI update
	}
}

// BenchmarkDrawCharts is the background rendering of the three result
// charts at their display size ×2.
func BenchmarkDrawCharts(b *testing.B) {
	q, _ := diagnostic.LoadQuestionnaire()
	s1 := diagnostic.Respondent{Department: diagnostic.DeptSales, Answers: map[string]diagnostic.Answer{}}
	s2 := diagnostic.Respondent{Department: diagnostic.DeptMarketing, Answers: map[string]diagnostic.Answer{}}
	for i, qu := range q.Questions {
		s1.Answers[qu.ID] = diagnostic.Answer{Value: 1 + i%5}
		s2.Answers[qu.ID] = diagnostic.Answer{Value: 1 + (i*3)%5}
	}
	r := diagnostic.Score(q, []diagnostic.Respondent{s1, s2}, nil)
	sizes := map[string]fyne.Size{"radar": {Width: 400, Height: 340}, "bars": {Width: 440, Height: 300}, "align": {Width: 600, Height: 400}}
	for b.Loop() {
		if _, err := drawCharts(q, r, locale.ES, false, "Actual", sizes); err != nil {
			b.Fatal(err)
		}
	}
}

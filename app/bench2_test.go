package app

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
)

// BenchmarkKPIScreenApply is the UI-goroutine part of showing the demo's
// KPI screen: building the plan table, the data grid (24 months × 27+
// inputs) and the detail from data already read.
func BenchmarkKPIScreenApply(b *testing.B) {
	u, db := benchUI(b)
	org := seedDemo(b, db)
	u.win.Resize(fyne.NewSize(1280, 800))
	u.openOrg(org)
	u.settle()
	d, err := fetchKPIData(context.Background(), db, org)
	if err != nil {
		b.Fatal(err)
	}
	s := &kpiScreen{u: u, org: u.sess.org, body: u.content}
	for b.Loop() {
		s.apply(d, nil)
	}
}

// BenchmarkRecsApply is the UI-goroutine part of showing the demo's
// recommendations: ordering them and building the list and filters.
func BenchmarkRecsApply(b *testing.B) {
	u, db := benchUI(b)
	org := seedDemo(b, db)
	u.win.Resize(fyne.NewSize(1280, 800))
	u.openOrg(org)
	u.settle()
	d, err := fetchRecs(context.Background(), db, org, u.lang())
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		s := &recsScreen{u: u, body: u.content, sel: -1}
		s.apply(d, nil)
	}
}

// BenchmarkAnalyseDemoFromStore is the background load behind the
// recommendations, KPI detail and report screens: read the demo
// organisation from the store and analyse it.
func BenchmarkAnalyseDemoFromStore(b *testing.B) {
	_, db := benchUI(b)
	org := seedDemo(b, db)
	for b.Loop() {
		if _, err := analyseOrg(context.Background(), db, org, "es", time.Now()); err != nil {
			b.Fatal(err)
		}
	}
}

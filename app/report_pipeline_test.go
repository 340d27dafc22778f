package app

import (
	"bytes"
	"context"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/charts"
	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/importer"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/report"
	"github.com/revopsdx/revopsdx/usecase"
)

// TestReportHasPipelineMovement: the GUI's report of an organisation with
// two dated deals exports prints the pipeline-movement pages, as the
// command line's does (issue 18).
func TestReportHasPipelineMovement(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not found: install poppler-utils to read the PDF's text")
	}
	ctx := context.Background()
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	org, err := db.CreateOrg(ctx, diagnostic.Profile{Name: "Acme", Currency: "EUR", Language: locale.EN})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct{ file, day string }{{"hubspot_deals_2026-01-31.csv", "2026-01-31"}, {"hubspot_deals_late_february.csv", "2026-02-28"}} {
		day, _ := time.Parse("2006-01-02", f.day)
		if _, err := usecase.ImportIntoStoreAsOf(ctx, db, org.ID, filepath.Join("cli", "testdata", "pipeline", f.file), importer.Options{}, false, day); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "r.pdf")
	if err := renderReport(ctx, db, org.ID, report.Options{Lang: locale.EN}, path, func(string) {}); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	for _, want := range []string{"Pipeline movement", "Removed from the export 1 €7,000", "Open pipeline at the end 7 €23,000"} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in the GUI's report", want)
		}
	}

	// The report screen offers the waterfall among the charts to save.
	u := newTestUI(t, db)
	u.openOrg(org.ID)
	u.settle()
	u.goTo(screenReport)
	u.settle()
	rs := u.report
	if rs == nil || !slices.Contains(rs.chartIDs, "waterfall") || !slices.Contains(rs.charts.Options, "Pipeline movement (last two deals exports)") {
		t.Fatalf("charts offered: %v", rs.chartIDs)
	}
	img, err := rs.drawWaterfall(charts.Options{Width: 400, Height: 300})
	if err != nil || !bytes.HasPrefix(img, []byte("\x89PNG")) {
		t.Errorf("waterfall: %d bytes, %v", len(img), err)
	}
}

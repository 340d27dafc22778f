package app

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/charts"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/report/chartset"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// TestReportWritesPDF sets the consultant's name, opens the report screen
// on the demo organisation, keeps three sections and writes the PDF
// (the path the save dialog would give).
func TestReportWritesPDF(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	org := seedDemo(t, db)
	if err := db.SaveSettings(context.Background(), store.Settings{ConsultantName: "Marta Gil", DefaultLanguage: locale.ES}); err != nil {
		t.Fatal(err)
	}
	u := newTestUI(t, db)
	u.openOrg(org)
	u.settle()
	u.goTo(screenReport)
	u.settle()
	s := u.report
	if s == nil || !shows(u, "Prepared by Marta Gil") {
		t.Fatalf("branding not shown: %q", texts(u))
	}
	// The demo organisation is Spanish: Spanish report on A4.
	if s.chosenLang() != locale.ES || s.paper.Selected != "A4" {
		t.Errorf("defaults for a Spanish organisation: %s, %q", s.chosenLang(), s.paper.Selected)
	}
	s.sections.SetSelected([]string{"Executive summary", "KPIs", "Recommendations"})
	if o := s.options(); len(o.Sections) != 3 || o.Sections[0] != "summary" || o.Sections[2] != "recommendations" {
		t.Fatalf("sections %v", o.Sections)
	}
	// radar, pillars, alignment, funnel and one trend per plan KPI with data
	if len(s.chartIDs) < 5 {
		t.Errorf("charts offered: %v", s.chartIDs)
	}
	path := filepath.Join(t.TempDir(), "informe.pdf")
	s.write(path)
	u.settle()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no PDF: %v (%q)", err, s.status.Text)
	}
	if !bytes.HasPrefix(b, []byte("%PDF-")) || len(b) < 10000 {
		t.Errorf("not a PDF report: %d bytes starting %q", len(b), b[:min(8, len(b))])
	}
	if !shows(u, "Report saved to "+path) || !s.open.Visible() {
		t.Errorf("no confirmation or open-folder button: %q", texts(u))
	}
}

// TestReportBadFolder writes to a folder that does not exist: the error
// is shown, the screen is usable again and no file appears.
func TestReportBadFolder(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	org := seedDemo(t, db)
	u := newTestUI(t, db)
	u.openOrg(org)
	u.settle()
	u.goTo(screenReport)
	u.settle()
	s := u.report
	path := filepath.Join(t.TempDir(), "missing", "informe.pdf")
	s.write(path)
	u.settle()
	if _, err := os.Stat(path); err == nil {
		t.Error("a report was written into a missing folder")
	}
	if !shows(u, "The report could not be written") || s.save.Disabled() || s.open.Visible() {
		t.Errorf("after a failure: %q, save disabled %v", texts(u), s.save.Disabled())
	}
}

// TestSaveChartFormats saves the radar as SVG and a KPI trend as PNG (the
// extension chooses the format), and a name without one gets ".png".
func TestSaveChartFormats(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	org := seedDemo(t, db)
	u := newTestUI(t, db)
	u.openOrg(org)
	u.settle()
	u.goTo(screenReport)
	u.settle()
	a := u.report.a
	dir := t.TempDir()
	radar := func(o charts.Options) ([]byte, error) {
		img, _, err := chartset.Render(a, charts.TypeRadar, "", o)
		return img, err
	}
	trend := func(o charts.Options) ([]byte, error) {
		img, _, err := chartset.Render(a, charts.TypeTrend, "win_rate", o)
		return img, err
	}
	u.writeChart(filepath.Join(dir, "radar.svg"), radar)
	u.writeChart(filepath.Join(dir, "trend"), trend)
	u.settle()
	svg, err := os.ReadFile(filepath.Join(dir, "radar.svg"))
	if err != nil || !bytes.Contains(svg, []byte("<svg")) {
		t.Errorf("radar.svg: %v, %.40q", err, svg)
	}
	png, err := os.ReadFile(filepath.Join(dir, "trend.png"))
	if err != nil || !bytes.HasPrefix(png, []byte("\x89PNG")) {
		t.Errorf("trend.png: %v, %.8q", err, png)
	}
}

// TestReportCommentsAndDecisions writes a section comment with the report
// screen's editor and dismisses the top recommendation: the comment is
// stored, and the PDF the screen writes carries both (through
// usecase.ReportMeta, as the report command does), read back with
// pdftotext when poppler-utils is installed.
func TestReportCommentsAndDecisions(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	org := seedDemo(t, db)
	u := newTestUI(t, db)
	u.openOrg(org)
	u.settle()
	u.goTo(screenReport)
	u.settle()
	s := u.report
	c := s.comments
	if !c.save.Disabled() {
		t.Error("save comment is enabled before a section is chosen")
	}
	c.section.SetSelected("Executive summary")
	c.text.SetText("  Read this page with the sales team first.  ")
	tapButton(t, u, "Save comment")
	u.settle()
	u.saver.wait()
	got, err := db.Comments(context.Background(), org)
	if err != nil || got["summary"] != "Read this page with the sales team first." {
		t.Fatalf("stored comments %q %v", got, err)
	}
	if !shows(u, "Comment saved for “Executive summary”") {
		t.Errorf("no confirmation: %q", texts(u))
	}
	a, err := analyseOrg(context.Background(), db, org, locale.EN, time.Now())
	if err != nil || len(a.Recommendations) == 0 {
		t.Fatalf("analysis: %v", err)
	}
	top := a.Recommendations[0]
	if err := db.SetRecState(context.Background(), org, store.RecState{RuleID: top.ID, Status: store.RecDismissed, Note: "Covered by the CRM project"}); err != nil {
		t.Fatal(err)
	}
	s.lang.SetSelected("English")
	path := filepath.Join(t.TempDir(), "report.pdf")
	s.write(path)
	u.settle()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("no PDF: %v (%q)", err, s.status.Text)
	}
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed: the PDF's text is not checked")
	}
	out, err := exec.Command(pdftotext, path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	for _, want := range []string{"Consultant's comment", "Read this page with the sales team first.", "Set aside by the consultant", "Covered by the CRM project"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
}

// TestReportWritesDOCX writes the Word document from the report screen:
// a zip whose document.xml has the sections, and PNG charts.
func TestReportWritesDOCX(t *testing.T) {
	db := openTestStore(t, tempDB(t))
	defer db.Close()
	org := seedDemo(t, db)
	u := newTestUI(t, db)
	u.openOrg(org)
	u.settle()
	u.goTo(screenReport)
	u.settle()
	s := u.report
	s.lang.SetSelected("English")
	path := filepath.Join(t.TempDir(), "report.docx")
	s.write(path)
	u.settle()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("no DOCX: %v (%q)", err, s.status.Text)
	}
	defer z.Close()
	var doc []byte
	images := 0
	for _, f := range z.File {
		if strings.HasPrefix(f.Name, "word/media/") {
			images++
		}
		if f.Name == "word/document.xml" {
			r, _ := f.Open()
			doc, _ = io.ReadAll(r)
			r.Close()
		}
	}
	if !bytes.Contains(doc, []byte("Executive summary")) || !bytes.Contains(doc, []byte("30/60/90-day plan")) || images < 4 {
		t.Errorf("DOCX: %d images, document %.200s", images, doc)
	}
	if !shows(u, "Report saved to "+path) || s.saveDOCX.Disabled() {
		t.Errorf("no confirmation or the button stays disabled: %q", texts(u))
	}
}

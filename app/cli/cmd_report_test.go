package cli

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// pdfText runs a poppler tool on a PDF, skipping when poppler-utils is
// not installed.
func poppler(t *testing.T, tool string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Skipf("%s not found (install poppler-utils) to check the PDF's text", tool)
	}
	out, err := exec.Command(tool, args...).Output()
	if err != nil {
		t.Fatalf("%s %v: %v", tool, args, err)
	}
	return string(out)
}

func TestReportDemoBothLanguages(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	titles := map[string][]string{
		"es": {"Resumen ejecutivo", "Madurez", "Alineación entre departamentos", "Cuadro de mando de KPI", "Plan de 30, 60 y 90 días", "Anexo"},
		"en": {"Executive summary", "Maturity", "Alignment between departments", "KPI scorecard", "30/60/90-day plan", "Appendix"},
	}
	paper := map[string]string{"es": "(A4)", "en": "(letter)"}
	charts := map[string][]string{"es": {"Madurez por pilar", "Puntuación por pilar"}, "en": {"Maturity by pillar", "Score by pillar"}}
	wrote := map[string]string{"es": "Informe de \"Demo\" escrito en ", "en": "Wrote the report of \"Demo\" to "}
	for _, lang := range []string{"es", "en"} {
		out := filepath.Join(dir, "demo-"+lang+".pdf")
		code, stdout, errOut := runDB(t, db, "", "report", "--org", "Demo", "--lang", lang, "--out", out)
		if code != ExitOK || stdout != wrote[lang]+out+".\n" {
			t.Fatalf("%s: %d %q %q", lang, code, stdout, errOut)
		}
		text := poppler(t, "pdftotext", out, "-")
		for _, want := range append([]string{"Demo"}, titles[lang]...) {
			if !strings.Contains(text, want) {
				t.Errorf("%s: the PDF lacks %q", lang, want)
			}
		}
		if info := poppler(t, "pdfinfo", out); !strings.Contains(info, paper[lang]) {
			t.Errorf("%s: paper: %s", lang, info)
		}
		// Charts are in, as vector graphics: their titles are text, and
		// the PDF holds no raster image (no logo is set).
		for _, want := range charts[lang] {
			if !strings.Contains(text, want) {
				t.Errorf("%s: the PDF lacks the chart title %q", lang, want)
			}
		}
		if imgs := poppler(t, "pdfimages", "-list", out); strings.Count(imgs, "\n") > 2 {
			t.Errorf("%s: raster images:\n%s", lang, imgs)
		}
	}
	// --sections and --paper; an existing file is replaced.
	out := filepath.Join(dir, "short.pdf")
	os.WriteFile(out, []byte("old"), 0o644)
	if code, _, errOut := runDB(t, db, "", "report", "--org", "Demo", "--sections", "summary", "--paper", "letter", "--out", out); code != ExitOK {
		t.Fatalf("short: %q", errOut)
	}
	text := poppler(t, "pdftotext", out, "-")
	if !strings.Contains(text, "Resumen ejecutivo") || strings.Contains(text, "Anexo") {
		t.Errorf("--sections summary: %.500s", text)
	}
	if info := poppler(t, "pdfinfo", out); !strings.Contains(info, "(letter)") {
		t.Errorf("--paper letter: %s", info)
	}
}

func TestReportAndExportErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "e.db")
	dir := t.TempDir()
	runDB(t, db, "", "org", "add", "--name", "Solo")
	// One respondent, no KPI data: the report still renders.
	runDB(t, db, "", "answer", "--org", "Solo", "--answers", "testdata/answers_one.json")
	if code, _, errOut := runDB(t, db, "", "report", "--org", "Solo", "--out", filepath.Join(dir, "solo.pdf")); code != ExitOK {
		t.Errorf("minimal report: %q", errOut)
	}
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"report", "--org", "Nope", "--out", filepath.Join(dir, "n.pdf")}, ExitError, `no organisation named "Nope"`},
		{[]string{"report", "--org", "Solo"}, ExitUsage, "--out"},
		{[]string{"report", "--org", "Solo", "--paper", "a3", "--out", "x.pdf"}, ExitUsage, "--paper"},
		{[]string{"report", "--org", "Solo", "--sections", "cover,gossip", "--out", "x.pdf"}, ExitUsage, "--sections"},
		{[]string{"export-data", "--org", "Nope", "--format", "json", "--out", filepath.Join(dir, "n.json")}, ExitError, `no organisation named "Nope"`},
		{[]string{"export-data", "--org", "Solo", "--format", "xml", "--out", "x"}, ExitUsage, "--format"},
		{[]string{"export-data", "--org", "Solo", "--format", "json", "--out", dir}, ExitError, "is a folder"},
	}
	for _, tc := range cases {
		if code, _, errOut := runDB(t, db, "", tc.args...); code != tc.code || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: %d %q", tc.args, code, errOut)
		}
	}
	for _, f := range []string{"n.pdf", "n.json"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
			t.Errorf("a failed command wrote %s", f)
		}
	}
}

func TestExportData(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	// JSON: one document with every table.
	js := filepath.Join(dir, "demo.json")
	if code, _, errOut := runDB(t, db, "", "export-data", "--org", "Demo", "--format", "json", "--out", js); code != ExitOK {
		t.Fatalf("json: %q", errOut)
	}
	var doc map[string]json.RawMessage
	b, _ := os.ReadFile(js)
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"organisation", "answers", "scores", "kpi_values", "plan", "recommendations"} {
		if len(doc[k]) < 3 {
			t.Errorf("JSON export lacks %q", k)
		}
	}
	// CSV: a folder of files, each UTF-8 with a BOM and a header.
	csvDir := filepath.Join(dir, "csv")
	code, out, errOut := runDB(t, db, "", "export-data", "--org", "Demo", "--format", "csv", "--out", csvDir)
	if code != ExitOK || !strings.Contains(out, "answers.csv") {
		t.Fatalf("csv: %d %q %q", code, out, errOut)
	}
	for _, f := range []string{"answers.csv", "scores.csv", "kpi_values.csv", "plan.csv", "recommendations.csv"} {
		b, err := os.ReadFile(filepath.Join(csvDir, f))
		if err != nil || !bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")) {
			t.Errorf("%s: %v, BOM %v", f, err, bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")))
			continue
		}
		rows, err := csv.NewReader(bytes.NewReader(b[3:])).ReadAll()
		if err != nil || len(rows) < 2 {
			t.Errorf("%s: %d rows, %v", f, len(rows), err)
		}
	}
}

// TestReportDOCX: --format docx (or a .docx name) writes a Word document
// with the report's sections and the charts as PNG images; a bad format
// is a usage error.
func TestReportDOCX(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	for _, c := range []struct{ args []string }{
		{[]string{"--format", "docx", "--out", filepath.Join(dir, "a.bin")}},
		{[]string{"--lang", "en", "--out", filepath.Join(dir, "b.docx")}},
	} {
		out := c.args[len(c.args)-1]
		if code, _, errOut := runDB(t, db, "", append([]string{"report", "--org", "Demo"}, c.args...)...); code != ExitOK {
			t.Fatalf("%v: %d %q", c.args, code, errOut)
		}
		z, err := zip.OpenReader(out)
		if err != nil {
			t.Fatalf("%s is not a DOCX: %v", out, err)
		}
		var doc []byte
		images := 0
		for _, f := range z.File {
			if strings.HasPrefix(f.Name, "word/media/") && strings.HasSuffix(f.Name, ".png") {
				images++
			}
			if f.Name == "word/document.xml" {
				r, _ := f.Open()
				doc, _ = io.ReadAll(r)
				r.Close()
			}
		}
		z.Close()
		if !bytes.Contains(doc, []byte("Resumen ejecutivo")) && !bytes.Contains(doc, []byte("Executive summary")) || images < 4 {
			t.Errorf("%s: %d images, document %.200s", out, images, doc)
		}
	}
	if code, _, _ := runDB(t, db, "", "report", "--org", "Demo", "--format", "odt", "--out", filepath.Join(dir, "c.odt")); code != ExitUsage {
		t.Errorf("--format odt: exit %d, want usage", code)
	}
}

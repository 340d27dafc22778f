package report

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"image"
	"image/jpeg"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// docxParts renders d as DOCX and returns its parts by name.
func docxParts(t *testing.T, d Data, opts Options) map[string][]byte {
	t.Helper()
	var buf bytes.Buffer
	if err := RenderDOCX(context.Background(), &buf, d, opts); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	parts := map[string][]byte{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = b
	}
	return parts
}

// docxText is the text of document.xml's w:t runs, paragraphs on their
// own lines; it fails the test when the XML is not well formed.
func docxText(t *testing.T, doc []byte) string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(doc))
	var b strings.Builder
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("document.xml is not well-formed XML: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			inText = e.Name.Local == "t"
		case xml.EndElement:
			inText = false
			if e.Name.Local == "p" {
				b.WriteString("\n")
			}
		case xml.CharData:
			if inText {
				b.Write(e)
			}
		}
	}
	return b.String()
}

// TestDOCXContent: the DOCX holds the PDF's content in both languages —
// every section title, the organisation, the diagnosis, the plan with its
// owners, locale-formatted values and the consultant's comment — as
// well-formed XML even with an emoji and a control character in a name,
// and one image per chart.
func TestDOCXContent(t *testing.T) {
	titles := map[locale.Lang][]string{
		locale.ES: {"Resumen ejecutivo", "Madurez", "Cuadro de mando de KPI", "Plan de 30, 60 y 90 días", "Anexo", "Primeros 30 días"},
		locale.EN: {"Executive summary", "Maturity", "KPI scorecard", "30/60/90-day plan", "Appendix", "First 30 days"},
	}
	for _, l := range locale.Langs() {
		d := sampleData(l)
		d.Organisation = "Nubéntica 🚀 Software\x07, S.L."
		d.Comments = map[string]string{SectionKPIs: "Datos de octubre <incompletos> & revisados."}
		parts := docxParts(t, d, Options{})
		for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/_rels/document.xml.rels", "docProps/core.xml"} {
			if _, ok := parts[name]; !ok {
				t.Fatalf("%s: no part %s", l, name)
			}
		}
		text := docxText(t, parts["word/document.xml"])
		want := append(titles[l], "Nubéntica 🚀 Software", "Datos de octubre <incompletos> & revisados.", d.Recommendations[0].Title, d.KPIs[0].Name)
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: document.xml lacks %q", l, w)
			}
		}
		if strings.ContainsRune(text, '\x07') {
			t.Errorf("%s: a control character reached the XML", l)
		}
		images := 0
		for name := range parts {
			if strings.HasPrefix(name, "word/media/") {
				images++
			}
		}
		charts := 0
		for _, b := range [][]byte{d.Charts.Radar, d.Charts.Pillars, d.Charts.Alignment} {
			if len(b) > 0 {
				charts++
			}
		}
		for _, k := range d.KPIs {
			if len(k.Chart) > 0 && (k.Status == StatusOffTrack || k.Trend == TrendWorsening) {
				charts++
			}
		}
		if len(d.Consultant.Logo) > 0 {
			charts++
		}
		if images != charts || charts == 0 {
			t.Errorf("%s: %d images in the DOCX, want %d", l, images, charts)
		}
		if !bytes.Contains(parts["[Content_Types].xml"], []byte(`Extension="png"`)) {
			t.Errorf("%s: no PNG content type", l)
		}
	}
}

// TestDOCXSections: the chosen sections only, a JPEG logo with its
// content type, and a cancelled context stops the render.
func TestDOCXSections(t *testing.T) {
	d := sampleData(locale.ES)
	img := image.NewRGBA(image.Rect(0, 0, 120, 40))
	var jb bytes.Buffer
	if err := jpeg.Encode(&jb, img, nil); err != nil {
		t.Fatal(err)
	}
	d.Consultant.Logo = jb.Bytes()
	parts := docxParts(t, d, Options{Sections: []string{SectionSummary}})
	if !bytes.Contains(parts["[Content_Types].xml"], []byte(`Extension="jpeg" ContentType="image/jpeg"`)) || parts["word/media/image1.jpeg"] == nil {
		t.Errorf("JPEG logo: %s", parts["[Content_Types].xml"])
	}
	text := docxText(t, docxParts(t, sampleData(locale.EN), Options{Sections: []string{SectionKPIs}})["word/document.xml"])
	if !strings.Contains(text, "KPI scorecard") || strings.Contains(text, "Executive summary") || strings.Contains(text, "Appendix") {
		t.Errorf("sections: %.300s", text)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := RenderDOCX(ctx, io.Discard, sampleData(locale.EN), Options{}); err == nil {
		t.Error("a cancelled render succeeded")
	}
}

// TestDOCXPythonDocx reads the file with python-docx (the library
// consultants' scripts use), when it is installed: headings in order,
// tables and images. Skipped, saying so, without it.
func TestDOCXPythonDocx(t *testing.T) {
	py := ""
	for _, c := range []string{"python3", "/usr/bin/python3"} {
		if p, err := exec.LookPath(c); err == nil && exec.Command(p, "-c", "import docx").Run() == nil {
			py = p
			break
		}
	}
	if py == "" {
		t.Skip("python-docx is not installed (apt install python3-docx): the DOCX is not read with it")
	}
	path := filepath.Join(t.TempDir(), "report.docx")
	if err := WriteDOCXFile(context.Background(), path, sampleData(locale.ES), Options{}); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v %v", st.Mode(), err)
	}
	script := `import docx, sys
d = docx.Document(sys.argv[1])
print("H1:" + "|".join(p.text for p in d.paragraphs if p.style.name == "Heading 1"))
print("tables:%d images:%d" % (len(d.tables), len(d.inline_shapes)))
print("title:" + d.core_properties.title)`
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, py, "-c", script, path).CombinedOutput()
	if err != nil {
		t.Fatalf("python-docx cannot read the report: %v\n%s", err, out)
	}
	s := string(out)
	if !strings.Contains(s, "H1:Resumen ejecutivo|Madurez|") || !strings.Contains(s, "title:Diagnóstico de Revenue Operations") || strings.Contains(s, "tables:0 ") || strings.Contains(s, "images:0") {
		t.Errorf("python-docx read:\n%s", s)
	}
}

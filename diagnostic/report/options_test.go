package report

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/jpeg"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

func TestResolveDefaults(t *testing.T) {
	d := minimalData()
	tests := []struct {
		dataLang  locale.Lang
		dataPaper Paper
		opts      Options
		lang      locale.Lang
		paper     Paper
	}{
		{locale.ES, "", Options{}, locale.ES, A4},                    // Spanish → A4
		{locale.EN, "", Options{}, locale.EN, Letter},                // English → Letter
		{"", "", Options{}, locale.EN, Letter},                       // nothing given → English
		{locale.ES, "", Options{Lang: locale.EN}, locale.EN, Letter}, // option wins
		{locale.EN, Letter, Options{Paper: A4}, locale.EN, A4},       // chosen paper wins
		{locale.ES, Letter, Options{}, locale.ES, Letter},            // data's paper before the default
	}
	for i, tt := range tests {
		d.Lang, d.Paper = tt.dataLang, tt.dataPaper
		r, err := tt.opts.resolve(&d)
		if err != nil || r.lang != tt.lang || r.paper != tt.paper {
			t.Errorf("case %d: %s %s %v; want %s %s", i, r.lang, r.paper, err, tt.lang, tt.paper)
		}
		if len(r.sections) != len(allSections) {
			t.Errorf("case %d: %d sections by default, want all %d", i, len(r.sections), len(allSections))
		}
	}
}

func TestRenderRejectsBadInput(t *testing.T) {
	ok := minimalData()
	noOrg := minimalData()
	noOrg.Organisation = " "
	noDate := minimalData()
	noDate.AssessmentDate = time.Time{}
	tests := []struct {
		name string
		data Data
		opts Options
	}{
		{"no organisation", noOrg, Options{}},
		{"no date", noDate, Options{}},
		{"unknown section", ok, Options{Sections: []string{"summary", "cover_letter"}}},
		{"unknown paper", ok, Options{Paper: "a3"}},
		{"unknown language", ok, Options{Lang: "fr"}},
		{"broken logo", withLogo([]byte("GIF89a not really")), Options{}},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		err := Render(context.Background(), &b, tt.data, tt.opts)
		if !errors.Is(err, diagnostic.ErrInvalid) {
			t.Errorf("%s: error %v, want ErrInvalid", tt.name, err)
		}
		if b.Len() != 0 {
			t.Errorf("%s: %d bytes written on error", tt.name, b.Len())
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Render(ctx, &bytes.Buffer{}, ok, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled render: %v", err)
	}
}

func TestParseSectionsAndPaper(t *testing.T) {
	got, err := ParseSections(" summary, kpis ,,appendix")
	if err != nil || len(got) != 3 || got[0] != "summary" || got[1] != "kpis" || got[2] != "appendix" {
		t.Errorf("ParseSections = %q, %v", got, err)
	}
	if _, err := ParseSections("summary,covers"); !errors.Is(err, diagnostic.ErrInvalid) {
		t.Errorf("unknown section: %v", err)
	}
	if p, err := ParsePaper(" Letter "); err != nil || p != Letter {
		t.Errorf("ParsePaper = %q, %v", p, err)
	}
	if _, err := ParsePaper("legal"); !errors.Is(err, diagnostic.ErrInvalid) {
		t.Errorf("ParsePaper(legal): %v", err)
	}
}

// TestWriteFileReplacesAtomically overwrites an existing file with a
// complete PDF, leaves no temporary file behind, and leaves the old file
// untouched when rendering fails.
func TestWriteFileReplacesAtomically(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "informe.pdf")
	if err := os.WriteFile(path, []byte("old report"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(context.Background(), path, minimalData(), Options{}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.Contains(b[len(b)-32:], []byte("%%EOF")) {
		t.Errorf("replaced file is not a complete PDF (%d bytes)", len(b))
	}
	bad := minimalData()
	bad.Organisation = ""
	if err := WriteFile(context.Background(), path, bad, Options{}); err == nil {
		t.Error("rendering without an organisation succeeded")
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(after, b) {
		t.Error("a failed render changed the existing file")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("%d files in the folder, want only the report", len(entries))
	}
	if err := WriteFile(context.Background(), filepath.Join(dir, "missing", "x.pdf"), minimalData(), Options{}); err == nil {
		t.Error("writing into a missing folder succeeded")
	}
}

// withLogo is the minimal organisation with a given logo.
func withLogo(b []byte) Data {
	d := minimalData()
	d.Consultant.Logo = b
	return d
}

// TestJPEGLogo embeds a JPEG logo as is (DCTDecode) on the cover.
func TestJPEGLogo(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 300, 100))
	var j bytes.Buffer
	if err := jpeg.Encode(&j, img, nil); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := Render(context.Background(), &out, withLogo(j.Bytes()), Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(out.Bytes(), []byte("/DCTDecode")) {
		t.Error("the JPEG logo is not in the PDF")
	}
}

func TestCleanText(t *testing.T) {
	if got := clean("  Revisa\nel pipeline\t\r\n cada  semana "); got != "Revisa el pipeline cada semana" {
		t.Errorf("clean = %q", got)
	}
}

// TestConcurrentRenders renders two reports at once (the GUI may render
// while a command does): run under -race, it checks no state is shared.
func TestConcurrentRenders(t *testing.T) {
	errs := make(chan error, 2)
	for _, l := range locale.Langs() {
		go func() {
			errs <- Render(context.Background(), io.Discard, sampleData(l), Options{Lang: l})
		}()
	}
	for range 2 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

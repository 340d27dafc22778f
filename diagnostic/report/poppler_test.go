package report

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// needPoppler skips the test when the poppler-utils tools are missing,
// saying what to install.
func needPoppler(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"pdftotext", "pdfinfo", "pdffonts"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not found: install poppler-utils (apt-get install poppler-utils) to check the PDF's text, pages and fonts", tool)
		}
	}
}

// run runs a poppler tool and returns its output.
func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// renderTo writes the report of data to a file in the test's folder (or in
// $REPORT_OUT when set, to look at the pages) and returns its path.
func renderTo(t *testing.T, name string, data Data, opts Options) string {
	t.Helper()
	dir := os.Getenv("REPORT_OUT")
	if dir == "" {
		dir = t.TempDir()
	}
	path := filepath.Join(dir, name)
	if err := WriteFile(context.Background(), path, data, opts); err != nil {
		t.Fatalf("rendering %s: %v", name, err)
	}
	return path
}

// pdfText is the text of pages first..last (0 = to the end) with runs of
// white space (including no-break spaces) collapsed to one space.
func pdfText(t *testing.T, path string, first, last int) string {
	t.Helper()
	args := []string{"-enc", "UTF-8"}
	if first > 0 {
		args = append(args, "-f", strconv.Itoa(first))
	}
	if last > 0 {
		args = append(args, "-l", strconv.Itoa(last))
	}
	args = append(args, path, "-")
	return collapse(run(t, "pdftotext", args...))
}

var spaces = regexp.MustCompile(`[\s\x{00a0}]+`)

// collapse turns any run of white space into one plain space.
func collapse(s string) string { return spaces.ReplaceAllString(s, " ") }

// pdfPages reads the page count and the first page's size from pdfinfo.
func pdfPages(t *testing.T, path string) (pages int, size string) {
	t.Helper()
	for _, line := range strings.Split(run(t, "pdfinfo", path), "\n") {
		k, v, _ := strings.Cut(line, ":")
		v = strings.TrimSpace(v)
		switch k {
		case "Pages":
			pages, _ = strconv.Atoi(v)
		case "Page size":
			size = v
		}
	}
	return pages, size
}

// fontsNotEmbedded returns the pdffonts lines of fonts not embedded, and
// the number of fonts listed.
func fontsNotEmbedded(t *testing.T, path string) (bad []string, n int) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(run(t, "pdffonts", path)), "\n")
	if len(lines) < 2 {
		t.Fatalf("pdffonts printed no table:\n%s", strings.Join(lines, "\n"))
	}
	header := lines[0]
	col := strings.Index(header, "emb")
	for _, l := range lines[2:] {
		n++
		if col < 0 || len(l) < col+3 || l[col:col+3] != "yes" {
			bad = append(bad, l)
		}
	}
	return bad, n
}

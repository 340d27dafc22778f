package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkReportDemo times `revopsdx report --org Demo` end to end: open
// the database, load and analyse the demo organisation, draw its charts
// and write the PDF (Spanish, A4). Target (issue 9): under 1 s.
func BenchmarkReportDemo(b *testing.B) {
	dir := b.TempDir()
	db := filepath.Join(dir, "demo.db")
	run := func(args ...string) {
		var out, errb bytes.Buffer
		env := Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb}
		if code := Main(context.Background(), append([]string{"--db", db}, args...), env, nil); code != ExitOK {
			b.Fatalf("%v: %d %s", args, code, errb.String())
		}
	}
	run("demo", "--quiet")
	out := filepath.Join(dir, "demo.pdf")
	for b.Loop() {
		run("report", "--org", "Demo", "--out", out)
	}
}

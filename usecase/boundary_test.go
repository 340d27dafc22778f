package usecase

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// TestGUIDoesNotImportTheCommandLine: app/ is the GUI and app/cli the
// command line; what both need lives here, so no file of app/ (tests
// included) imports app/cli.
func TestGUIDoesNotImportTheCommandLine(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "app", "*.go"))
	if err != nil || len(files) == 0 {
		t.Skipf("app/ sources not found next to this package (%v)", err)
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		af, err := parser.ParseFile(token.NewFileSet(), f, src, parser.ImportsOnly)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, im := range af.Imports {
			if p, _ := strconv.Unquote(im.Path.Value); p == "github.com/revopsdx/revopsdx/app/cli" {
				t.Errorf("%s imports app/cli: move what it needs to usecase", f)
			}
		}
	}
}

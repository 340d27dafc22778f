package diagnostic

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const module = "github.com/revopsdx/revopsdx"

// depsOf lists every package of the module with its transitive dependencies,
// as `go list -deps` sees them with the project's build tags.
func depsOf(t *testing.T) map[string][]string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "list", "-tags", "migrated_fynedo", "-f", `{{.ImportPath}} {{join .Deps " "}}`, "./...")
	cmd.Dir = root
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	deps := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		if len(f) > 0 {
			deps[f[0]] = f[1:]
		}
	}
	return deps
}

// violations returns "pkg -> dep" for each package outside app/... and the
// main package that depends on Fyne, and for each domain package that
// depends on the GUI, the command line or the charts (report excepted).
func violations(deps map[string][]string) []string {
	var bad []string
	for pkg, ds := range deps {
		gui := pkg == module || pkg == module+"/app" || strings.HasPrefix(pkg, module+"/app/")
		domain := strings.HasPrefix(pkg, module+"/diagnostic")
		for _, d := range ds {
			switch {
			case !gui && strings.HasPrefix(d, "fyne.io/"):
				bad = append(bad, pkg+" -> "+d)
			case domain && (d == module+"/app" || strings.HasPrefix(d, module+"/app/")):
				bad = append(bad, pkg+" -> "+d)
			case domain && d == module+"/charts" && !strings.HasPrefix(pkg, module+"/diagnostic/report"):
				bad = append(bad, pkg+" -> "+d)
			}
		}
	}
	return bad
}

// TestOnlyTheGUIImportsFyne enforces the architecture: nothing but app/...
// and main.go imports fyne.io, and the domain points only downwards.
func TestOnlyTheGUIImportsFyne(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the go tool is not on PATH; cannot list dependencies")
	}
	deps := depsOf(t)
	if len(deps) < 4 {
		t.Fatalf("go list found only %d packages", len(deps))
	}
	for _, v := range violations(deps) {
		t.Errorf("forbidden dependency: %s", v)
	}
}

// TestViolationsDetects proves the guard can fail.
func TestViolationsDetects(t *testing.T) {
	deps := map[string][]string{
		module:                        {"fyne.io/fyne/v2"},
		module + "/app":               {"fyne.io/fyne/v2/widget"},
		module + "/diagnostic/store":  {"fyne.io/fyne/v2"},
		module + "/charts":            {"fyne.io/fyne/v2/canvas"},
		module + "/diagnostic":        {module + "/app/cli"},
		module + "/diagnostic/kpi":    {module + "/charts"},
		module + "/diagnostic/report": {module + "/charts"},
	}
	got := strings.Join(violations(deps), "\n")
	for _, want := range []string{"diagnostic/store -> fyne.io", "charts -> fyne.io", "diagnostic -> " + module + "/app/cli", "diagnostic/kpi -> " + module + "/charts"} {
		if !strings.Contains(got, want) {
			t.Errorf("guard missed %q in:\n%s", want, got)
		}
	}
	if strings.Contains(got, "report ->") || strings.Contains(got, module+" -> fyne") || strings.Contains(got, "/app -> fyne") {
		t.Errorf("guard flagged an allowed dependency:\n%s", got)
	}
}

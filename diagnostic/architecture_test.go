package diagnostic

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

const module = "github.com/revopsdx/revopsdx"

// guardOSes are the target systems whose build constraints the guard
// evaluates: a file under diagnostic/ that imports Fyne only on Windows
// (`//go:build windows`, `_windows.go`) is as much a leak as one that does
// on Linux.
var guardOSes = []string{"linux", "windows", "darwin"}

// listedPackage is the part of `go list -json` the guard reads.
type listedPackage struct {
	ImportPath string
	ForTest    string
	Deps       []string
}

// basePath maps the test variants `go list -test` adds back to the package
// they test: "p [p.test]" (p with its _test.go files), "p_test [p.test]"
// (the external test package) and "p.test" (the test main) are all p.
func basePath(p listedPackage) string {
	if p.ForTest != "" {
		return p.ForTest
	}
	path, _, _ := strings.Cut(p.ImportPath, " [")
	path = strings.TrimSuffix(path, ".test")
	return strings.TrimSuffix(path, "_test")
}

// depsOf lists every package of the module under root, with its test files
// (internal and external), and their transitive dependencies, as
// `go list -test -deps` sees them with the project's build tags for goos.
// The result maps each package to the union of the dependencies of the
// package and of its test variants.
func depsOf(t *testing.T, root, goos string) map[string][]string {
	t.Helper()
	cmd := exec.Command("go", "list", "-test", "-tags", "migrated_fynedo", "-json=ImportPath,ForTest,Deps", "./...")
	cmd.Dir = root
	// CGO_ENABLED=1 so files constrained to cgo count too; GOWORK=off so a
	// go.work above the tree cannot change what is listed.
	cmd.Env = append(os.Environ(), "GOOS="+goos, "GOARCH=amd64", "CGO_ENABLED=1", "GOWORK=off")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list (GOOS=%s) in %s: %v\n%s", goos, root, err, stderr.String())
	}
	set := map[string]map[string]bool{}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for {
		var p listedPackage
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("go list (GOOS=%s): decoding its JSON: %v", goos, err)
		}
		base := basePath(p)
		if set[base] == nil {
			set[base] = map[string]bool{}
		}
		for _, d := range p.Deps {
			d, _, _ = strings.Cut(d, " [")
			set[base][d] = true
		}
	}
	deps := map[string][]string{}
	for pkg, ds := range set {
		deps[pkg] = []string{}
		for d := range ds {
			deps[pkg] = append(deps[pkg], d)
		}
		sort.Strings(deps[pkg])
	}
	return deps
}

// violations returns "pkg -> dep" for each package outside app/... and the
// main package that depends on Fyne (once per package, naming the first
// fyne.io package in sort order), and for each domain package that depends
// on the GUI, the command line or the charts (report excepted).
func violations(deps map[string][]string) []string {
	var bad []string
	for pkg, ds := range deps {
		gui := pkg == module || pkg == module+"/app" || strings.HasPrefix(pkg, module+"/app/")
		domain := pkg == module+"/diagnostic" || strings.HasPrefix(pkg, module+"/diagnostic/")
		firstFyne := ""
		for _, d := range ds {
			switch {
			case !gui && strings.HasPrefix(d, "fyne.io/"):
				if firstFyne == "" || d < firstFyne {
					firstFyne = d
				}
			case domain && (d == module+"/app" || strings.HasPrefix(d, module+"/app/")):
				bad = append(bad, pkg+" -> "+d)
			case domain && d == module+"/charts" && !strings.HasPrefix(pkg, module+"/diagnostic/report"):
				bad = append(bad, pkg+" -> "+d)
			}
		}
		if firstFyne != "" {
			bad = append(bad, pkg+" -> "+firstFyne)
		}
	}
	sort.Strings(bad)
	return bad
}

// guard runs the check on the module under root for every OS of guardOSes
// and returns each violation once, with the systems it occurs on:
// "pkg -> dep (windows)". It also returns how many packages it saw.
func guard(t *testing.T, root string) (bad []string, packages int) {
	t.Helper()
	where := map[string][]string{}
	for _, goos := range guardOSes {
		deps := depsOf(t, root, goos)
		packages = max(packages, len(deps))
		for _, v := range violations(deps) {
			where[v] = append(where[v], goos)
		}
	}
	for v, oses := range where {
		bad = append(bad, v+" ("+strings.Join(oses, ",")+")")
	}
	sort.Strings(bad)
	return bad, packages
}

// TestOnlyTheGUIImportsFyne enforces the architecture: nothing but app/...
// and main.go imports fyne.io, not even in a _test.go file or a file built
// only for Windows or macOS, and the domain points only downwards.
func TestOnlyTheGUIImportsFyne(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the go tool is not on PATH; cannot list dependencies")
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	bad, n := guard(t, root)
	if n < 4 {
		t.Fatalf("go list found only %d packages", n)
	}
	for _, v := range bad {
		t.Errorf("forbidden dependency: %s", v)
	}
}

// TestGuardCatchesLeaks proves the guard can fail, end to end: it runs it
// on archguardFixture (written to a temporary folder), a small module with
// the same module path and a
// stand-in fyne.io/fyne/v2 (a local replace, so no network), where
//   - diagnostic/ imports fyne only from an internal _test.go file,
//   - diagnostic/ext imports it only from an external (package ext_test) test,
//   - diagnostic/winonly only from w_windows.go,
//   - diagnostic/maconly only from a file with //go:build darwin,
//   - diagnostic/clean never, and app/ (allowed) in its ordinary file.
//
// A plain `go list -deps` on Linux sees none of the four leaks.
func TestGuardCatchesLeaks(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the go tool is not on PATH; cannot list dependencies")
	}
	root := t.TempDir()
	for name, body := range archguardFixture {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bad, _ := guard(t, root)
	got := strings.Join(bad, "\n")
	want := []string{
		module + "/diagnostic -> fyne.io/fyne/v2 (linux,windows,darwin)",
		module + "/diagnostic/ext -> fyne.io/fyne/v2 (linux,windows,darwin)",
		module + "/diagnostic/maconly -> fyne.io/fyne/v2 (darwin)",
		module + "/diagnostic/winonly -> fyne.io/fyne/v2 (windows)",
	}
	if got != strings.Join(want, "\n") {
		t.Errorf("guard on the fixture module found:\n%s\nwant exactly:\n%s", got, strings.Join(want, "\n"))
	}
}

// TestViolationsDetects checks the rules on a hand-made dependency map.
func TestViolationsDetects(t *testing.T) {
	deps := map[string][]string{
		module:                        {"fyne.io/fyne/v2"},
		module + "/app":               {"fyne.io/fyne/v2/widget"},
		module + "/diagnostic/store":  {"fyne.io/fyne/v2"},
		module + "/charts":            {"fyne.io/fyne/v2/canvas", "fyne.io/fyne/v2"},
		module + "/diagnostic":        {module + "/app/cli"},
		module + "/diagnostic/kpi":    {module + "/charts"},
		module + "/diagnostic/report": {module + "/charts"},
		module + "/diagnosticx":       {module + "/app"}, // not a domain package: only the prefix matches
	}
	got := strings.Join(violations(deps), "\n")
	if n := strings.Count(got, "charts -> fyne.io"); n != 1 {
		t.Errorf("charts' two fyne.io dependencies reported %d times, want once:\n%s", n, got)
	}
	for _, want := range []string{"diagnostic/store -> fyne.io", "charts -> fyne.io/fyne/v2\n", "diagnostic -> " + module + "/app/cli", "diagnostic/kpi -> " + module + "/charts"} {
		if !strings.Contains(got, want) {
			t.Errorf("guard missed %q in:\n%s", want, got)
		}
	}
	if strings.Contains(got, "report ->") || strings.Contains(got, module+" -> fyne") || strings.Contains(got, "/app -> fyne") || strings.Contains(got, "diagnosticx") {
		t.Errorf("guard flagged an allowed dependency:\n%s", got)
	}
}

// TestBasePath checks how test variants map back to their package.
func TestBasePath(t *testing.T) {
	for _, tc := range []struct {
		p    listedPackage
		want string
	}{
		{listedPackage{ImportPath: module + "/diagnostic"}, module + "/diagnostic"},
		{listedPackage{ImportPath: module + "/diagnostic [" + module + "/diagnostic.test]", ForTest: module + "/diagnostic"}, module + "/diagnostic"},
		{listedPackage{ImportPath: module + "/diagnostic_test [" + module + "/diagnostic.test]", ForTest: module + "/diagnostic"}, module + "/diagnostic"},
		{listedPackage{ImportPath: module + "/diagnostic.test"}, module + "/diagnostic"},
	} {
		if got := basePath(tc.p); got != tc.want {
			t.Errorf("basePath(%+v) = %q, want %q", tc.p, got, tc.want)
		}
	}
}

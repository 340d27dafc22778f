package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// cliIn runs the command line against one database file.
func cliIn(t *testing.T, db string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Version: "test"}
	code := Main(context.Background(), append([]string{"--db", db}, args...), env, nil)
	return code, out.String(), errb.String()
}

// dealsIn counts the deals stored for the organisation named name.
func dealsIn(t *testing.T, db, name string) []diagnostic.Deal {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	o, err := s.FindOrg(ctx, name)
	if err != nil {
		t.Fatal(err)
	}
	deals, err := s.Deals(ctx, o.ID, store.Range{})
	if err != nil {
		t.Fatal(err)
	}
	return deals
}

func TestImportWritesAllOrNothing(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	if code, _, e := cliIn(t, db, "org", "add", "--name", "Acme"); code != 0 {
		t.Fatalf("org add: %d %s", code, e)
	}
	good := "../../diagnostic/importer/testdata/pipedrive_deals.csv"

	code, out, e := cliIn(t, db, "import", "--org", "Acme", good)
	if code != 0 {
		t.Fatalf("import: %d\n%s\n%s", code, out, e)
	}
	deals := dealsIn(t, db, "Acme")
	// pipedrive_deals.csv: deal 1 won (1500 EUR), 2 lost, 3 open.
	if len(deals) != 3 {
		t.Fatalf("%d deals stored, want 3", len(deals))
	}
	won := 0
	for _, d := range deals {
		if d.Status == diagnostic.DealWon {
			won++
			if d.Amount != 1500 {
				t.Errorf("won amount %v, want 1500", d.Amount)
			}
		}
	}
	if won != 1 {
		t.Errorf("%d won deals, want 1", won)
	}

	// The same file again is refused; with --replace it replaces.
	code, _, e = cliIn(t, db, "import", "--org", "Acme", good)
	if code != 1 || !strings.Contains(e, "already imported") {
		t.Errorf("re-import: code %d, stderr %q", code, e)
	}
	if code, _, e = cliIn(t, db, "import", "--org", "Acme", "--replace", good); code != 0 {
		t.Errorf("--replace: code %d, %s", code, e)
	}
	if n := len(dealsIn(t, db, "Acme")); n != 3 {
		t.Errorf("after --replace %d deals, want 3", n)
	}

	// A file with problems changes nothing and names row and column.
	bad := "../../diagnostic/importer/testdata/deals_problems.csv"
	code, _, e = cliIn(t, db, "import", "--org", "Acme", "--kind", "deals", bad)
	if code != 1 || !strings.Contains(e, "deals_problems.csv:3:") || !strings.Contains(e, "nothing was imported") {
		t.Errorf("bad file: code %d, stderr %q", code, e)
	}
	if n := len(dealsIn(t, db, "Acme")); n != 3 {
		t.Errorf("a rejected file changed the database: %d deals", n)
	}

	// Unknown organisation.
	if code, _, e = cliIn(t, db, "import", "--org", "Nope", good); code != 1 || !strings.Contains(e, "Nope") {
		t.Errorf("unknown org: code %d, %q", code, e)
	}
}

func TestImportReusesConfirmedMapping(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	cliIn(t, db, "org", "add", "--name", "Acme")
	// "Valor cerrado" is no known synonym of amount: the user maps it once.
	csv := "ID,Estado,Valor cerrado,Fecha de creación,Fecha de cierre\nA1,Ganado,1000,2024-01-02,2024-02-03\nA2,Perdido,500,2024-01-05,2024-02-07\n"
	f1 := filepath.Join(dir, "one.csv")
	if err := os.WriteFile(f1, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, e := cliIn(t, db, "import", "--org", "Acme", "--kind", "deals", "--map", "Valor cerrado=amount", f1)
	if code != 0 {
		t.Fatalf("import with --map: %d %s", code, e)
	}
	// A second file with the same header layout imports without --map.
	f2 := filepath.Join(dir, "two.csv")
	if err := os.WriteFile(f2, []byte(csv+"A3,Ganado,700,2024-03-01,2024-03-20\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, e := cliIn(t, db, "import", "--org", "Acme", "--kind", "deals", f2)
	if code != 0 {
		t.Fatalf("second import without --map: %d\n%s\n%s", code, out, e)
	}
	// Both files are deals exports of today: the second is today's
	// snapshot and replaces the first (A1 and A2 again, and A3), so the
	// deals count once (issue 18), not 2 + 3.
	if n := len(dealsIn(t, db, "Acme")); n != 3 {
		t.Errorf("%d deals, want 3", n)
	}
}

package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runDB runs the command line against the database db with stdin.
func runDB(t *testing.T, db, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Version: "9.9.9"}
	code = Main(context.Background(), append([]string{"--db", db}, args...), env, nil)
	return code, out.String(), errb.String()
}

func TestOrgCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "app", "revopsdx.db")
	if code, out, _ := runDB(t, db, "", "orgs", "--json"); code != ExitOK || out != "[]\n" {
		t.Errorf("empty orgs: %d %q", code, out)
	}
	code, out, errOut := runDB(t, db, "", "org", "add", "--name", "Acme SL", "--industry", "saas", "--segment", "smb", "--employees", "45", "--lang", "en", "--json")
	if code != ExitOK || !strings.Contains(out, `"employees_band": "11-50"`) {
		t.Fatalf("org add: %d %q %q", code, out, errOut)
	}
	runDB(t, db, "", "org", "add", "--name", "Beta")
	if code, _, errOut := runDB(t, db, "", "org", "add", "--name", "acme sl"); code != ExitError || !strings.Contains(errOut, `an organisation named "acme sl" already exists`) {
		t.Errorf("duplicate: %d %q", code, errOut)
	}
	if code, _, errOut := runDB(t, db, "", "org", "add", "--name", "X", "--currency", "euro"); code != ExitError || !strings.Contains(errOut, "currency") {
		t.Errorf("bad currency: %d %q", code, errOut)
	}
	if code, _, _ := runDB(t, db, "", "org", "frob"); code != ExitUsage {
		t.Errorf("unknown subcommand: %d", code)
	}
	code, out, _ = runDB(t, db, "", "orgs", "--json")
	var list []map[string]any
	if err := json.Unmarshal([]byte(out), &list); err != nil || code != ExitOK || len(list) != 2 {
		t.Fatalf("orgs --json: %d %q %v", code, out, err)
	}
	keys := []string{"assessments", "currency", "id", "industry", "language", "last_score", "name", "segment", "updated"}
	for _, k := range keys {
		if _, ok := list[0][k]; !ok {
			t.Errorf("orgs --json lacks %q: %v", k, list[0])
		}
	}
	if len(list[0]) != len(keys) || list[0]["name"] != "Acme SL" || list[0]["language"] != "en" || list[0]["last_score"] != nil || list[1]["language"] != "es" {
		t.Errorf("orgs --json: %v", list)
	}
	if code, out, _ := runDB(t, db, "", "orgs"); code != ExitOK || !strings.Contains(out, "Acme SL") || !strings.Contains(out, "LAST SCORE") {
		t.Errorf("orgs: %q", out)
	}
	// rm asks; "n" keeps it; --yes and an id delete it.
	if code, _, errOut := runDB(t, db, "n\n", "org", "rm", "Beta"); code != ExitError || !strings.Contains(errOut, "not deleted") {
		t.Errorf("rm declined: %d %q", code, errOut)
	}
	if code, _, _ := runDB(t, db, "yes\n", "org", "rm", "beta"); code != ExitOK {
		t.Errorf("rm confirmed: %d", code)
	}
	if code, _, _ := runDB(t, db, "", "org", "rm", "1", "--yes"); code != ExitOK {
		t.Errorf("rm by id: %d", code)
	}
	if code, _, errOut := runDB(t, db, "", "org", "rm", "Nope", "--yes"); code != ExitError || !strings.Contains(errOut, `no organisation named "Nope"`) {
		t.Errorf("rm unknown: %d %q", code, errOut)
	}
}

func TestBadDatabaseFile(t *testing.T) {
	db := filepath.Join(t.TempDir(), "notes.db")
	content := []byte("this is a shopping list, not a database\n")
	os.WriteFile(db, content, 0o644)
	code, out, errOut := runDB(t, db, "", "orgs")
	want := "revopsdx: " + db + ": not a RevOps Diagnostic database (no SQLite header)\n"
	if code != ExitError || out != "" || errOut != want {
		t.Errorf("code %d stdout %q stderr %q; want %q", code, out, errOut, want)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(after, content) {
		t.Error("the file was changed")
	}
}

func TestBackupRestoreExportImport(t *testing.T) {
	scryptWorkFactor = 10 // fast; real exports use the default, 18
	defer func() { scryptWorkFactor = 0 }()
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	runDB(t, db, "", "org", "add", "--name", "Acme")
	bak := filepath.Join(dir, "bak.db")
	if code, _, errOut := runDB(t, db, "", "backup", "--out", bak); code != ExitOK {
		t.Fatalf("backup: %q", errOut)
	}
	if code, _, errOut := runDB(t, db, "", "backup", "--out", bak); code != ExitError || !strings.Contains(errOut, "already exists") {
		t.Errorf("backup over a file: %d %q", code, errOut)
	}
	runDB(t, db, "", "org", "add", "--name", "Later")
	if code, _, _ := runDB(t, db, "", "restore", bak); code != ExitError {
		t.Errorf("restore without an answer: %d", code)
	}
	if code, _, errOut := runDB(t, db, "y\n", "restore", bak); code != ExitOK {
		t.Fatalf("restore: %q", errOut)
	}
	if _, out, _ := runDB(t, db, "", "orgs"); strings.Contains(out, "Later") || !strings.Contains(out, "Acme") {
		t.Errorf("after restore: %q", out)
	}
	// Export encrypted with the passphrase from the environment, import
	// into another database: the name clash needs --rename.
	t.Setenv(passphraseEnv, "s3cret")
	f := filepath.Join(dir, "acme.revops")
	if code, out, errOut := runDB(t, db, "", "export", "--org", "Acme", "--out", f, "--encrypt"); code != ExitOK || !strings.Contains(out, "(cifrado)") { // Acme is Spanish (the default language)
		t.Fatalf("export: %q %q", out, errOut)
	}
	other := filepath.Join(dir, "b.db")
	runDB(t, other, "", "org", "add", "--name", "Acme")
	if code, _, errOut := runDB(t, other, "", "import-engagement", f); code != ExitError || !strings.Contains(errOut, "--rename") {
		t.Errorf("clash: %d %q", code, errOut)
	}
	t.Setenv(passphraseEnv, "")
	if code, _, errOut := runDB(t, other, "wrong\n", "import-engagement", f, "--rename", "Acme 2"); code != ExitError || !strings.Contains(errOut, "wrong passphrase") {
		t.Errorf("wrong passphrase: %d %q", code, errOut)
	}
	code, out, errOut := runDB(t, other, "s3cret\n", "import-engagement", f, "--rename", "Acme 2", "--json")
	if code != ExitOK || !strings.Contains(out, `"name": "Acme 2"`) {
		t.Errorf("import: %d %q %q", code, out, errOut)
	}
	// A prompted passphrase for export is asked twice.
	if code, _, errOut := runDB(t, db, "a\nb\n", "export", "--org", "Acme", "--out", filepath.Join(dir, "x.revops"), "--encrypt"); code != ExitError || !strings.Contains(errOut, "differ") {
		t.Errorf("mismatched passphrases: %d %q", code, errOut)
	}
}

// TestMessagesFollowTheLanguage checks the confirmations: about an
// organisation in its language, about the database in the system's.
func TestMessagesFollowTheLanguage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.db")
	if _, out, _ := runDB(t, db, "", "org", "add", "--name", "Norte SL", "--lang", "es"); out != "Organización \"Norte SL\" añadida (id 1).\n" {
		t.Errorf("org add es: %q", out)
	}
	if _, out, _ := runDB(t, db, "", "org", "add", "--name", "North Ltd", "--lang", "en"); out != "Added organisation \"North Ltd\" (id 2).\n" {
		t.Errorf("org add en: %q", out)
	}
	// Deleting without --yes asks in the organisation's language.
	if _, _, errOut := runDB(t, db, "n\n", "org", "rm", "Norte SL"); !strings.Contains(errOut, "¿Eliminar la organización \"Norte SL\"") || !strings.Contains(errOut, "[s/N]") {
		t.Errorf("org rm es prompt: %q", errOut)
	}
	out := filepath.Join(t.TempDir(), "copy.db")
	t.Setenv("LANG", "es_ES.UTF-8")
	if _, got, _ := runDB(t, db, "", "backup", "--out", out); !strings.HasPrefix(got, "Copia de ") {
		t.Errorf("backup with LANG=es_ES: %q", got)
	}
	if _, got, _ := runDB(t, db, "", "orgs"); !strings.Contains(got, "NOMBRE") {
		t.Errorf("orgs with LANG=es_ES: %q", got)
	}
	t.Setenv("LANG", "en_GB.UTF-8")
	if _, got, _ := runDB(t, db, "", "orgs"); !strings.Contains(got, "NAME") {
		t.Errorf("orgs with LANG=en_GB: %q", got)
	}
}

package cli

import (
	"bytes"
	"context"
	"flag"
	"strings"
	"testing"
)

// run executes the command line with captured output.
func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Version: "9.9.9"}
	t.Setenv("REVOPSDX_DB", t.TempDir()+"/test.db")
	code = Main(context.Background(), args, env, nil)
	return code, out.String(), errb.String()
}

func TestVersionAndHelp(t *testing.T) {
	if code, out, _ := run(t, "version", "--json"); code != ExitOK || out != "{\n  \"version\": \"9.9.9\"\n}\n" {
		t.Errorf("version --json: code %d out %q", code, out)
	}
	if code, out, _ := run(t, "version"); code != ExitOK || out != "revopsdx 9.9.9\n" {
		t.Errorf("version: code %d out %q", code, out)
	}
	code, out, _ := run(t, "help")
	if code != ExitOK || !strings.Contains(out, "version") || !strings.Contains(out, "print the version") {
		t.Errorf("help: code %d out %q", code, out)
	}
	code, out, _ = run(t, "help", "version")
	if code != ExitOK || !strings.Contains(out, "Usage: revopsdx version") || !strings.Contains(out, "-db") {
		t.Errorf("help version: code %d out %q", code, out)
	}
	code, out, _ = run(t, "version", "-h")
	if code != ExitOK || !strings.Contains(out, "Usage: revopsdx version") {
		t.Errorf("version -h: code %d out %q", code, out)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"no-such-command"}, {"version", "--bogus"}, {"--bogus"}, {"help", "nope"}} {
		code, out, errOut := run(t, args...)
		if code != ExitUsage || out != "" || !strings.Contains(errOut, "Usage") {
			t.Errorf("%v: code %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
	if code, _, _ := run(t); code != ExitUsage {
		t.Errorf("no args without GUI: code %d, want %d", code, ExitUsage)
	}
}

func TestDBResolution(t *testing.T) {
	t.Setenv("REVOPSDX_DB", "/from/env.db")
	if got, _ := ResolveDBPath(""); got != "/from/env.db" {
		t.Errorf("env: %q", got)
	}
	if got, _ := ResolveDBPath("/flag.db"); got != "/flag.db" {
		t.Errorf("flag: %q", got)
	}
	t.Setenv("REVOPSDX_DB", "")
	t.Setenv("XDG_CONFIG_HOME", "/cfg")
	t.Setenv("HOME", "/home/x")
	if got, _ := ResolveDBPath(""); !strings.HasSuffix(got, "revopsdx/revopsdx.db") {
		t.Errorf("default: %q", got)
	}
	var gotDB, gotOpen string
	env := Env{Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}}
	Main(context.Background(), []string{"--db", "/x.db", "--open", "Demo"}, env, func(db, open string) error { gotDB, gotOpen = db, open; return nil })
	if gotDB != "/x.db" || gotOpen != "Demo" {
		t.Errorf("GUI got db %q, open %q", gotDB, gotOpen)
	}
}

func TestInterleavedFlagsAndFailure(t *testing.T) {
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	j := fs.Bool("json", false, "")
	pos, err := parseInterleaved(fs, []string{"a.csv", "--json", "b.csv", "--", "--c"})
	if err != nil || !*j || strings.Join(pos, ",") != "a.csv,b.csv,--c" {
		t.Errorf("got %v %v %v", pos, *j, err)
	}
	var errb bytes.Buffer
	env := &Env{Stdout: &bytes.Buffer{}, Stderr: &errb}
	failing := &Command{Name: "boom", Setup: func(*flag.FlagSet) RunFunc {
		return func(context.Context, *Env, []string) error { return errString("file.csv:3:2: bad\nvalue") }
	}}
	if code := runCommand(context.Background(), failing, nil, env); code != ExitError || errb.String() != "revopsdx: file.csv:3:2: bad value\n" {
		t.Errorf("failure: code %d stderr %q", code, errb.String())
	}
}

type errString string

func (e errString) Error() string { return string(e) }

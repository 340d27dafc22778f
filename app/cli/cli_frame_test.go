package cli

import (
	"strings"
	"testing"
)

// TestHelpFlagPrintsUsageOnce: `CMD -h` prints the command's usage exactly
// once, on stdout, and nothing on stderr (the flag package used to print it
// a second time, on stderr, while parsing).
func TestHelpFlagPrintsUsageOnce(t *testing.T) {
	for _, args := range [][]string{{"version", "-h"}, {"version", "--help"}, {"import", "-h"}, {"orgs", "-help"}} {
		code, out, errOut := run(t, args...)
		want := "Usage: revopsdx " + args[0] + " "
		if code != ExitOK || strings.Count(out, want) != 1 || strings.Count(out, "Flags:") != 1 || errOut != "" {
			t.Errorf("%v: code %d (want 0), %d usages on stdout (want 1), stdout %q, stderr %q",
				args, code, strings.Count(out, want), out, errOut)
		}
	}
}

// TestBadFlagOneErrorAndUsage: a bad flag gives one error line and the usage
// once, both on stderr, and exit 2.
func TestBadFlagOneErrorAndUsage(t *testing.T) {
	for _, tc := range []struct {
		args      []string
		firstLine string
	}{
		{[]string{"version", "--bogus"}, "revopsdx version: flag provided but not defined: -bogus"},
		{[]string{"version", "--json=maybe"}, `revopsdx version: invalid boolean value "maybe" for -json: parse error`},
		{[]string{"orgs", "-x"}, "revopsdx orgs: flag provided but not defined: -x"},
	} {
		code, out, errOut := run(t, tc.args...)
		lines := strings.Split(errOut, "\n")
		if code != ExitUsage || out != "" || lines[0] != tc.firstLine {
			t.Errorf("%v: code %d (want 2), stdout %q, first stderr line %q (want %q)", tc.args, code, out, lines[0], tc.firstLine)
		}
		if n := strings.Count(errOut, "Usage: revopsdx "+tc.args[0]); n != 1 {
			t.Errorf("%v: usage printed %d times on stderr, want 1:\n%s", tc.args, n, errOut)
		}
		// "flag provided" / "invalid boolean" appear only in the first line.
		if n := strings.Count(errOut, strings.TrimPrefix(tc.firstLine, "revopsdx "+tc.args[0]+": ")); n != 1 {
			t.Errorf("%v: error printed %d times, want 1:\n%s", tc.args, n, errOut)
		}
	}
}

// TestVersionRejectsArguments: `version extra` is misuse, like every other
// command given an argument it does not take.
func TestVersionRejectsArguments(t *testing.T) {
	code, out, errOut := run(t, "version", "extra")
	if code != ExitUsage || out != "" || !strings.HasPrefix(errOut, "revopsdx version: unexpected argument \"extra\"\n") ||
		strings.Count(errOut, "Usage: revopsdx version") != 1 {
		t.Errorf("version extra: code %d (want 2), stdout %q, stderr %q", code, out, errOut)
	}
}

// TestEveryCommandRejectsStrayArguments runs every registered command with
// four positional arguments no command accepts in that form (help takes at
// most one; org has no subcommand "a"; import and the others need flags or
// take fewer). None may silently ignore them: each must exit 2 with its
// usage on stderr and print nothing on stdout.
func TestEveryCommandRejectsStrayArguments(t *testing.T) {
	for _, c := range Commands() {
		code, out, errOut := run(t, c.Name, "a", "b", "c", "d")
		if code != ExitUsage || out != "" || !strings.Contains(errOut, "Usage: revopsdx "+c.Name+" ") {
			t.Errorf("%s a b c d: code %d (want 2), stdout %q, stderr %q", c.Name, code, out, errOut)
		}
	}
}

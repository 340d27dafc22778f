package cli

import (
	"os"
	"testing"
)

// TestMain runs the package's tests with an English system locale, so that
// messages about no organisation in particular (which follow $LC_ALL,
// $LC_MESSAGES or $LANG) read the same on every machine; the tests that are
// about the system language set it themselves.
func TestMain(m *testing.M) {
	os.Unsetenv("LC_ALL")
	os.Unsetenv("LC_MESSAGES")
	os.Setenv("LANG", "C.UTF-8")
	os.Exit(m.Run())
}

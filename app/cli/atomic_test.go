//go:build !windows

package cli

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestAtomicWritesAre0600: charts and other exports written by the command
// line are client data: 0600 under umask 077 and 022, new or replacing a
// file of another mode.
func TestAtomicWritesAre0600(t *testing.T) {
	for _, mask := range []int{0o077, 0o022} {
		old := syscall.Umask(mask)
		dir := t.TempDir()
		fresh := filepath.Join(dir, "chart.png")
		again := filepath.Join(dir, "old.csv")
		os.WriteFile(again, []byte("old"), 0o644)
		os.Chmod(again, 0o644)
		for _, p := range []string{fresh, again, again} {
			if err := writeFileAtomic(p, func(w io.Writer) error { _, err := w.Write([]byte("x")); return err }); err != nil {
				t.Fatal(err)
			}
			if st, _ := os.Stat(p); st.Mode().Perm() != 0o600 {
				t.Errorf("umask %#o: %s has mode %v, want 0600", mask, filepath.Base(p), st.Mode().Perm())
			}
		}
		syscall.Umask(old)
	}
}

//go:build !windows

package report

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestReportFilesAre0600: the PDF, CSV and JSON exports (all through
// writeAtomic) are client data: 0600 under umask 077 and 022, and a
// rewrite of a 0600 file keeps 0600.
func TestReportFilesAre0600(t *testing.T) {
	for _, mask := range []int{0o077, 0o022} {
		old := syscall.Umask(mask)
		p := filepath.Join(t.TempDir(), "report.pdf")
		for range 2 {
			if err := writeAtomic(p, func(w io.Writer) error { _, err := w.Write([]byte("%PDF")); return err }); err != nil {
				t.Fatal(err)
			}
			if st, _ := os.Stat(p); st.Mode().Perm() != 0o600 {
				t.Errorf("umask %#o: mode %v, want 0600", mask, st.Mode().Perm())
			}
		}
		syscall.Umask(old)
	}
}

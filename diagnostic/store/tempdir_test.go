package store

import (
	"bufio"
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

const exportChildEnv = "REVOPSDX_EXPORT_CHILD_DB"

// TestExportChild is the child process of TestNoPlaintextLeftBehind: it
// exports the organisation "Acme" encrypted, again and again, announcing
// each export on stdout, until it is killed or (with SIGINT/SIGTERM, which
// it handles as the command line does) its context is cancelled.
func TestExportChild(t *testing.T) {
	path := os.Getenv(exportChildEnv)
	if path == "" {
		t.Skip("helper process of TestNoPlaintextLeftBehind; runs only when re-executed by it")
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	s, err := Open(ctx, path, Options{})
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(3)
	}
	defer s.Close()
	o, err := s.FindOrg(ctx, "Acme")
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(3)
	}
	for n := 0; ctx.Err() == nil; n++ {
		out := filepath.Join(filepath.Dir(path), fmt.Sprintf("out-%d-%d.revops", os.Getpid(), n))
		fmt.Println("EXPORT", out)
		if err := s.ExportEngagement(ctx, o.ID, out, ExportOptions{Passphrase: "p", WorkFactor: 10}); err != nil && ctx.Err() == nil {
			fmt.Println("ERR", err)
			os.Exit(3)
		}
	}
	fmt.Println("DONE")
}

// leftovers lists the files in the database's folder that are neither the
// database, its journal files, a finished export nor a backup.
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	var got []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		switch {
		case rel == "e.db", rel == "e.db-wal", rel == "e.db-shm", strings.HasPrefix(rel, "backups"+string(filepath.Separator)):
		case strings.HasPrefix(rel, "out-") && strings.HasSuffix(rel, ".revops"):
			if b, _ := os.ReadFile(p); !strings.HasPrefix(string(b), ageMagic) {
				got = append(got, rel+" (a partial export)")
			}
		default:
			got = append(got, rel)
		}
		return nil
	})
	return got
}

// TestNoPlaintextLeftBehind kills a child process in the middle of an
// encrypted export (SIGKILL: nothing can run, so the next start sweeps) and
// interrupts another (SIGTERM: the export cleans up as it returns), and
// checks that no plain copy of the organisation and no partial export is
// left, and that the temporary folder is private.
func TestNoPlaintextLeftBehind(t *testing.T) {
	if testing.Short() {
		t.Skip("multi-process test skipped in -short mode")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "e.db")
	dealsDB(t, path).Close()
	start := func(t *testing.T) (*exec.Cmd, chan string) {
		cmd := exec.Command(os.Args[0], "-test.run=^TestExportChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), exportChildEnv+"="+path)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string, 1000)
		go func() {
			sc := bufio.NewScanner(stdout)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		return cmd, lines
	}
	// waitMidExport waits until the child has announced an export and a
	// temporary file of it exists.
	waitMidExport := func(t *testing.T, lines chan string) {
		t.Helper()
		deadline := time.After(60 * time.Second)
		exporting := false
		for {
			select {
			case l, ok := <-lines:
				if !ok || strings.HasPrefix(l, "ERR") {
					t.Fatalf("child: %q", l)
				}
				exporting = exporting || strings.HasPrefix(l, "EXPORT")
			case <-deadline:
				t.Fatal("the child never got to an export")
			default:
				if exporting && len(leftovers(t, dir)) > 0 {
					return
				}
				time.Sleep(time.Millisecond) // polling for the file, not a fixed wait
			}
		}
	}

	t.Run("SIGKILL", func(t *testing.T) {
		for round := 0; ; round++ {
			if round == 20 {
				t.Fatal("20 kills and never one in the middle of an export")
			}
			cmd, lines := start(t)
			waitMidExport(t, lines)
			cmd.Process.Signal(syscall.SIGKILL)
			cmd.Wait()
			left := leftovers(t, dir)
			if len(left) == 0 {
				continue // the export had just finished: kill again
			}
			t.Logf("round %d: the kill left %v", round, left)
			if st, err := os.Stat(TempDir(path)); err != nil || st.Mode().Perm() != 0o700 {
				t.Errorf("temporary folder: %v %v", st, err)
			}
			// The next start sweeps them.
			s, err := Open(context.Background(), path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			s.Close()
			if left := leftovers(t, dir); len(left) != 0 {
				t.Errorf("after the next start, still there: %v", left)
			}
			return
		}
	})

	t.Run("SIGTERM", func(t *testing.T) {
		cmd, lines := start(t)
		waitMidExport(t, lines)
		cmd.Process.Signal(syscall.SIGTERM)
		for l := range lines {
			if strings.HasPrefix(l, "ERR") {
				t.Errorf("child: %s", l)
			}
		}
		if err := cmd.Wait(); err != nil {
			t.Errorf("interrupted child: %v", err)
		}
		if left := leftovers(t, dir); len(left) != 0 {
			t.Errorf("after an interrupted export, without a sweep: %v", left)
		}
	})
}

// TestEmptyOutDoesNotBlockExport: the empty --out an interrupted export of
// an earlier version left is replaced; a non-empty file still conflicts.
func TestEmptyOutDoesNotBlockExport(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t)
	o := mustOrg(t, s, "Acme")
	out := filepath.Join(t.TempDir(), "x.revops")
	os.WriteFile(out, nil, 0o600)
	if err := s.ExportEngagement(ctx, o.ID, out, ExportOptions{Passphrase: "p", WorkFactor: 10}); err != nil {
		t.Fatalf("export over an empty file: %v", err)
	}
	if b, _ := os.ReadFile(out); !strings.HasPrefix(string(b), ageMagic) {
		t.Error("the export was not written")
	}
	if err := s.ExportEngagement(ctx, o.ID, out, ExportOptions{}); err == nil {
		t.Error("export over a finished export worked")
	}
}

package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// tempDirName is the private folder (0700), next to the database, that
// holds the plain temporary copies an engagement export or import makes:
// the whole organisation in clear, so never left in a shared folder and
// never left behind.
const tempDirName = ".revopsdx-tmp"

// staleTemp is the age after which a temporary file is swept even when
// the process that made it looks alive (its id reused by another program).
const staleTemp = 24 * time.Hour

// TempDir is the private folder of the database's temporary files.
func TempDir(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), tempDirName) }

// privateDir creates dir with mode 0700, or makes an existing one 0700; a
// symbolic link or a file in its place is refused.
func privateDir(dir string) error {
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, os.ErrExist) {
		return fmt.Errorf("creating the temporary folder %s: %w", dir, permErr(err))
	}
	st, err := os.Lstat(dir)
	if err != nil {
		return fmt.Errorf("temporary folder %s: %w", dir, err)
	}
	if !st.IsDir() {
		return fmt.Errorf("temporary folder %s is not a folder", dir)
	}
	if st.Mode().Perm() != 0o700 {
		if err := os.Chmod(dir, 0o700); err != nil {
			return fmt.Errorf("restricting the temporary folder %s to its owner: %w", dir, err)
		}
	}
	return nil
}

// tempPath returns a path for a temporary database in the private folder,
// named <what>-<process id>-<random>.db so that a later start can tell a
// leftover of a killed process from a file in use, and a function that
// removes it with its journal files. The caller defers the function, so it
// runs on every return, an interrupt (SIGINT, SIGTERM: the command line
// cancels its context and returns) included; after a SIGKILL or a power
// cut, sweepTemp removes the leftover at the next start.
func (s *Store) tempPath(what string) (string, func(), error) {
	dir := TempDir(s.path)
	if err := privateDir(dir); err != nil {
		return "", nil, err
	}
	f, err := os.CreateTemp(dir, fmt.Sprintf("%s-%d-*.db", what, os.Getpid()))
	if err != nil {
		return "", nil, fmt.Errorf("creating a temporary file: %w", permErr(err))
	}
	name := f.Name()
	f.Close()
	os.Remove(name) // Open creates it with the right mode
	return name, func() { removeTemp(name) }, nil
}

func removeTemp(name string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal", ".age"} {
		os.Remove(name + suffix)
	}
}

// sweepTemp removes the temporary files that killed processes left: in the
// private folder those of a process that no longer runs (or older than a
// day), and next to the database the ".revopsdx-export-*" and
// ".revopsdx-import-*" files earlier versions made there and the
// ".revopsdx-probe-*" files of the folder check (checkDirWritable, which
// tolerates a probe swept by another process). It reports what
// it could not remove; removing nothing is not an error.
func sweepTemp(dbPath string, now time.Time) error {
	var errs []error
	dir := TempDir(dbPath)
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("sweeping %s: %w", dir, err)
	}
	for _, e := range entries {
		if pid, ok := tempOwner(e.Name()); ok && pid != os.Getpid() && processAlive(pid) {
			if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) < staleTemp {
				continue
			}
		}
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
			errs = append(errs, err)
		}
	}
	for _, pattern := range []string{".revopsdx-export-*", ".revopsdx-import-*", ".revopsdx-probe-*"} {
		old, _ := filepath.Glob(filepath.Join(filepath.Dir(dbPath), pattern))
		for _, f := range old {
			if err := os.Remove(f); err != nil {
				errs = append(errs, err)
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("removing leftover temporary files: %w", err)
	}
	return nil
}

// tempOwner reads the process id from a temporary file's name
// (<what>-<pid>-<random>.db[-wal…]).
func tempOwner(name string) (int, bool) {
	parts := strings.SplitN(name, "-", 3)
	if len(parts) < 3 {
		return 0, false
	}
	pid, err := strconv.Atoi(parts[1])
	return pid, err == nil && pid > 0
}

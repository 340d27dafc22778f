package app

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
)

// logName is the log file written next to the database.
const logName = "revopsdx.log"

// maxLogSize is the size beyond which the log is moved to revopsdx.log.1
// at start-up, so it never grows without bound.
const maxLogSize = 2 << 20

// startLog sends the standard logger to revopsdx.log in the database's
// folder (created 0700 when missing) and returns a function that closes
// it. When the file cannot be written the log stays on stderr.
func startLog(dbPath string) func() {
	if dbPath == "" {
		return func() {}
	}
	dir := filepath.Dir(dbPath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		fmt.Fprintf(os.Stderr, "revopsdx: creating %s: %v\n", dir, err)
		return func() {}
	}
	path := filepath.Join(dir, logName)
	if fi, err := os.Stat(path); err == nil && fi.Size() > maxLogSize {
		_ = os.Rename(path, path+".1")
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		fmt.Fprintf(os.Stderr, "revopsdx: log file: %v\n", err)
		return func() {}
	}
	log.SetOutput(f)
	log.SetFlags(log.LstdFlags | log.LUTC)
	return func() {
		log.SetOutput(os.Stderr)
		_ = f.Close()
	}
}

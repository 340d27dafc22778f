package store

import (
	"errors"
	"fmt"

	"modernc.org/sqlite"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// Errors of the store, besides the sentinels of package diagnostic
// (ErrNotFound, ErrInvalid, ErrConflict). They are wrapped with the file
// name and a reason; test them with errors.Is.
var (
	// ErrNotDatabase means the file is not a RevOps Diagnostic database:
	// not SQLite at all, corrupt, or another application's database. The
	// file is left unchanged.
	ErrNotDatabase = errors.New("not a RevOps Diagnostic database")
	// ErrDamaged means the file is a RevOps Diagnostic (or SQLite)
	// database whose content is damaged: PRAGMA quick_check found a broken
	// page. Nothing is written to it, backed up from it or restored from
	// it; the file is left unchanged.
	ErrDamaged = errors.New("the database file is damaged")
	// ErrNewerVersion means the file was written by a newer version of the
	// application; it is left unchanged.
	ErrNewerVersion = errors.New("written by a newer version of RevOps Diagnostic")
	// ErrReadOnly means the file or its folder cannot be written.
	ErrReadOnly = errors.New("read-only")
	// ErrLocked means another process holds the database's write lock for
	// longer than the busy timeout.
	ErrLocked = errors.New("in use by another RevOps Diagnostic process")
	// ErrDiskFull means the disk is full; the change was not saved.
	ErrDiskFull = errors.New("disk full")
)

// Primary and extended SQLite result codes the store tells apart.
const (
	codeBusy            = 5
	codeLocked          = 6
	codeReadOnly        = 8
	codeCorrupt         = 11
	codeFull            = 13
	codeCantOpen        = 14
	codeConstraint      = 19
	codeNotADB          = 26
	codeConstraintPK    = 1555
	codeConstraintUniq  = 2067
	codeConstraintFK    = 787
	codeConstraintCheck = 275
)

// sqliteCode returns the extended SQLite result code of err, or 0.
func sqliteCode(err error) int {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code()
	}
	return 0
}

// classify wraps a driver error with the store's sentinel that matches it,
// keeping the driver's message as detail. what names the operation.
func classify(what string, err error) error {
	if err == nil {
		return nil
	}
	code := sqliteCode(err)
	var kind error
	switch code & 0xff {
	case codeBusy, codeLocked:
		kind = ErrLocked
	case codeReadOnly:
		kind = ErrReadOnly
	case codeCorrupt:
		kind = ErrDamaged
	case codeNotADB:
		kind = ErrNotDatabase
	case codeFull:
		kind = ErrDiskFull
	case codeConstraint:
		switch code {
		case codeConstraintPK, codeConstraintUniq:
			kind = diagnostic.ErrConflict
		default:
			kind = diagnostic.ErrInvalid
		}
	}
	if kind == nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return fmt.Errorf("%s: %w (%v)", what, kind, err)
}

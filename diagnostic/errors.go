package diagnostic

import "errors"

// Sentinel errors shared by the domain and its adapters. Wrap them with
// context (fmt.Errorf("organisation %q: %w", name, ErrNotFound)) and test
// with errors.Is; the GUI and the command line turn them into short messages.
var (
	// ErrNotFound means the thing asked for does not exist.
	ErrNotFound = errors.New("not found")
	// ErrInvalid means input failed validation; the wrapping error says what
	// and where.
	ErrInvalid = errors.New("invalid")
	// ErrConflict means the change clashes with existing data (a duplicate
	// name, a file imported twice).
	ErrConflict = errors.New("conflict")
)

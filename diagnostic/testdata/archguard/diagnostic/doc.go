// Package diagnostic is clean in its ordinary files.
package diagnostic

// Answer is here so the package has something to test.
const Answer = 42

// Package ext is clean in its ordinary files.
package ext

// Value is here so the package has something to test.
const Value = 1

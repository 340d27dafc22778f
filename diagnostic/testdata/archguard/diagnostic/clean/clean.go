// Package clean never imports the toolkit.
package clean

// Value is here so the package is not empty.
const Value = 2

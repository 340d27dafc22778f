// Package maconly imports the toolkit only when built for macOS.
package maconly

package diagnostic

// archguardFixture is the small module TestGuardCatchesLeaks runs the
// guard on, written to a temporary folder by the test (not kept in the
// repository, so that no file outside app/ imports fyne, even a fixture).
var archguardFixture = map[string]string{
	"app/app.go": `// Package app may import the toolkit: it is the GUI.
package app

import "fyne.io/fyne/v2"

// Name uses the toolkit, which is allowed here.
const Name = fyne.Name
`,
	"diagnostic/clean/clean.go": `// Package clean never imports the toolkit.
package clean

// Value is here so the package is not empty.
const Value = 2
`,
	"diagnostic/doc.go": `// Package diagnostic is clean in its ordinary files.
package diagnostic

// Answer is here so the package has something to test.
const Answer = 42
`,
	"diagnostic/ext/ext.go": `// Package ext is clean in its ordinary files.
package ext

// Value is here so the package has something to test.
const Value = 1
`,
	"diagnostic/ext/ext_test.go": `package ext_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"github.com/revopsdx/revopsdx/diagnostic/ext"
)

// Leak: an external test package imports the toolkit.
func TestLeak(t *testing.T) { t.Log(fyne.Name, ext.Value) }
`,
	"diagnostic/leak_test.go": `package diagnostic

import (
	"testing"

	"fyne.io/fyne/v2"
)

// Leak: an internal test file imports the toolkit.
func TestLeak(t *testing.T) { t.Log(fyne.Name, Answer) }
`,
	"diagnostic/maconly/m.go": `// Package maconly imports the toolkit only when built for macOS.
package maconly
`,
	"diagnostic/maconly/m_mac.go": `//go:build darwin

package maconly

import "fyne.io/fyne/v2"

// Name leaks the toolkit on macOS only (//go:build constraint).
const Name = fyne.Name
`,
	"diagnostic/winonly/w.go": `// Package winonly imports the toolkit only when built for Windows.
package winonly
`,
	"diagnostic/winonly/w_windows.go": `package winonly

import "fyne.io/fyne/v2"

// Name leaks the toolkit on Windows only (file name constraint).
const Name = fyne.Name
`,
	"fyne/fyne.go": `// Package fyne stands in for the real toolkit in the guard's test.
package fyne

// Name identifies the stand-in.
const Name = "stand-in"
`,
	"fyne/go.mod": `// A stand-in for fyne.io/fyne/v2, so the guard's test needs no network.
module fyne.io/fyne/v2

go 1.26
`,
	"go.mod": `// A tiny module for TestGuardCatchesLeaks: the architecture guard must find
// every leak planted here. fyne.io/fyne/v2 is a local stand-in.
module github.com/revopsdx/revopsdx

go 1.26

require fyne.io/fyne/v2 v2.8.1

replace fyne.io/fyne/v2 => ./fyne
`,
}

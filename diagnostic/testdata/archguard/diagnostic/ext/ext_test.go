package ext_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"github.com/revopsdx/revopsdx/diagnostic/ext"
)

// Leak: an external test package imports the toolkit.
func TestLeak(t *testing.T) { t.Log(fyne.Name, ext.Value) }

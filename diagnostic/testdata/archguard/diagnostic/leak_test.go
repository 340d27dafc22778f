package diagnostic

import (
	"testing"

	"fyne.io/fyne/v2"
)

// Leak: an internal test file imports the toolkit.
func TestLeak(t *testing.T) { t.Log(fyne.Name, Answer) }

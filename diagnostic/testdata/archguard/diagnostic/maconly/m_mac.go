//go:build darwin

package maconly

import "fyne.io/fyne/v2"

// Name leaks the toolkit on macOS only (//go:build constraint).
const Name = fyne.Name

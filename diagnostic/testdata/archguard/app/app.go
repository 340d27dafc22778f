// Package app may import the toolkit: it is the GUI.
package app

import "fyne.io/fyne/v2"

// Name uses the toolkit, which is allowed here.
const Name = fyne.Name

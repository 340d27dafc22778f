package winonly

import "fyne.io/fyne/v2"

// Name leaks the toolkit on Windows only (file name constraint).
const Name = fyne.Name

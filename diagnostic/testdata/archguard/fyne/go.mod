// A stand-in for fyne.io/fyne/v2, so the guard's test needs no network.
module fyne.io/fyne/v2

go 1.26

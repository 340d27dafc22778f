// A tiny module for TestGuardCatchesLeaks: the architecture guard must find
// every leak planted here. fyne.io/fyne/v2 is a local stand-in.
module github.com/revopsdx/revopsdx

go 1.26

require fyne.io/fyne/v2 v2.8.1

replace fyne.io/fyne/v2 => ./fyne

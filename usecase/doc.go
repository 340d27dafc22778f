// Package usecase holds what the desktop app (app/) and the command line
// (app/cli) both do with an organisation: import a file into the store,
// create the demo, load and analyse an organisation, and write its
// diagnosis. It never imports Fyne, so app/ is the GUI only and app/cli the
// command line only; each turns these results into its own widgets or
// text.
package usecase

// Package app is the Fyne desktop GUI of RevOps Diagnostic: the main window,
// its navigation and one file per screen.
//
// It holds no SQL and no scoring or KPI maths: screens call the domain and
// store packages through small interfaces. Work that can take longer than a
// frame runs in a goroutine and reaches widgets only through fyne.Do.
package app

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/lang"

	"github.com/revopsdx/revopsdx/assets"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// AppID is the application's unique id, set in code so that a plain
// `go build` keeps the same preferences as a packaged build.
const AppID = "io.revopsdx.app"

// Options configure the GUI.
type Options struct {
	DBPath  string // the SQLite file shared with the command line
	Version string // shown in Settings › About
}

// Run opens the main window and blocks until it is closed or the process
// receives SIGTERM or SIGINT; both end with a nil error (exit status 0).
func Run(opts Options) error {
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon()))
	ui, err := newUI(a, opts)
	if err != nil {
		return fmt.Errorf("starting the interface: %w", err)
	}
	stop := quitOnSignal(a)
	defer stop()
	ui.win.ShowAndRun()
	return nil
}

// quitOnSignal makes SIGTERM and SIGINT quit the app cleanly (through
// fyne.Do, since Quit touches the UI). It returns a function that stops
// listening.
func quitOnSignal(a fyne.App) func() {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGTERM, os.Interrupt)
	done := make(chan struct{})
	go func() {
		select {
		case <-ch:
			fyne.Do(a.Quit)
		case <-done:
		}
	}()
	return func() { signal.Stop(ch); close(done) }
}

// systemLang is the language suggested by the operating system: Spanish for
// any Spanish locale, English otherwise (including unparsable ones like C).
func systemLang() locale.Lang {
	return locale.FromSystem(lang.SystemLocale().LanguageString())
}

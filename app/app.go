// Package app is the Fyne desktop GUI of RevOps Diagnostic: the main window,
// its navigation and one file per screen.
//
// It holds no SQL and no scoring or KPI maths: screens call the domain and
// store packages through small interfaces (backend.go). Work that can take
// longer than a frame runs in a goroutine and reaches widgets only through
// fyne.Do.
package app

import (
	"context"
	"fmt"
	"log"
	"os"
	"os/signal"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/lang"

	"github.com/revopsdx/revopsdx/assets"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// AppID is the application's unique id, set in code so that a plain
// `go build` keeps the same preferences as a packaged build.
const AppID = "io.revopsdx.app"

// Options configure the GUI.
type Options struct {
	DBPath  string // the SQLite file shared with the command line
	Version string // shown in Settings › About
	// Demo creates the demo organisation; nil keeps "open the demo"
	// disabled (the hook for the demo command's loader).
	Demo DemoLoader
	// Open names an organisation (name or id) to open on its results once
	// the database is open; empty shows the Start screen.
	Open string
}

// Run opens the main window and blocks until it is closed or the process
// receives SIGTERM or SIGINT; both end with a nil error (exit status 0).
//
// The database is opened in a goroutine while the window appears; a file
// that cannot be opened is reported in a dialog, and the log file
// (revopsdx.log next to the database) gets the detail. Pending answers are
// written and the database closed before Run returns.
func Run(opts Options) error {
	closeLog := startLog(opts.DBPath)
	defer closeLog()
	log.Printf("starting RevOps Diagnostic %s, database %s", opts.Version, opts.DBPath)

	a := fyneapp.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon()))
	u, err := newUI(a, opts)
	if err != nil {
		return fmt.Errorf("starting the interface: %w", err)
	}
	// The database is opened once the event loop runs, so that its result
	// always reaches the window through the loop's queue.
	opened := make(chan *store.Store, 1)
	started := false
	a.Lifecycle().SetOnStarted(func() {
		started = true
		go func() {
			db, err := store.Open(context.Background(), opts.DBPath, store.Options{AutoBackup: true})
			if err != nil {
				err = fmt.Errorf("opening the database %s: %w", opts.DBPath, err)
				opened <- nil
				fyne.Do(func() { u.attach(nil, err) })
				return
			}
			opened <- db
			var first store.Org
			var findErr error
			if opts.Open != "" {
				first, findErr = db.FindOrg(context.Background(), opts.Open)
			}
			fyne.Do(func() {
				if opts.Demo != nil {
					u.demo = func(ctx context.Context) (store.Org, error) { return opts.Demo(ctx, db) }
				}
				u.attach(db, nil)
				switch {
				case findErr != nil:
					u.showError(fmt.Errorf("opening %q at start: %w", opts.Open, findErr))
				case first.ID != 0:
					u.openOrgOn(first.ID, screenResults)
				}
			})
		}()
	})

	stop := quitOnSignal(a)
	defer stop()
	u.win.ShowAndRun()

	u.saver.close()
	if started {
		select {
		case db := <-opened:
			closeStore(db)
		case <-time.After(4 * time.Second):
			log.Printf("the database was still opening 4 s after quitting; not waiting for it")
		}
	}
	log.Printf("stopped")
	return nil
}

// closeStore closes the database when it was opened.
func closeStore(db *store.Store) {
	if db != nil {
		if err := db.Close(); err != nil {
			log.Printf("closing the database: %v", err)
		}
	}
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

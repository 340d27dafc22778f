// Command revopsdx is RevOps Diagnostic: with no arguments it starts the
// desktop app; with a command it runs that command on the same database.
//
// This file only wires: it reads the version from FyneApp.toml (the one
// place the version is written), then hands over to the command frame.
package main

import (
	"context"
	_ "embed"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/revopsdx/revopsdx/app"
	"github.com/revopsdx/revopsdx/app/cli"
	"github.com/revopsdx/revopsdx/diagnostic/store"
	"github.com/revopsdx/revopsdx/usecase"
)

//go:embed FyneApp.toml
var fyneAppTOML string

func main() {
	version := versionFrom(fyneAppTOML)
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	env := cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Version: version}
	gui := func(db, open string) error {
		stop() // the GUI handles its own signals
		return app.Run(app.Options{DBPath: db, Version: version, Demo: openDemo, Open: open})
	}
	code := cli.Main(ctx, os.Args[1:], env, gui)
	stop()
	os.Exit(code)
}

// openDemo is the GUI's "open the demo": it creates the demo organisation
// when it is missing and otherwise opens it as it is.
func openDemo(ctx context.Context, s *store.Store) (store.Org, error) {
	res, err := usecase.EnsureDemo(ctx, s, false, time.Now())
	return res.Org, err
}

// Package cli is the command-line face of revopsdx: the command frame
// (global flags, help, exit codes) and one small file per command.
//
// It never imports the GUI toolkit; main passes in the function that starts
// the GUI. Adding a command is one file that builds a *Command plus one line
// in the list in commands.go.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Exit codes of the binary.
const (
	ExitOK    = 0
	ExitError = 1 // the command ran and failed
	ExitUsage = 2 // unknown command or bad flags
)

// Env is what a command gets from the frame: its streams, the database path
// and the application's version.
type Env struct {
	Stdin   io.Reader
	Stdout  io.Writer
	Stderr  io.Writer
	DBPath  string
	Version string
}

// RunFunc runs a command after its flags are parsed; args are the positional
// arguments left over.
type RunFunc func(ctx context.Context, env *Env, args []string) error

// Command is one subcommand of revopsdx.
type Command struct {
	Name    string // what the user types
	Args    string // synopsis of flags and arguments, for help
	Summary string // one line for `revopsdx help`
	// Setup declares the command's flags on fs and returns the function that
	// runs the command once they are parsed.
	Setup func(fs *flag.FlagSet) RunFunc
}

// UsageError marks an error in how the command was called: it exits with
// status 2 and prints the command's usage.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// Usagef returns a *UsageError with a formatted message.
func Usagef(format string, a ...any) error { return &UsageError{Msg: fmt.Sprintf(format, a...)} }

// Main runs the command line and returns the process exit status. With no
// command it calls startGUI with the resolved database path and the
// organisation to open at start (--open, may be empty).
func Main(ctx context.Context, args []string, env Env, startGUI func(dbPath, open string) error) int {
	global := flag.NewFlagSet("revopsdx", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	dbFlag := global.String("db", "", "database file (default $REVOPSDX_DB, else the user config folder)")
	openFlag := global.String("open", "", "desktop app: open this organisation (name or id) on its results")
	if err := global.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printHelp(env.Stdout)
			return ExitOK
		}
		fmt.Fprintf(env.Stderr, "revopsdx: %v\n\n", err)
		printHelp(env.Stderr)
		return ExitUsage
	}
	db, err := ResolveDBPath(*dbFlag)
	if err != nil {
		fmt.Fprintf(env.Stderr, "revopsdx: %v\n", err)
		return ExitError
	}
	env.DBPath = db
	rest := global.Args()
	if len(rest) == 0 {
		if startGUI == nil {
			printHelp(env.Stderr)
			return ExitUsage
		}
		if err := startGUI(env.DBPath, *openFlag); err != nil {
			fmt.Fprintf(env.Stderr, "revopsdx: %v\n", err)
			return ExitError
		}
		return ExitOK
	}
	cmd := lookup(rest[0])
	if cmd == nil {
		fmt.Fprintf(env.Stderr, "revopsdx: unknown command %q\n\n", rest[0])
		printHelp(env.Stderr)
		return ExitUsage
	}
	return runCommand(ctx, cmd, rest[1:], &env)
}

// runCommand parses a command's flags (flags may follow positional
// arguments) and runs it, mapping its error to an exit status.
func runCommand(ctx context.Context, cmd *Command, args []string, env *Env) int {
	fs := newFlagSet(cmd, env)
	run := cmd.Setup(fs)
	db := fs.String("db", env.DBPath, "database file")
	// The flag package prints the error and the usage itself while parsing;
	// silence it so that each is printed exactly once, below, on the right
	// stream: -h on stdout (exit 0), a bad flag on stderr (exit 2).
	fs.SetOutput(io.Discard)
	positional, err := parseInterleaved(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(env.Stdout)
			fs.Usage()
			return ExitOK
		}
		fs.SetOutput(env.Stderr)
		fmt.Fprintf(env.Stderr, "revopsdx %s: %v\n", cmd.Name, err)
		fs.Usage()
		return ExitUsage
	}
	fs.SetOutput(env.Stderr)
	if *db != env.DBPath {
		if env.DBPath, err = ResolveDBPath(*db); err != nil {
			fmt.Fprintf(env.Stderr, "revopsdx: %v\n", err)
			return ExitError
		}
	}
	if err := run(ctx, env, positional); err != nil {
		var ue *UsageError
		if errors.As(err, &ue) {
			fmt.Fprintf(env.Stderr, "revopsdx %s: %s\n", cmd.Name, ue.Msg)
			fs.Usage()
			return ExitUsage
		}
		fmt.Fprintf(env.Stderr, "revopsdx: %s\n", oneLine(err.Error()))
		return ExitError
	}
	return ExitOK
}

// newFlagSet makes the flag set of a command, with its usage text.
func newFlagSet(cmd *Command, env *Env) *flag.FlagSet {
	fs := flag.NewFlagSet(cmd.Name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "Usage: revopsdx %s %s\n\n%s\n", cmd.Name, cmd.Args, cmd.Summary)
		has := false
		fs.VisitAll(func(*flag.Flag) { has = true })
		if has {
			fmt.Fprintln(w, "\nFlags:")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parseInterleaved parses flags that may appear before, between or after
// positional arguments ("import --org A file.csv --json"). A lone "--" ends
// flag parsing.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// oneLine folds a multi-line error into one line for stderr.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
}

// ResolveDBPath returns the database path: flag, else $REVOPSDX_DB, else
// revopsdx.db in the user's configuration folder.
func ResolveDBPath(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	if env := os.Getenv("REVOPSDX_DB"); env != "" {
		return env, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("cannot find the user configuration folder (set --db or REVOPSDX_DB): %w", err)
	}
	return filepath.Join(dir, "revopsdx", "revopsdx.db"), nil
}

// lookup finds a registered command by name.
func lookup(name string) *Command {
	for _, c := range Commands() {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// printHelp lists every command with its one-line summary.
func printHelp(w io.Writer) {
	fmt.Fprint(w, "RevOps Diagnostic: offline Revenue Operations diagnostics.\n\n")
	fmt.Fprint(w, "Usage:\n  revopsdx [--db PATH] [--open ORG]    start the desktop app (on ORG's results)\n")
	fmt.Fprint(w, "  revopsdx [--db PATH] COMMAND [flags]  run a command\n\nCommands:\n")
	cmds := Commands()
	sort.Slice(cmds, func(i, j int) bool { return cmds[i].Name < cmds[j].Name })
	for _, c := range cmds {
		fmt.Fprintf(w, "  %-18s %s\n", c.Name, c.Summary)
	}
	fmt.Fprint(w, "\nRun 'revopsdx help COMMAND' or 'revopsdx COMMAND -h' for a command's flags.\n")
	fmt.Fprint(w, "The database is --db, else $REVOPSDX_DB, else revopsdx/revopsdx.db in the user config folder.\n")
}

package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/revopsdx/revopsdx/diagnostic"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
	"github.com/revopsdx/revopsdx/diagnostic/store"
)

// openStore opens the database at env.DBPath, with the daily rolling
// backup, and turns the store's errors into messages a user can act on:
//
//	FILE: not a RevOps Diagnostic database (reason)
//	FILE: written by a newer version of RevOps Diagnostic (…)
//	database FILE is read-only (…)
//	FILE: in use by another RevOps Diagnostic process: …
func openStore(ctx context.Context, env *Env) (*store.Store, error) {
	s, err := store.Open(ctx, env.DBPath, store.Options{AutoBackup: true, Warn: func(err error) {
		fmt.Fprintf(env.Stderr, "revopsdx: warning: %s\n", oneLine(err.Error()))
	}})
	if err != nil {
		return nil, storeError(err)
	}
	return s, nil
}

// storeError adds what to do to the store's errors that need it; the store
// already names the file and the reason.
func storeError(err error) error {
	switch {
	case errors.Is(err, store.ErrLocked):
		return fmt.Errorf("%w; close the other RevOps Diagnostic window or wait for it to finish, then try again", err)
	case errors.Is(err, store.ErrDiskFull):
		return fmt.Errorf("%w; free some space and try again (nothing was saved)", err)
	}
	return err
}

// withStore opens the store, runs fn and closes the store.
func withStore(ctx context.Context, env *Env, fn func(s *store.Store) error) (err error) {
	s, err := openStore(ctx, env)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := s.Close(); err == nil {
			err = cerr
		}
	}()
	return storeError(fn(s))
}

// withStoreRead is withStore for the commands that only read: a database
// that cannot be written (its file or folder read-only) is opened for
// reading, with a warning, instead of being refused.
func withStoreRead(ctx context.Context, env *Env, fn func(s *store.Store) error) (err error) {
	s, err := openStore(ctx, env)
	if errors.Is(err, store.ErrReadOnly) {
		if s, err = store.Open(ctx, env.DBPath, store.Options{ReadOnly: true}); err == nil {
			fmt.Fprintln(env.Stderr, sysLang().Pick(
				"revopsdx: aviso: la base de datos es de solo lectura: se muestra, pero no se puede guardar nada (ni la copia diaria)",
				"revopsdx: warning: the database is read-only: showing it, but nothing can be saved (nor the daily backup)"))
		}
	}
	if err != nil {
		return storeError(err)
	}
	defer func() {
		if cerr := s.Close(); err == nil {
			err = cerr
		}
	}()
	return storeError(fn(s))
}

// findOrg resolves an --org value (name or id).
func findOrg(ctx context.Context, s *store.Store, ref string) (store.Org, error) {
	if strings.TrimSpace(ref) == "" {
		return store.Org{}, Usagef("--org NAME_OR_ID is required")
	}
	return s.FindOrg(ctx, ref)
}

// prompter asks the user questions on stderr and reads the answers from
// stdin (without echo for passphrases on a terminal).
type prompter struct {
	env *Env
	in  *bufio.Reader
}

func newPrompter(env *Env) *prompter {
	return &prompter{env: env, in: bufio.NewReader(env.Stdin)}
}

// line prints question and reads one line.
func (p *prompter) line(question string) (string, error) {
	fmt.Fprint(p.env.Stderr, question)
	s, err := p.in.ReadString('\n')
	if err != nil && (err != io.EOF || s == "") {
		return "", fmt.Errorf("no answer on standard input: %w", err)
	}
	return strings.TrimSpace(s), nil
}

// confirm asks a yes/no question in l; only "yes" or "y" (or "sí", "si",
// "s") confirm.
func (p *prompter) confirm(l locale.Lang, question string) (bool, error) {
	a, err := p.line(question + l.Pick(" [s/N] ", " [y/N] "))
	if err != nil {
		return false, err
	}
	switch strings.ToLower(a) {
	case "y", "yes", "s", "si", "sí":
		return true, nil
	}
	return false, nil
}

// passphraseEnv is the environment variable scripts use for the
// passphrase of encrypted engagement files.
const passphraseEnv = "REVOPSDX_PASSPHRASE"

// passphrase returns $REVOPSDX_PASSPHRASE, or asks for it (twice when
// confirm is set, for a new file). On a terminal nothing is echoed.
func (p *prompter) passphrase(confirm bool) (string, error) {
	if v := os.Getenv(passphraseEnv); v != "" {
		return v, nil
	}
	pass, err := p.secret("Passphrase: ")
	if err != nil {
		return "", err
	}
	if pass == "" {
		return "", fmt.Errorf("empty passphrase: %w", diagnostic.ErrInvalid)
	}
	if confirm {
		again, err := p.secret("Passphrase again: ")
		if err != nil {
			return "", err
		}
		if again != pass {
			return "", fmt.Errorf("the two passphrases differ: %w", diagnostic.ErrInvalid)
		}
	}
	return pass, nil
}

func (p *prompter) secret(prompt string) (string, error) {
	if f, ok := p.env.Stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(p.env.Stderr, prompt)
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(p.env.Stderr)
		if err != nil {
			return "", fmt.Errorf("reading the passphrase: %w", err)
		}
		return string(b), nil
	}
	return p.line(prompt)
}

package store

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"

	"filippo.io/age"
)

// Errors of encrypted engagement files.
var (
	// ErrPassphrase means the passphrase does not open the file.
	ErrPassphrase = errors.New("wrong passphrase")
	// ErrTampered means the encrypted file was changed or truncated after
	// it was written.
	ErrTampered = errors.New("the encrypted file is damaged or was tampered with")
)

// ageMagic starts every binary age file.
const ageMagic = "age-encryption.org/v1\n"

// defaultWorkFactor is age's scrypt cost (log2 N) for new files.
const defaultWorkFactor = 18

// encryptFile encrypts the file plain into the new file out (0600) with
// scrypt cost workFactor (0: the default).
func encryptFile(plain, out, passphrase string, workFactor int) error {
	r, err := age.NewScryptRecipient(passphrase)
	if err != nil {
		return fmt.Errorf("encrypting: %w", err)
	}
	if workFactor <= 0 {
		workFactor = defaultWorkFactor
	}
	r.SetWorkFactor(workFactor)
	in, err := os.Open(plain)
	if err != nil {
		return fmt.Errorf("encrypting: %w", err)
	}
	defer in.Close()
	return writeNew(out, func(w io.Writer) error {
		enc, err := age.Encrypt(w, r)
		if err != nil {
			return err
		}
		if _, err := io.Copy(enc, in); err != nil {
			return err
		}
		return enc.Close()
	})
}

// plainCopy copies an engagement file to the new file tmp, decrypting it
// when it is encrypted (asking passphrase for the passphrase).
func plainCopy(file, tmp string, passphrase func() (string, error)) error {
	in, err := os.Open(file)
	if err != nil {
		return fmt.Errorf("engagement file: %w", err)
	}
	defer in.Close()
	br := bufio.NewReader(in)
	head, _ := br.Peek(len(ageMagic))
	if string(head) != ageMagic {
		return writeNew(tmp, func(w io.Writer) error { _, err := io.Copy(w, br); return err })
	}
	if passphrase == nil {
		return fmt.Errorf("%s is encrypted: a passphrase is needed: %w", file, ErrPassphrase)
	}
	pass, err := passphrase()
	if err != nil {
		return fmt.Errorf("%s: reading the passphrase: %w", file, err)
	}
	id, err := age.NewScryptIdentity(pass)
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	dec, err := age.Decrypt(br, id)
	if err != nil {
		var nomatch *age.NoIdentityMatchError
		if errors.As(err, &nomatch) {
			return fmt.Errorf("%s: %w (or the file was changed); nothing was imported", file, ErrPassphrase)
		}
		return fmt.Errorf("%s: %w (%v); nothing was imported", file, ErrTampered, err)
	}
	err = writeNew(tmp, func(w io.Writer) error { _, err := io.Copy(w, dec); return err })
	if err != nil {
		return fmt.Errorf("%s: %w (%v); nothing was imported", file, ErrTampered, err)
	}
	return nil
}

// writeNew creates out (0600, failing if it exists), fills it with fill and
// syncs it; on failure out is removed.
func writeNew(out string, fill func(w io.Writer) error) error {
	f, err := os.OpenFile(out, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("creating %s: %w", out, permErr(err))
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	err = fill(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(out)
	}
	return err
}

// copyNew copies src to the new file out.
func copyNew(src, out string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	return writeNew(out, func(w io.Writer) error { _, err := io.Copy(w, in); return err })
}

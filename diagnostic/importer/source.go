package importer

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// Encodings the importer reports.
const (
	EncUTF8        = "utf-8"
	EncUTF8BOM     = "utf-8-bom"
	EncUTF16LE     = "utf-16le"
	EncUTF16BE     = "utf-16be"
	EncWindows1252 = "windows-1252"
)

// headSize is how much of a file detection reads.
const headSize = 1 << 20

// maxField is the largest cell accepted; maxRecord bounds a whole row so a
// file with no line ends cannot exhaust memory.
// maxColumns bounds the columns of a row (CRM exports have a few
// hundred at most).
const (
	maxField   = 1 << 20
	maxRecord  = 4 << 20
	maxColumns = 2000
)

// fileFacts is what one pass over the whole file learns.
type fileFacts struct {
	format   string // "csv" or "xlsx"
	encoding string
	size     int64
	sha256   string
	hasNUL   bool // a NUL byte somewhere (single-byte encodings only)
	head     []byte
}

// scanFile reads the whole file once: its size, SHA-256, encoding and
// whether it holds NUL bytes; it rejects empty, binary and mislabelled
// files with a message that names the file.
func scanFile(path string) (*fileFacts, error) {
	name := filepath.Base(path)
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	defer f.Close()
	ff := &fileFacts{}
	head := make([]byte, headSize)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	ff.head = head[:n]
	ext := strings.ToLower(filepath.Ext(path))
	switch {
	case n == 0:
		return nil, fileErr(name, "empty_file")
	case bytes.HasPrefix(ff.head, []byte("PK\x03\x04")):
		ff.format = "xlsx"
	case bytes.HasPrefix(ff.head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return nil, fileErr(name, "xls_file")
	case ext == ".xlsx" || ext == ".xlsm":
		return nil, fileErr(name, "fake_xlsx")
	case bytes.HasPrefix(ff.head, []byte{0xFF, 0xFE}):
		ff.format, ff.encoding = "csv", EncUTF16LE
	case bytes.HasPrefix(ff.head, []byte{0xFE, 0xFF}):
		ff.format, ff.encoding = "csv", EncUTF16BE
	case bytes.HasPrefix(ff.head, []byte{0xEF, 0xBB, 0xBF}):
		ff.format, ff.encoding = "csv", EncUTF8BOM
	default:
		ff.format, ff.encoding = "csv", EncUTF8
		// UTF-16 without a byte-order mark: every other byte of ASCII text
		// is zero (not a binary file).
		if enc, ok := utf16NoBOM(ff.head); ok {
			ff.encoding = enc
		}
	}
	if ff.format == "csv" && !strings.HasPrefix(ff.encoding, "utf-16") && looksBinary(ff.head) {
		return nil, fileErr(name, "binary_file")
	}
	h := sha256.New()
	h.Write(ff.head)
	valid := utf8Tracker{}
	if ff.format == "csv" && !strings.HasPrefix(ff.encoding, "utf-16") {
		valid.feed(ff.head)
		ff.hasNUL = bytes.IndexByte(ff.head, 0) >= 0
	}
	ff.size = int64(n)
	buf := make([]byte, 256<<10)
	for n == headSize {
		var k int
		k, err = f.Read(buf)
		if k > 0 {
			h.Write(buf[:k])
			ff.size += int64(k)
			if ff.format == "csv" && !strings.HasPrefix(ff.encoding, "utf-16") {
				valid.feed(buf[:k])
				if !ff.hasNUL && bytes.IndexByte(buf[:k], 0) >= 0 {
					ff.hasNUL = true
				}
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", path, err)
		}
	}
	ff.sha256 = hex.EncodeToString(h.Sum(nil))
	// Not UTF-8 throughout and no BOM saying it is: an older Windows file.
	if ff.format == "csv" && ff.encoding == EncUTF8 && !valid.ok() {
		ff.encoding = EncWindows1252
	}
	return ff, nil
}

// looksBinary reports many control characters (NUL bytes included) in the
// head. A text with a stray NUL byte is not binary: the import names the
// row that holds it.
func looksBinary(b []byte) bool {
	if len(b) > 8192 {
		b = b[:8192]
	}
	ctl := 0
	for _, c := range b {
		if c < 0x09 || c > 0x0D && c < 0x20 && c != 0x1B {
			ctl++
		}
	}
	return ctl*20 > len(b)
}

// utf16NoBOM recognises UTF-16 text without a byte-order mark by its zero
// bytes: in little-endian ASCII text every odd byte is zero and no even
// one, in big-endian the reverse.
func utf16NoBOM(b []byte) (string, bool) {
	if len(b) > 8192 {
		b = b[:8192]
	}
	if len(b) < 4 {
		return "", false
	}
	var zeros [2]int
	for i, c := range b {
		if c == 0 {
			zeros[i%2]++
		}
	}
	half := len(b) / 2
	switch {
	case zeros[1]*10 > half*7 && zeros[0]*20 < half:
		return EncUTF16LE, true
	case zeros[0]*10 > half*7 && zeros[1]*20 < half:
		return EncUTF16BE, true
	}
	return "", false
}

// utf8Tracker checks UTF-8 validity across chunk boundaries.
type utf8Tracker struct {
	carry []byte
	bad   bool
}

func (u *utf8Tracker) feed(b []byte) {
	if u.bad {
		return
	}
	if len(u.carry) > 0 {
		b = append(u.carry, b...)
		u.carry = nil
	}
	// Hold back an incomplete rune at the end.
	cut := len(b)
	for i := len(b) - 1; i >= 0 && i >= len(b)-3; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				cut = i
			}
			break
		}
	}
	if !utf8.Valid(b[:cut]) {
		u.bad = true
		return
	}
	u.carry = append([]byte(nil), b[cut:]...)
}

func (u *utf8Tracker) ok() bool { return !u.bad && utf8.Valid(u.carry) }

// FileError is a problem with a file as a whole (empty, binary, not what
// its name says, no rows): it names the file.
type FileError struct {
	File string
	Code string // message key in import_messages.json
	Args map[string]string
}

func (e *FileError) Error() string { return e.Text(locale.EN) }

// Text is the message in lang, starting with the file name.
func (e *FileError) Text(lang locale.Lang) string { return e.File + ": " + text(lang, e.Code, e.Args) }

// Unwrap makes every FileError an ErrInvalid.
func (e *FileError) Unwrap() error { return errInvalid }

func fileErr(name, code string, args ...string) error {
	return &FileError{File: name, Code: code, Args: kv(args...)}
}

package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"sync/atomic"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// table streams the rows of a sheet or text file.
type table interface {
	// next returns the next row and its number in the file (row 1 is the
	// first line or sheet row); io.EOF at the end. A *rowError is a row
	// that could not be read but after which reading goes on.
	next() ([]string, int, error)
	close() error
}

// rowError is a row the reader could not split (bad quoting, too long).
type rowError struct {
	row   int
	code  string
	args  []string
	fatal bool
}

func (e *rowError) Error() string {
	return fmt.Sprintf("row %d: %s", e.row, text(locale.EN, e.code, kv(e.args...)))
}

// decodeReader wraps r so it yields UTF-8 for the given encoding.
func decodeReader(r io.Reader, enc string) io.Reader {
	switch enc {
	case EncUTF16LE: // with or without its byte-order mark
		return transform.NewReader(r, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder())
	case EncUTF16BE:
		return transform.NewReader(r, unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewDecoder())
	case EncWindows1252:
		return transform.NewReader(r, charmap.Windows1252.NewDecoder())
	case EncUTF8BOM:
		return transform.NewReader(r, unicode.UTF8BOM.NewDecoder())
	}
	return r
}

// delimiters are the candidates, in order of preference on a tie.
var delimiters = []rune{',', ';', '\t', '|'}

// detectDelimiter splits the decoded head with each candidate and keeps
// the one that gives the same number (above one) of fields on the most
// rows, judged over up to 1,000 rows with quoting honoured.
func detectDelimiter(head []byte) rune {
	if i := bytes.LastIndexByte(head, '\n'); i > 0 && i < len(head)-1 {
		head = head[:i+1]
	}
	best, bestScore, bestWidth := ',', -1.0, 0
	for _, d := range delimiters {
		r := csv.NewReader(bytes.NewReader(head))
		r.Comma = d
		r.FieldsPerRecord = -1
		r.ReuseRecord = true
		counts := map[int]int{}
		rows, broken := 0, 0
		for rows < 1000 {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				var pe *csv.ParseError
				if errors.As(err, &pe) {
					broken++
					rows++
					continue
				}
				break
			}
			rows++
			counts[len(rec)]++
		}
		mode, modeN := 0, 0
		for w, n := range counts {
			if n > modeN || n == modeN && w > mode {
				mode, modeN = w, n
			}
		}
		if rows == 0 || mode < 2 {
			continue
		}
		score := float64(modeN) / float64(rows)
		if score > bestScore+1e-9 || score > bestScore-1e-9 && mode > bestWidth {
			best, bestScore, bestWidth = d, score, mode
		}
	}
	return best
}

// counter counts bytes read, for progress.
type counter struct {
	r io.Reader
	n atomic.Int64
}

func (c *counter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// limiter stops a record that grows past maxRecord, and a line with
// maxColumns delimiters or more before the CSV reader splits it: a 1 MB
// line of a million commas would otherwise become a million fields (some
// 300 MB of bookkeeping).
type limiter struct {
	r      io.Reader
	total  int64
	csv    *csv.Reader
	delim  byte
	fields int   // delimiters since the last line end
	err    error // sticky: errTooManyColumns once seen
}

var (
	errRecordTooLong  = errors.New("a row longer than 4 MB (is the delimiter or quoting wrong?)")
	errTooManyColumns = errors.New("a row with too many columns")
)

func (l *limiter) Read(p []byte) (int, error) {
	if l.err != nil {
		return 0, l.err
	}
	if l.csv != nil && l.total-l.csv.InputOffset() > maxRecord {
		return 0, errRecordTooLong
	}
	n, err := l.r.Read(p)
	for i, c := range p[:n] {
		switch c {
		case '\n', '\r':
			l.fields = 0
		case l.delim:
			if l.fields++; l.fields >= maxColumns {
				l.err = errTooManyColumns
				l.total += int64(i)
				return i, nil
			}
		}
	}
	l.total += int64(n)
	return n, err
}

// saneHead cuts the head before the first line that has maxColumns or more
// of any candidate delimiter, so that detection does not split it either.
func saneHead(head []byte) []byte {
	start := 0
	for start < len(head) {
		end := bytes.IndexAny(head[start:], "\r\n")
		if end < 0 {
			end = len(head)
		} else {
			end += start
		}
		for _, d := range delimiters {
			if bytes.Count(head[start:end], []byte{byte(d)}) >= maxColumns {
				return head[:start]
			}
		}
		start = end + 1
	}
	return head
}

// csvTable reads a delimited text file.
type csvTable struct {
	f   *os.File
	cnt *counter
	r   *csv.Reader
}

// crOnly reports a text whose lines end with a lone CR (classic Mac OS):
// a CR and no LF in the decoded head.
func crOnly(head []byte) bool {
	return bytes.IndexByte(head, '\n') < 0 && bytes.IndexByte(head, '\r') >= 0
}

// crToLF turns every CR of a CR-only text into LF, so that the CSV reader
// sees its lines (and counts them).
type crToLF struct{ r io.Reader }

func (c crToLF) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i := range p[:n] {
		if p[i] == '\r' {
			p[i] = '\n'
		}
	}
	return n, err
}

// openCSV opens a text table with a known encoding and delimiter; cr says
// its lines end with a lone CR.
func openCSV(path, enc string, delim rune, cr bool) (*csvTable, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	cnt := &counter{r: f}
	src := decodeReader(cnt, enc)
	if cr {
		src = crToLF{src}
	}
	lim := &limiter{r: src, delim: byte(delim)}
	r := csv.NewReader(lim)
	lim.csv = r
	r.Comma = delim
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	return &csvTable{f: f, cnt: cnt, r: r}, nil
}

func (t *csvTable) next() ([]string, int, error) {
	rec, err := t.r.Read()
	if err == nil {
		line, _ := t.r.FieldPos(0)
		return rec, line, nil
	}
	if err == io.EOF {
		return nil, 0, io.EOF
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		if errors.Is(pe.Err, errRecordTooLong) {
			return nil, 0, &rowError{row: pe.StartLine, code: "row_too_long", fatal: true}
		}
		if errors.Is(pe.Err, errTooManyColumns) {
			return nil, 0, &rowError{row: pe.StartLine, code: "too_many_columns", args: []string{"max", fmt.Sprint(maxColumns)}, fatal: true}
		}
		code := "bad_quoting"
		if errors.Is(pe.Err, csv.ErrBareQuote) {
			code = "bad_quote"
		} else if errors.Is(pe.Err, csv.ErrQuote) {
			code = "unclosed_quote"
		}
		return nil, 0, &rowError{row: pe.StartLine, code: code}
	}
	if errors.Is(err, errRecordTooLong) {
		line, _ := t.r.FieldPos(0)
		return nil, 0, &rowError{row: line + 1, code: "row_too_long", fatal: true}
	}
	if errors.Is(err, errTooManyColumns) {
		// The reader returns the cut line as a record with the error: its
		// line is the row's.
		line, _ := t.r.FieldPos(0)
		return nil, 0, &rowError{row: line, code: "too_many_columns", args: []string{"max", fmt.Sprint(maxColumns)}, fatal: true}
	}
	return nil, 0, err
}

func (t *csvTable) close() error { return t.f.Close() }

// readBytes is how many bytes of the file were read so far.
func (t *csvTable) readBytes() int64 { return t.cnt.n.Load() }

package importer

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/revopsdx/revopsdx/diagnostic/importer/dateparse"
	"github.com/revopsdx/revopsdx/diagnostic/importer/numparse"
	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// sampleRows is how many data rows detection reads to type the columns;
// columns still undecided after them are scanned to the end of the file.
const sampleRows = 2000

// Column is one column of the file as detected: its header, the field it
// feeds ("" when ignored) and how its values are written.
type Column struct {
	Index        int       `json:"index"` // 1-based
	Header       string    `json:"header"`
	Field        string    `json:"field,omitempty"`
	From         string    `json:"from,omitempty"` // "preset", "synonym" or "user"
	Type         FieldType `json:"type,omitempty"`
	NumberFormat string    `json:"number_format,omitempty"`
	DateFormat   string    `json:"date_format,omitempty"`
	Currency     string    `json:"currency,omitempty"`
	Percent      bool      `json:"percent,omitempty"`

	num      numparse.Format
	layout   dateparse.Layout
	nd       numparse.Detector
	dd       dateparse.Detector
	undecide bool
}

// Detection is what the importer found in a file: format, encoding,
// delimiter, separators, date format, shape, preset and column mapping. It
// is shown before an import (CLI, GUI wizard) and repeated in the Summary.
type Detection struct {
	File               string            `json:"file"`
	Size               int64             `json:"size"`
	SHA256             string            `json:"sha256"`
	Format             string            `json:"format"` // "csv" or "xlsx"
	Sheet              string            `json:"sheet,omitempty"`
	Sheets             []string          `json:"sheets,omitempty"`
	Encoding           string            `json:"encoding,omitempty"`
	Delimiter          string            `json:"delimiter,omitempty"`
	DecimalSeparator   string            `json:"decimal_separator,omitempty"`
	ThousandsSeparator string            `json:"thousands_separator,omitempty"`
	DateFormat         string            `json:"date_format,omitempty"`
	Kind               Kind              `json:"kind"`
	Layout             string            `json:"layout,omitempty"` // kpis: "wide" or "long"
	Preset             string            `json:"preset,omitempty"`
	HeaderRow          int               `json:"header_row"`
	HeaderKey          string            `json:"header_key"` // same headers, same key: for saving a confirmed mapping
	Mapping            map[string]string `json:"mapping"`    // field → column header
	Ignored            []string          `json:"ignored_columns,omitempty"`
	Columns            []Column          `json:"columns"`
	Warnings           []string          `json:"warnings,omitempty"`

	path   string
	heads  []header
	preset *Preset
	match  *match
	delim  rune
	cr     bool // lines end with a lone CR
	hasNUL bool
	xlsx   bool
	// sample rows kept for the preview (first 20) and footer detection
	Preview [][]string `json:"-"`
}

// Detect reads a file's format and header and a sample of its rows and says
// what it holds, without importing. It returns the Detection filled as far
// as it got together with any error: a *FileError for an unreadable file,
// a *MappingError when columns are missing or ambiguous.
func Detect(path string) (Detection, error) {
	d, err := detect(path, Options{})
	if d == nil {
		return Detection{File: filepath.Base(path)}, err
	}
	return *d, err
}

// DetectWith is Detect with the sheet, kind and column mapping of opts.
func DetectWith(path string, opts Options) (Detection, error) {
	d, err := detect(path, opts)
	if d == nil {
		return Detection{File: filepath.Base(path)}, err
	}
	return *d, err
}

// openTable opens the detected table for reading from its first row.
func (d *Detection) openTable() (table, func() int64, error) {
	if d.xlsx {
		t, _, err := openXLSX(d.path, d.Sheet)
		if err != nil {
			return nil, nil, err
		}
		return t, func() int64 { return int64(t.row) }, nil
	}
	t, err := openCSV(d.path, d.Encoding, d.delim, d.cr)
	if err != nil {
		return nil, nil, err
	}
	return t, t.readBytes, nil
}

// detect does the work of Detect and keeps what Import needs.
func detect(path string, opts Options) (*Detection, error) {
	v, err := loadVocabulary()
	if err != nil {
		return nil, err
	}
	ff, err := scanFile(path)
	if err != nil {
		return nil, err
	}
	d := &Detection{File: filepath.Base(path), Size: ff.size, SHA256: ff.sha256, Format: ff.format,
		Encoding: ff.encoding, path: path, hasNUL: ff.hasNUL, Mapping: map[string]string{}}
	var t table
	if ff.format == "xlsx" {
		d.Encoding = ""
		xt, sheets, err := openXLSX(path, opts.Sheet)
		d.Sheets = sheets
		if err != nil {
			return d, err
		}
		d.xlsx, d.Sheet = true, xt.sheet
		t = xt
	} else {
		head, err := io.ReadAll(decodeReader(strings.NewReader(string(evenHead(ff))), ff.encoding))
		if err != nil && len(head) == 0 {
			return d, fileErr(d.File, "cannot_decode", "encoding", ff.encoding)
		}
		if d.cr = crOnly(head); d.cr {
			head = bytes.ReplaceAll(head, []byte("\r"), []byte("\n"))
		}
		d.delim = detectDelimiter(saneHead(head))
		d.Delimiter = map[rune]string{',': ",", ';': ";", '\t': "tab", '|': "|"}[d.delim]
		ct, err := openCSV(path, ff.encoding, d.delim, d.cr)
		if err != nil {
			return d, err
		}
		t = ct
	}
	defer t.close()
	// Header: the first row with a value.
	var rowsSample [][]string
	for {
		row, n, err := t.next()
		if err == io.EOF {
			return d, fileErr(d.File, "no_rows")
		}
		if err != nil {
			var re *rowError
			if errors.As(err, &re) {
				return d, fileErr(d.File, "bad_header", "row", fmt.Sprint(re.row), "reason", text(locale.EN, re.code, kv(re.args...)))
			}
			return d, err
		}
		if !blank(row) {
			d.HeaderRow = n
			if err := d.setHeader(row); err != nil {
				return d, err
			}
			break
		}
	}
	// Sample rows.
	var firstBad *rowError // a row that could not be read, for the message when none could
	for len(rowsSample) < sampleRows {
		row, _, err := t.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			var re *rowError
			if errors.As(err, &re) && !re.fatal {
				if firstBad == nil {
					firstBad = re
				}
				continue
			}
			if errors.As(err, &re) {
				return d, fileErr(d.File, "bad_row", "row", fmt.Sprint(re.row), "reason", text(locale.EN, re.code, kv(re.args...)))
			}
			return d, err
		}
		if blank(row) {
			continue
		}
		rowsSample = append(rowsSample, slices.Clone(row))
	}
	// Trailing footer rows of a short file are not data.
	keep := len(rowsSample) - footerTail(v, rowsSample)
	if keep == 0 && firstBad != nil {
		// Not "no data rows": the rows are there but unreadable (an
		// unclosed quote swallows the rest of the file).
		return d, fileErr(d.File, "bad_row", "row", fmt.Sprint(firstBad.row), "reason", text(locale.EN, firstBad.code, kv(firstBad.args...)))
	}
	if keep == 0 {
		return d, fileErr(d.File, "no_data_rows")
	}
	for i := range min(20, keep) {
		d.Preview = append(d.Preview, rowsSample[i])
	}
	user, err := userMap(d.heads, opts.Map, d.File)
	if err != nil {
		return d, err
	}
	kind := opts.Kind
	if kind == "auto" {
		kind = ""
	}
	if kind != "" && !slices.Contains(allKinds, kind) {
		return d, fmt.Errorf("unknown kind %q (kinds: auto, kpis, deals, customers, transactions, leads): %w", kind, errInvalid)
	}
	m, preset, merr := v.chooseKind(kind, d.heads, user, d.File)
	if m != nil {
		d.applyMatch(v, m, preset)
	}
	if merr != nil {
		var me *MappingError
		if errors.As(merr, &me) {
			d.suggest(v, me, m, rowsSample[:keep])
		}
		return d, merr
	}
	// Type the mapped columns over the sample, then over the whole file
	// for those the sample leaves undecided.
	// Serial day numbers (Excel date cells, read raw) only where a date is
	// expected.
	for i := range d.Columns {
		d.Columns[i].dd.AllowSerial = d.Columns[i].Type == TypeDate
	}
	for _, row := range rowsSample[:keep] {
		d.feed(v, row)
	}
	hint := d.decideFormats(opts)
	if d.undecided() {
		if err := d.scanRest(v, t, hint, opts); err != nil {
			return d, err
		}
	}
	d.summarizeFormats()
	return d, nil
}

// evenHead returns the head, cut to an even length for UTF-16.
func evenHead(ff *fileFacts) []byte {
	h := ff.head
	if strings.HasPrefix(ff.encoding, "utf-16") && len(h)%2 == 1 {
		h = h[:len(h)-1]
	}
	return h
}

// blank reports whether every cell of a row is empty or spaces.
func blank(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// setHeader records the header cells and rejects duplicates.
func (d *Detection) setHeader(row []string) error {
	cells := slices.Clone(row)
	for len(cells) > 0 && strings.TrimSpace(cells[len(cells)-1]) == "" {
		cells = cells[:len(cells)-1]
	}
	seen := map[string]int{}
	for i, c := range cells {
		c = strings.TrimSpace(strings.TrimPrefix(c, "\ufeff"))
		if c != "" {
			key := strings.ToLower(c)
			if j, dup := seen[key]; dup {
				return fileErr(d.File, "duplicate_header", "first", fmt.Sprint(j+1), "second", fmt.Sprint(i+1), "header", c)
			}
			seen[key] = i
		}
		d.heads = append(d.heads, header{idx: i, raw: c, norm: normalize(c)})
		d.Columns = append(d.Columns, Column{Index: i + 1, Header: c})
	}
	h := sha256.New()
	for i := range d.heads {
		h.Write([]byte(d.heads[i].norm + "\x1f"))
		if d.heads[i].raw == "" {
			d.heads[i].raw = fmt.Sprintf("column %d", i+1)
		}
	}
	d.HeaderKey = hex.EncodeToString(h.Sum(nil))[:16]
	return nil
}

// applyMatch records the chosen shape and mapping on the columns.
func (d *Detection) applyMatch(v *vocabulary, m *match, p *Preset) {
	d.match, d.preset, d.Kind, d.Layout = m, p, m.kind, m.layout
	if p != nil {
		d.Preset = p.ID
	}
	for f, a := range m.fields {
		if a.col < 0 {
			continue
		}
		c := &d.Columns[a.col]
		c.Field, c.From = f, a.from
		if ft, ok := fieldType(m.kind, f); ok {
			c.Type = ft
		} else {
			c.Type = TypeNumber // a metric column of a wide KPI table
		}
		d.Mapping[f] = d.heads[a.col].raw
	}
	d.Ignored = nil
	for _, c := range d.Columns {
		if c.Field == "" {
			d.Ignored = append(d.Ignored, d.heads[c.Index-1].raw)
		}
	}
}

// feed passes one row's mapped cells to the column detectors.
func (d *Detection) feed(v *vocabulary, row []string) {
	for i := range d.Columns {
		c := &d.Columns[i]
		if c.Type != TypeNumber && c.Type != TypeDate || i >= len(row) || v.isEmpty(row[i]) {
			continue
		}
		if c.Type == TypeNumber {
			c.nd.Add(row[i])
		} else {
			c.dd.Add(row[i])
		}
	}
}

package store

import (
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// The records encoding of a deal chunk (deal_chunks.records, migration
// 0009, docs/STORE.md): every field of diagnostic.Deal, deal after deal,
// after one version byte.
//
//   - one byte: the status (0 open, 1 won, 2 lost) and which of the three
//     dates are present (bits 4, 5, 6: created, closed, expected close);
//   - the amount's 8 bytes (IEEE 754, little-endian);
//   - each present date as varint Unix seconds and uvarint nanoseconds;
//   - the external id and the name, each as uvarint length and bytes;
//   - stage, currency, owner, source, pipeline and forecast category, each
//     as a uvarint code into the chunk's dictionary of that field: 0 is a
//     literal that follows (length and bytes) and is not remembered, 1 a
//     literal that is remembered as the field's next entry, k ≥ 2 the entry
//     k−2. CRM exports repeat these values on most rows, so most take one
//     byte.
//
// Decoding gives back exactly the deal encoded, its dates in UTC as the
// store always returned them.
const recordsVersion byte = 1

const (
	recCreated  byte = 1 << 4
	recClosed   byte = 1 << 5
	recExpected byte = 1 << 6
	recStatus   byte = 0x0f
)

// dictFields is how many fields of a deal are dictionary-coded, and
// dictMax how many entries a field's dictionary may hold in one chunk.
const (
	dictFields = 6
	dictMax    = 1 << 14
)

var statusOfCode = [...]diagnostic.DealStatus{diagnostic.DealOpen, diagnostic.DealWon, diagnostic.DealLost}

func codeOfStatus(s diagnostic.DealStatus) (byte, bool) {
	for i, v := range statusOfCode {
		if v == s {
			return byte(i), true
		}
	}
	return 0, false
}

// recEncoder builds the records of one chunk.
type recEncoder struct {
	buf   []byte
	dicts [dictFields]map[string]uint64
}

// reset starts a new chunk, keeping the storage.
func (e *recEncoder) reset() {
	e.buf = append(e.buf[:0], recordsVersion)
	for i := range e.dicts {
		if e.dicts[i] == nil {
			e.dicts[i] = map[string]uint64{}
		}
		clear(e.dicts[i])
	}
}

// add appends deal d, whose status must be open, won or lost.
func (e *recEncoder) add(d *diagnostic.Deal) error {
	code, ok := codeOfStatus(d.Status)
	if !ok {
		return fmt.Errorf("deal %s: status %q is not open, won or lost: %w", d.ExternalID, d.Status, diagnostic.ErrInvalid)
	}
	if !d.Created.IsZero() {
		code |= recCreated
	}
	if !d.Closed.IsZero() {
		code |= recClosed
	}
	if !d.ExpectedClose.IsZero() {
		code |= recExpected
	}
	b := append(e.buf, code)
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(d.Amount))
	for _, t := range [3]time.Time{d.Created, d.Closed, d.ExpectedClose} {
		if !t.IsZero() {
			b = binary.AppendVarint(b, t.Unix())
			b = binary.AppendUvarint(b, uint64(t.Nanosecond()))
		}
	}
	b = appendText(b, d.ExternalID)
	b = appendText(b, d.Name)
	for i, v := range [dictFields]string{d.Stage, d.Currency, d.Owner, d.Source, d.Pipeline, d.ForecastCategory} {
		dict := e.dicts[i]
		if k, ok := dict[v]; ok {
			b = binary.AppendUvarint(b, k+2)
			continue
		}
		if len(dict) < dictMax {
			dict[v] = uint64(len(dict))
			b = append(b, 1)
		} else {
			b = append(b, 0)
		}
		b = appendText(b, v)
	}
	e.buf = b
	return nil
}

func appendText(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// decodeRecords appends the n deals of a records blob to out. The blob is
// copied once into a string that the deals' texts share; the numbers are
// read from the bytes, at the same offsets.
func decodeRecords(data []byte, n int, out []diagnostic.Deal) ([]diagnostic.Deal, error) {
	s := string(data)
	p := 0
	bad := func(what string) error {
		return fmt.Errorf("deal chunk: %s at byte %d: %w", what, p, diagnostic.ErrInvalid)
	}
	if len(data) == 0 || data[0] != recordsVersion {
		return out, bad("unknown records version")
	}
	p = 1
	uvarint := func() (uint64, bool) {
		v, k := binary.Uvarint(data[p:])
		if k <= 0 {
			return 0, false
		}
		p += k
		return v, true
	}
	text := func() (string, bool) {
		l, ok := uvarint()
		if !ok || l > uint64(len(s)-p) {
			return "", false
		}
		t := s[p : p+int(l)]
		p += int(l)
		return t, true
	}
	instant := func() (time.Time, bool) {
		sec, k := binary.Varint(data[p:])
		if k <= 0 {
			return time.Time{}, false
		}
		p += k
		ns, ok := uvarint()
		if !ok || ns >= 1e9 {
			return time.Time{}, false
		}
		return time.Unix(sec, int64(ns)).UTC(), true
	}
	var dicts [dictFields][]string
	out = slices.Grow(out, n)
	for range n {
		if len(data)-p < 9 {
			return out, bad("truncated")
		}
		code := data[p]
		if int(code&recStatus) >= len(statusOfCode) || code&0x80 != 0 {
			return out, bad("bad status")
		}
		var d diagnostic.Deal
		d.Status = statusOfCode[code&recStatus]
		d.Amount = math.Float64frombits(binary.LittleEndian.Uint64(data[p+1:]))
		p += 9
		for i, dst := range [3]*time.Time{&d.Created, &d.Closed, &d.ExpectedClose} {
			if code&(recCreated<<i) == 0 {
				continue
			}
			t, ok := instant()
			if !ok {
				return out, bad("bad date")
			}
			*dst = t
		}
		var ok bool
		if d.ExternalID, ok = text(); !ok {
			return out, bad("bad external id")
		}
		if d.Name, ok = text(); !ok {
			return out, bad("bad name")
		}
		for i, dst := range [dictFields]*string{&d.Stage, &d.Currency, &d.Owner, &d.Source, &d.Pipeline, &d.ForecastCategory} {
			k, ok := uvarint()
			switch {
			case !ok:
				return out, bad("bad field code")
			case k >= 2:
				if k-2 >= uint64(len(dicts[i])) {
					return out, bad("unknown dictionary entry")
				}
				*dst = dicts[i][k-2]
			default:
				v, ok := text()
				if !ok {
					return out, bad("bad text")
				}
				if k == 1 {
					dicts[i] = append(dicts[i], v)
				}
				*dst = v
			}
		}
		out = append(out, d)
	}
	if p != len(data) {
		return out, bad("bytes after the last deal")
	}
	return out, nil
}

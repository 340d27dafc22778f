package kpi

import (
	"encoding/binary"
	"fmt"
	"math"

	"github.com/revopsdx/revopsdx/diagnostic"
)

// The encoded form of a DealTable's rows, as the store keeps them in column
// chunks next to the deals (docs/STORE.md, deal_columns): per deal its
// status code, the amount's 8 bytes, the creation, close and expected-close
// instants as
// varint Unix seconds and uvarint nanoseconds (their calendar day is the UTC
// day, as a stored deal's is), and the external id (or name) with its
// length. The store writes a deal exactly as it reads it back, so a table
// decoded from chunks equals DealTableOf of the stored deals.

// EncodedText is the text EncodeDeal keeps of deal d: its external id, or
// its name when it has none.
func EncodedText(d *diagnostic.Deal) string {
	if d.ExternalID == "" {
		return d.Name
	}
	return d.ExternalID
}

// EncodeDeal appends deal d's encoding to buf, its dates taken in UTC.
func EncodeDeal(buf []byte, d *diagnostic.Deal) []byte {
	code := statusCode(d.Status)
	text := EncodedText(d)
	if d.ExternalID == "" {
		code |= named
	}
	buf = append(buf, code)
	buf = binary.LittleEndian.AppendUint64(buf, math.Float64bits(d.Amount))
	buf = binary.AppendVarint(buf, d.Created.Unix())
	buf = binary.AppendUvarint(buf, uint64(d.Created.Nanosecond()))
	buf = binary.AppendVarint(buf, d.Closed.Unix())
	buf = binary.AppendUvarint(buf, uint64(d.Closed.Nanosecond()))
	buf = binary.AppendVarint(buf, d.ExpectedClose.Unix())
	buf = binary.AppendUvarint(buf, uint64(d.ExpectedClose.Nanosecond()))
	buf = binary.AppendUvarint(buf, uint64(len(text)))
	return append(buf, text...)
}

// AppendEncoded decodes n deals encoded by EncodeDeal and appends them;
// bytes that do not decode to exactly n deals are an error.
func (t *DealTable) AppendEncoded(data []byte, n int) error {
	if t.off == nil {
		t.off = []uint32{0}
	}
	p := 0
	bad := func(what string) error {
		return fmt.Errorf("deal column chunk: %s at byte %d: %w", what, p, diagnostic.ErrInvalid)
	}
	instant := func() (Instant, error) {
		sec, k := binary.Varint(data[p:])
		if k <= 0 {
			return Instant{}, bad("bad seconds")
		}
		p += k
		ns, k := binary.Uvarint(data[p:])
		if k <= 0 || ns >= 1e9 {
			return Instant{}, bad("bad nanoseconds")
		}
		p += k
		return Instant{sec: sec, nsec: int32(ns), day: int32(floorDiv64(sec, 86400))}, nil
	}
	for range n {
		if len(data)-p < 9 {
			return bad("truncated")
		}
		code := data[p]
		if code&^named > codeOther {
			return bad("bad status")
		}
		amount := math.Float64frombits(binary.LittleEndian.Uint64(data[p+1:]))
		p += 9
		created, err := instant()
		if err != nil {
			return err
		}
		closed, err := instant()
		if err != nil {
			return err
		}
		expected, err := instant()
		if err != nil {
			return err
		}
		ln, k := binary.Uvarint(data[p:])
		if k <= 0 || ln > uint64(len(data)-p-k) {
			return bad("bad text")
		}
		p += k
		t.st = append(t.st, code)
		t.amount = append(t.amount, amount)
		t.created = append(t.created, created)
		t.closed = append(t.closed, closed)
		t.addExpected(expected)
		t.text = append(t.text, data[p:p+int(ln)]...)
		t.off = append(t.off, uint32(len(t.text)))
		p += int(ln)
	}
	if p != len(data) {
		return bad("trailing bytes")
	}
	return nil
}

func floorDiv64(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

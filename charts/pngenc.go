package charts

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"io"
)

// encodePNG writes an opaque RGBA bitmap as an 8-bit RGB PNG, a row equal
// to the one above with the "Up" filter (all zeros), every other row with
// the "Sub" filter. Charts are flat colour, which Sub turns into runs
// of zeros that deflate at its fastest level compresses well; image/png
// instead tries five filters per row and spends most of a chart's
// rendering time there. Alpha is dropped: every chart paints an opaque
// background first.
func encodePNG(w io.Writer, img *image.RGBA) error {
	bw := bufio.NewWriter(w)
	b := img.Bounds()
	wd, ht := b.Dx(), b.Dy()
	if _, err := bw.WriteString("\x89PNG\r\n\x1a\n"); err != nil {
		return err
	}
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(wd))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(ht))
	ihdr[8], ihdr[9] = 8, 2 // 8 bits per channel, truecolour
	if err := writeChunk(bw, "IHDR", ihdr[:]); err != nil {
		return err
	}
	cw := &chunkWriter{w: bw, kind: "IDAT"}
	zw, err := zlib.NewWriterLevel(cw, zlib.BestSpeed)
	if err != nil {
		return err
	}
	row := make([]byte, 1+3*wd)
	zeros := make([]byte, 1+3*wd)
	zeros[0] = 2 // Up with nothing changed: a row equal to the one above
	var prev []byte
	for y := range ht {
		off := (y+b.Min.Y-img.Rect.Min.Y)*img.Stride + (b.Min.X-img.Rect.Min.X)*4
		src := img.Pix[off : off+4*wd]
		if prev != nil && bytes.Equal(src, prev) {
			if _, err := zw.Write(zeros); err != nil {
				return fmt.Errorf("compressing row %d: %w", y, err)
			}
			continue
		}
		prev = src
		row[0] = 1 // Sub: each byte minus the same channel of the pixel to its left
		var pr, pg, pb byte
		for x := range wd {
			r, g, bl := src[4*x], src[4*x+1], src[4*x+2]
			row[1+3*x], row[2+3*x], row[3+3*x] = r-pr, g-pg, bl-pb
			pr, pg, pb = r, g, bl
		}
		if _, err := zw.Write(row); err != nil {
			return fmt.Errorf("compressing row %d: %w", y, err)
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := cw.flush(); err != nil {
		return err
	}
	if err := writeChunk(bw, "IEND", nil); err != nil {
		return err
	}
	return bw.Flush()
}

// chunkWriter buffers compressed data into IDAT chunks of up to 64 KiB.
type chunkWriter struct {
	w    io.Writer
	kind string
	buf  []byte
}

func (c *chunkWriter) Write(p []byte) (int, error) {
	c.buf = append(c.buf, p...)
	for len(c.buf) >= 1<<16 {
		if err := writeChunk(c.w, c.kind, c.buf[:1<<16]); err != nil {
			return 0, err
		}
		c.buf = c.buf[1<<16:]
	}
	return len(p), nil
}

func (c *chunkWriter) flush() error {
	if len(c.buf) == 0 {
		return nil
	}
	err := writeChunk(c.w, c.kind, c.buf)
	c.buf = nil
	return err
}

// writeChunk writes one PNG chunk: length, type, data and CRC.
func writeChunk(w io.Writer, kind string, data []byte) error {
	var head [8]byte
	binary.BigEndian.PutUint32(head[:4], uint32(len(data)))
	copy(head[4:], kind)
	crc := crc32.NewIEEE()
	crc.Write(head[4:])
	crc.Write(data)
	var tail [4]byte
	binary.BigEndian.PutUint32(tail[:], crc.Sum32())
	for _, b := range [][]byte{head[:], data, tail[:]} {
		if _, err := w.Write(b); err != nil {
			return fmt.Errorf("writing PNG %s chunk: %w", kind, err)
		}
	}
	return nil
}

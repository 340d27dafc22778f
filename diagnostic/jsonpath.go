package diagnostic

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// lineOf returns the line (1-based) of the member at path in a JSON
// document, where path holds object keys (string) and array indexes (int),
// e.g. "respondents", 2, "answers", "obj_written". It returns 0 when the
// path is not found; callers then omit the line.
func lineOf(data []byte, path ...any) int {
	dec := json.NewDecoder(bytes.NewReader(data))
	off, ok := findPath(dec, path)
	if !ok {
		return 0
	}
	line, _ := lineCol(data, off)
	return line
}

// findPath walks the value at the decoder's position along path and returns
// the input offset just after the last key or array element start.
func findPath(dec *json.Decoder, path []any) (int64, bool) {
	if len(path) == 0 {
		return dec.InputOffset(), true
	}
	tok, err := dec.Token()
	if err != nil {
		return 0, false
	}
	switch tok {
	case json.Delim('{'):
		for dec.More() {
			key, err := dec.Token()
			if err != nil {
				return 0, false
			}
			if k, ok := path[0].(string); ok && key == k {
				if len(path) == 1 {
					return dec.InputOffset(), true
				}
				return findPath(dec, path[1:])
			}
			if !skipValue(dec) {
				return 0, false
			}
		}
	case json.Delim('['):
		for i := 0; dec.More(); i++ {
			if idx, ok := path[0].(int); ok && idx == i {
				if len(path) == 1 {
					return dec.InputOffset(), true
				}
				return findPath(dec, path[1:])
			}
			if !skipValue(dec) {
				return 0, false
			}
		}
	}
	return 0, false
}

// skipValue reads one whole value (scalar, object or array).
func skipValue(dec *json.Decoder) bool {
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
		if depth == 0 {
			return true
		}
	}
}

// atLine formats "line N: " or "" when the line is unknown.
func atLine(line int) string {
	if line == 0 {
		return ""
	}
	return fmt.Sprintf("line %d: ", line)
}

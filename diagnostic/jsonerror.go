package diagnostic

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// describeJSONError turns a decoding error into text that says where in
// data it happened ("line 3, column 14: ...").
func describeJSONError(data []byte, err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		line, col := lineCol(data, syn.Offset-1)
		return fmt.Sprintf("line %d, column %d: invalid JSON: %s", line, col, syn.Error())
	case errors.As(err, &typ):
		line, col := lineCol(data, typ.Offset-1)
		field := typ.Field
		if field == "" {
			field = "value"
		}
		return fmt.Sprintf("line %d, column %d: %s: got a JSON %s, want %s", line, col, field, typ.Value, jsonKind(typ.Type.String()))
	case errors.Is(err, io.EOF):
		return "empty file: want a JSON object"
	case errors.Is(err, io.ErrUnexpectedEOF):
		line, col := lineCol(data, int64(len(data)))
		return fmt.Sprintf("line %d, column %d: invalid JSON: unexpected end of file", line, col)
	}
	return err.Error()
}

// jsonKind names a Go type as the JSON a user should write.
func jsonKind(goType string) string {
	switch goType {
	case "float64", "*float64", "int", "float32":
		return "a number"
	case "string", "diagnostic.Department", "diagnostic.Objective", "diagnostic.Cadence":
		return "a string"
	case "bool":
		return "true or false"
	}
	if len(goType) > 2 && goType[:2] == "[]" {
		return "a list"
	}
	return "an object"
}

// lineCol converts a byte offset in data to a 1-based line and column.
func lineCol(data []byte, off int64) (line, col int) {
	if off < 0 {
		off = 0
	}
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	line, col = 1, 1
	for _, b := range data[:off] {
		if b == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return line, col
}

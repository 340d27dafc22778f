package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/revopsdx/revopsdx/assets"
	"github.com/revopsdx/revopsdx/diagnostic/importer"
)

// importFields lists the fields a shape reads, in the order of the
// importer's vocabulary (assets/content/columns.json, "shapes"), so the
// mapping step offers one dropdown per field without a second list here.
func importFields(k importer.Kind) ([]string, error) {
	b, err := assets.Content("columns.json")
	if err != nil {
		return nil, err
	}
	var top struct {
		Shapes map[string]json.RawMessage `json:"shapes"`
	}
	if err := json.Unmarshal(b, &top); err != nil {
		return nil, fmt.Errorf("columns.json: %w", err)
	}
	raw, ok := top.Shapes[string(k)]
	if !ok {
		return nil, nil
	}
	return objectKeys(raw)
}

// objectKeys returns a JSON object's keys in file order.
func objectKeys(raw json.RawMessage) ([]string, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, fmt.Errorf("columns.json: %w", err)
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	// File order: sort by where each key first appears in the object.
	pos := func(k string) int {
		q, _ := json.Marshal(k)
		return bytes.Index(raw, append(q, ':'))
	}
	slices.SortFunc(keys, func(a, b string) int { return pos(a) - pos(b) })
	return keys, nil
}

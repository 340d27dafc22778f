package diagnostic

import "encoding/json"

// js renders v as compact JSON for failure messages.
func js(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return err.Error()
	}
	return string(b)
}

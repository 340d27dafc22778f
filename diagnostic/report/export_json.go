package report

import (
	"encoding/json"
	"fmt"
	"io"
)

// WriteJSON writes the export as one indented JSON document, stamping its
// format and version. Empty tables are written as [] rather than null.
func WriteJSON(w io.Writer, e Export) error {
	e.Format, e.Version = ExportFormat, ExportVersion
	if e.Answers == nil {
		e.Answers = []AnswerRecord{}
	}
	if e.Scores == nil {
		e.Scores = []ScoreRecord{}
	}
	if e.KPIValues == nil {
		e.KPIValues = []KPIValueRecord{}
	}
	if e.Plan == nil {
		e.Plan = []PlanRecord{}
	}
	if e.Recommendations == nil {
		e.Recommendations = []RecommendationRecord{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(e); err != nil {
		return fmt.Errorf("writing the JSON export of %q: %w", e.Organisation, err)
	}
	return nil
}

// WriteJSONFile writes the JSON export to path, replacing an existing file
// atomically.
func WriteJSONFile(path string, e Export) error {
	return writeAtomic(path, func(w io.Writer) error { return WriteJSON(w, e) })
}

package diagnostic

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/revopsdx/revopsdx/assets"
)

// QuestionnaireFile is the embedded content file the questionnaire is read
// from (assets/content/questions.json).
const QuestionnaireFile = "questions.json"

var loadOnce = sync.OnceValues(func() (*Questionnaire, error) {
	data, err := assets.Content(QuestionnaireFile)
	if err != nil {
		return nil, err
	}
	q, err := ParseQuestionnaire(data)
	if err != nil {
		return nil, err
	}
	if err := q.CheckProduct(); err != nil {
		return nil, fmt.Errorf("%s: %w", QuestionnaireFile, err)
	}
	return q, nil
})

// LoadQuestionnaire returns the embedded questionnaire, validated once and
// then decoded afresh for each caller, so that no caller can change it for
// the others. A content error is returned, never a panic; the package tests
// fail on it.
func LoadQuestionnaire() (*Questionnaire, error) {
	if _, err := loadOnce(); err != nil {
		return nil, err
	}
	data, err := assets.Content(QuestionnaireFile)
	if err != nil {
		return nil, err
	}
	return decodeQuestionnaire(data)
}

// ParseQuestionnaire decodes questionnaire content and checks its structure
// (see Validate). It does not apply the product rules of CheckProduct, so
// tests may use small fixtures.
func ParseQuestionnaire(data []byte) (*Questionnaire, error) {
	q, err := decodeQuestionnaire(data)
	if err != nil {
		return nil, err
	}
	if err := q.Validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", QuestionnaireFile, err)
	}
	return q, nil
}

// decodeQuestionnaire decodes questionnaire content and builds its
// indexes, without validating it.
func decodeQuestionnaire(data []byte) (*Questionnaire, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var q Questionnaire
	if err := dec.Decode(&q); err != nil {
		return nil, fmt.Errorf("%s: %s: %w", QuestionnaireFile, describeJSONError(data, err), ErrInvalid)
	}
	q.index()
	return &q, nil
}

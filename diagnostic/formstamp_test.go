package diagnostic

import (
	"errors"
	"strings"
	"testing"
)

// TestParseAnswersFormStamp reads the stamp an HTML form writes, and
// refuses the answers of a form made from another questionnaire version.
func TestParseAnswersFormStamp(t *testing.T) {
	q := shipped(t)
	ok := `{"form": {"id": "0123456789abcdef", "questionnaire_version": "` + q.Version + `", "language": "es"},
 "respondents": [{"name": "Ana", "department": "sales", "answers": {"obj_written": 4}}]}`
	af, err := ParseAnswers([]byte(ok), q)
	if err != nil {
		t.Fatal(err)
	}
	if af.Form.ID != "0123456789abcdef" || af.Form.QuestionnaireVersion != q.Version || af.Form.Language != "es" {
		t.Errorf("stamp %+v", af.Form)
	}
	old := "{\"form\": {\"id\": \"0123456789abcdef\",\n \"questionnaire_version\": \"1999.1\"},\n \"respondents\": [{\"department\": \"sales\", \"answers\": {}}]}"
	_, err = ParseAnswers([]byte(old), q)
	if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "line 2: form.questionnaire_version") || !strings.Contains(err.Error(), `"1999.1"`) {
		t.Errorf("another version: %v", err)
	}
	plain, err := ParseAnswers([]byte(`{"respondents": [{"department": "sales", "answers": {}}]}`), q)
	if err != nil || plain.Form != (FormStamp{}) {
		t.Errorf("no stamp: %+v, %v", plain.Form, err)
	}
}

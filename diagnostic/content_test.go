package diagnostic

import (
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

func TestEmbeddedQuestionnaireLoads(t *testing.T) {
	q, err := LoadQuestionnaire()
	if err != nil {
		t.Fatalf("content error: %v", err)
	}
	for _, l := range locale.Langs {
		e := q.EstimateTiming(l)
		t.Logf("estimated time (%s): %.2f min (%d words, %d decisions)", l, e.Minutes(), e.Words, e.Decisions)
	}
}

package report

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

func TestRenderWritesSamples(t *testing.T) {
	dir := os.Getenv("REPORT_OUT")
	if dir == "" {
		dir = t.TempDir()
	}
	for _, l := range locale.Langs {
		path := filepath.Join(dir, "sample_"+string(l)+".pdf")
		if err := WriteFile(context.Background(), path, sampleData(l), Options{Lang: l}); err != nil {
			t.Fatal(err)
		}
	}
	if err := WriteFile(context.Background(), filepath.Join(dir, "minimal.pdf"), minimalData(), Options{}); err != nil {
		t.Fatal(err)
	}
}

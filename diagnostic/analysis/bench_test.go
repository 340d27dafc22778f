package analysis

import (
	"context"
	"testing"

	"github.com/revopsdx/revopsdx/diagnostic/locale"
)

// BenchmarkDemoSnapshot generates the demo organisation's records.
func BenchmarkDemoSnapshot(b *testing.B) {
	for b.Loop() {
		DemoSnapshot(demoAsOf)
	}
}

// BenchmarkAnalyseDemo analyses the demo: two assessments, 24 months of
// inputs, about 300 deals and 170 customers.
func BenchmarkAnalyseDemo(b *testing.B) {
	s := DemoSnapshot(demoAsOf)
	for b.Loop() {
		if _, err := Analyse(context.Background(), s, locale.ES); err != nil {
			b.Fatal(err)
		}
	}
}

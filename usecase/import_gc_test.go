package usecase

import (
	"runtime/debug"
	"sync"
	"testing"
)

// gcPercent reads the collector's target without changing it.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// TestCollectLessRestores checks that overlapping imports raise the
// collector's target once and that the previous setting comes back after
// the last one, whatever the order they end in.
func TestCollectLessRestores(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))

	a := collectLess()
	b := collectLess()
	if got := gcPercent(); got != importGCPercent {
		t.Errorf("during imports GC percent %d, want %d", got, importGCPercent)
	}
	a()
	a() // a second call changes nothing
	if got := gcPercent(); got != importGCPercent {
		t.Errorf("with one import left GC percent %d, want %d", got, importGCPercent)
	}
	b()
	if got := gcPercent(); got != 100 {
		t.Errorf("after the imports GC percent %d, want 100 back", got)
	}

	// A higher setting (say GOGC=800) is kept.
	debug.SetGCPercent(800)
	c := collectLess()
	if got := gcPercent(); got != 800 {
		t.Errorf("GOGC=800 changed to %d during an import", got)
	}
	c()
	if got := gcPercent(); got != 800 {
		t.Errorf("after the import GC percent %d, want 800 back", got)
	}
	debug.SetGCPercent(100)

	// Concurrent imports end with the original setting.
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() { r := collectLess(); r() })
	}
	wg.Wait()
	if got := gcPercent(); got != 100 {
		t.Errorf("after concurrent imports GC percent %d, want 100", got)
	}
}

// TestCollectMoreDuringLoads checks that loads lower the target, that an
// import under way wins over a load, and that the setting in force before
// comes back, GC off included.
func TestCollectMoreDuringLoads(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))

	l := collectMore()
	if got := gcPercent(); got != loadGCPercent {
		t.Errorf("during a load GC percent %d, want %d", got, loadGCPercent)
	}
	i := collectLess()
	if got := gcPercent(); got != importGCPercent {
		t.Errorf("during a load and an import GC percent %d, want the import's %d", got, importGCPercent)
	}
	i()
	if got := gcPercent(); got != loadGCPercent {
		t.Errorf("after the import, during the load, GC percent %d, want %d", got, loadGCPercent)
	}
	l()
	if got := gcPercent(); got != 100 {
		t.Errorf("after the load GC percent %d, want 100 back", got)
	}

	debug.SetGCPercent(-1) // GOGC=off
	l = collectMore()
	if got := gcPercent(); got != -1 {
		t.Errorf("GOGC=off changed to %d during a load", got)
	}
	l()
	debug.SetGCPercent(5) // already below the load's target
	l = collectMore()
	if got := gcPercent(); got != 5 {
		t.Errorf("GOGC=5 changed to %d during a load", got)
	}
	l()
	if got := gcPercent(); got != 5 {
		t.Errorf("after the load GC percent %d, want 5 back", got)
	}
}

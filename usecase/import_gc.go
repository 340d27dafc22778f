package usecase

import (
	"runtime/debug"
	"sync"
)

// importGCPercent is the garbage collector's target while a file is being
// imported. A streaming import keeps little memory alive but allocates a
// few hundred bytes per row (parsed fields, encoded deals), so at the
// default of 100 the collector ran every few megabytes and took a sixth of
// the time of a 1,000,000-row import (BenchmarkImportDeals1MIntoStore:
// about +15 % rows/s at 400, peak RSS 153 → 165 MB).
const importGCPercent = 400

// loadGCPercent is the target while an organisation's data is loaded for
// analysis. Its deals arrive as a few large column chunks, each copied out
// of SQLite and dropped once decoded into a table that is built to its
// final size first: at 100 the collector let about 40 MB of dropped chunks
// pile up on top of a million deals' 80 MB table before running (peak RSS
// 184 → 161 MB at 10, docs/BENCHMARKS-scale.md). The table and the chunks
// hold no pointers, so each collection costs little.
const loadGCPercent = 10

// gcTarget tracks the imports and loads under way; the collector's target
// is importGCPercent while any import runs, else loadGCPercent while any
// load runs, else the setting found before the first.
var gcTarget struct {
	sync.Mutex
	imports, loads int
	saved          int // the setting to restore when none runs
}

// collectLess raises the collector's target for the duration of an import
// and returns the function that undoes it.
func collectLess() (restore func()) { return gcDuring(&gcTarget.imports) }

// collectMore lowers the collector's target for the duration of a load and
// returns the function that undoes it.
func collectMore() (restore func()) { return gcDuring(&gcTarget.loads) }

// gcDuring counts one more activity of a kind (a counter of gcTarget) and
// returns the function that counts it out, setting the target each time.
// Overlapping activities share one setting; the one in force before the
// first is restored after the last. GC off (GOGC=off) stays off, a target
// above importGCPercent is kept during imports and one below loadGCPercent
// during loads.
func gcDuring(counter *int) (restore func()) {
	gcTarget.Lock()
	defer gcTarget.Unlock()
	if gcTarget.imports+gcTarget.loads == 0 {
		gcTarget.saved = debug.SetGCPercent(100)
		debug.SetGCPercent(gcTarget.saved)
	}
	*counter++
	applyGCTarget()
	var once sync.Once
	return func() {
		once.Do(func() {
			gcTarget.Lock()
			defer gcTarget.Unlock()
			*counter--
			applyGCTarget()
		})
	}
}

// applyGCTarget sets the target for the activities counted; the caller
// holds gcTarget's lock.
func applyGCTarget() {
	saved := gcTarget.saved
	want := saved
	switch {
	case saved < 0:
	case gcTarget.imports > 0:
		want = max(saved, importGCPercent)
	case gcTarget.loads > 0:
		want = min(saved, loadGCPercent)
	}
	debug.SetGCPercent(want)
}

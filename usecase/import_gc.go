package usecase

import (
	"runtime/debug"
	"sync"
)

// importGCPercent is the garbage collector's target while a file is being
// imported. A streaming import keeps little memory alive but allocates a
// few hundred bytes per row (parsed fields, values bound to SQLite), so at
// the default of 100 the collector ran every few megabytes and took a sixth
// of the time of a 1,000,000-row import (BenchmarkImportDeals1MIntoStore:
// about +15 % rows/s at 400, peak RSS 153 → 165 MB).
const importGCPercent = 400

var lessGC struct {
	sync.Mutex
	active int // imports running
	saved  int // the setting to restore when the last one ends
}

// collectLess raises the collector's target for the duration of an import
// and returns the function that undoes it. Overlapping imports share one
// raise; the setting in force before the first is restored after the last.
// A target already above importGCPercent (or GC off, via GOGC) is kept.
func collectLess() (restore func()) {
	lessGC.Lock()
	defer lessGC.Unlock()
	if lessGC.active == 0 {
		lessGC.saved = debug.SetGCPercent(importGCPercent)
		if lessGC.saved < 0 || lessGC.saved > importGCPercent {
			debug.SetGCPercent(lessGC.saved)
		}
	}
	lessGC.active++
	var once sync.Once
	return func() {
		once.Do(func() {
			lessGC.Lock()
			defer lessGC.Unlock()
			lessGC.active--
			if lessGC.active == 0 {
				debug.SetGCPercent(lessGC.saved)
			}
		})
	}
}

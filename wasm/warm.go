//go:build js && wasm

package main

import (
	"runtime"
	"time"

	"briefing/data"
	"briefing/web/idle"
	"briefing/web/state"
	"briefing/web/view"
)

// newWarmer starts the background warm-up (idle.Worker): likely next charts rendered into the
// cache, one at a time, for the latest view only. Go's wasm runs on one thread and a chart
// cannot be interrupted, so a click that arrives mid-chart waits for it: work starts only
// once the page has been quiet for warmDelay, and gives the browser its thread back between
// charts (yieldToBrowser, as the take-over's pauses do). Garbage is collected while the
// reader reads (idle.Collector).
// Each chart and collection is a User Timing measure (explorer warm, explorer gc), so that
// the benchmark can tell whether background work overlapped a change (web/bench).
func newWarmer() *idle.Worker {
	w := idle.NewWorker(warmDelay, time.After, func() {
		t0 := now()
		runtime.GC()
		measureAll("explorer gc", t0, now())
	}, gcEvery)
	go w.Run()
	return w
}

// warmJob warms the cache for a view (view.Warm).
func warmJob(c *view.Cache, sets []data.Dataset, s state.State, layouts view.Layouts) func() int {
	return func() int {
		perf().Call("clearMeasures", "explorer warm") // those of the views before
		t0 := now()
		return view.Warm(sets, s, c, layouts, func() {
			measureAll("explorer warm", t0, now())
			yieldToBrowser()
			t0 = now()
		})
	}
}

// warmDelay is how long the page must be without a change before warming starts.
const warmDelay = 300 * time.Millisecond

// gcEvery is how many quiet spells without a chart drawn make a collection worth it.
const gcEvery = 8

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
// once the page has been quiet for warmDelay, and sleeps between charts (a sleep returns to
// the browser's event loop). Garbage is collected while the reader reads (idle.Collector).
func newWarmer() *idle.Worker {
	w := idle.NewWorker(warmDelay, time.After, runtime.GC, gcEvery)
	go w.Run()
	return w
}

// warmJob warms the cache for a view (view.Warm).
func warmJob(c *view.Cache, sets []data.Dataset, s state.State, layouts view.Layouts) func() int {
	return func() int { return view.Warm(sets, s, c, layouts, func() { time.Sleep(time.Millisecond) }) }
}

// warmDelay is how long the page must be without a change before warming starts.
const warmDelay = 300 * time.Millisecond

// gcEvery is how many quiet spells without a chart drawn make a collection worth it.
const gcEvery = 8

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

type warmJob struct {
	sets    []data.Dataset
	s       state.State
	layouts view.Layouts
}

// warmer renders likely next charts in the background, one at a time, always for the latest
// state only. Go's wasm runs on one thread and a chart cannot be interrupted, so a click that
// arrives mid-chart waits for it: the warmer starts only once the page has been quiet for
// warmDelay, and sleeps between charts (a sleep returns to the browser's event loop).
type warmer struct{ jobs chan warmJob }

// warmDelay is how long the page must be without a change before warming starts.
const warmDelay = 300 * time.Millisecond

func newWarmer(c *view.Cache) *warmer {
	w := &warmer{jobs: make(chan warmJob, 1)}
	go func() {
		gc := idle.Collector{Every: gcEvery}
		for j := range w.jobs {
			j = idle.Latest(j, w.jobs, warmDelay, time.After)
			drawn := view.Warm(j.sets, j.s, c, j.layouts, func() { time.Sleep(time.Millisecond) })
			if gc.Due(drawn) { // while the reader reads (idle.Collector)
				runtime.GC()
			}
		}
	}()
	return w
}

// gcEvery is how many quiet spells without a chart drawn make a collection worth it.
const gcEvery = 8

// after queues a warm-up for the state just rendered, replacing one not yet started.
func (w *warmer) after(sets []data.Dataset, s state.State, layouts view.Layouts) {
	select {
	case <-w.jobs:
	default:
	}
	w.jobs <- warmJob{sets, s, layouts}
}

//go:build js && wasm

package main

import (
	"runtime"
	"time"

	"briefing/data"
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
		spells := 0 // quiet spells since the last collection
		for j := range w.jobs {
			j = w.quiet(j)
			drawn := view.Warm(j.sets, j.s, c, j.layouts, func() { time.Sleep(time.Millisecond) })
			// Collect garbage now, while the reader reads: a collection the heap's growth
			// starts by itself would land in the middle of handling the next click. But a
			// collection holds the page up too, so only when there is garbage
			// worth it: after drawing charts, or after a few spells without.
			if spells++; drawn > 0 || spells >= gcEvery {
				runtime.GC()
				spells = 0
			}
		}
	}()
	return w
}

// gcEvery is how many quiet spells without a chart drawn make a collection worth it: the
// clicks before each one, finding their charts cached, allocate a few hundred KB.
const gcEvery = 8

// quiet waits until no newer job has come for warmDelay and returns the latest one.
func (w *warmer) quiet(j warmJob) warmJob {
	for {
		select {
		case newer := <-w.jobs:
			j = newer
		case <-time.After(warmDelay):
			return j
		}
	}
}

// after queues a warm-up for the state just rendered, replacing one not yet started.
func (w *warmer) after(sets []data.Dataset, s state.State, layouts view.Layouts) {
	select {
	case <-w.jobs:
	default:
	}
	w.jobs <- warmJob{sets, s, layouts}
}

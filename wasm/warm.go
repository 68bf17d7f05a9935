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

// idle runs once, when the page is first quiet, before warming (practise).
func newWarmer(c *view.Cache, idle func()) *warmer {
	w := &warmer{jobs: make(chan warmJob, 1)}
	go func() {
		idled := false
		for j := range w.jobs {
			j = w.quiet(j)
			if !idled {
				idled = true
				idle()
			}
			view.Warm(j.sets, j.s, c, j.layouts, func() { time.Sleep(time.Millisecond) })
			// Collect garbage now, while the reader reads: a collection the heap's growth
			// starts by itself would land in the middle of handling the next click.
			runtime.GC()
		}
	}()
	return w
}

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

//go:build js && wasm

package main

import (
	"time"

	"briefing/data"
	"briefing/web/state"
	"briefing/web/view"
)

type warmJob struct {
	sets []data.Dataset
	s    state.State
}

// warmer renders likely next charts in the background, one at a time, always for the latest
// state only. Go's wasm runs on one thread, so it sleeps between charts: a sleep returns to
// the browser's event loop, and clicks are handled before the next chart.
type warmer struct{ jobs chan warmJob }

func newWarmer(c *view.Cache) *warmer {
	w := &warmer{jobs: make(chan warmJob, 1)}
	go func() {
		for j := range w.jobs {
			view.Warm(j.sets, j.s, c, func() { time.Sleep(time.Millisecond) })
		}
	}()
	return w
}

// after queues a warm-up for the state just rendered, replacing one not yet started.
func (w *warmer) after(sets []data.Dataset, s state.State) {
	select {
	case <-w.jobs:
	default:
	}
	w.jobs <- warmJob{sets, s}
}

// Package idle decides when the browser build's background work runs: warming the charts a
// reader is likely to ask for next, and collecting garbage. Go's wasm runs on the page's one
// thread and a chart cannot be interrupted, so such work must wait until the page has been
// quiet for a while, and must be for the latest view only. The rules (Latest, Collector,
// Worker, and the render loop's Renders) are plain Go with the clock passed in, so they are
// tested natively; wasm/ only wires them to the page (view.Warm, runtime.GC, time.After).
package idle

import "time"

// After is a clock: it returns a channel that receives once d has passed (time.After).
type After func(d time.Duration) <-chan time.Time

// Latest waits until no newer job has come on jobs for delay and returns the latest one,
// starting from first. A closed channel ends the wait with the latest job so far.
func Latest[T any](first T, jobs <-chan T, delay time.Duration, after After) T {
	j := first
	for {
		select {
		case newer, ok := <-jobs:
			if !ok {
				return j
			}
			j = newer
		case <-after(delay):
			return j
		}
	}
}

// Collector says when a garbage collection is worth its pause. A collection the heap's
// growth starts by itself would land in the middle of handling the next click, so the
// browser build collects while the reader reads: after a quiet spell that drew charts (their
// garbage is large), or after Every spells without (the clicks before them, finding their
// charts cached, allocate a few hundred KB each).
type Collector struct {
	Every  int
	spells int // quiet spells since the last collection
}

// Due records a quiet spell that drew n charts and reports whether to collect now.
func (c *Collector) Due(n int) bool {
	c.spells++
	if n > 0 || c.spells >= c.Every {
		c.spells = 0
		return true
	}
	return false
}

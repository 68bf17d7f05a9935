package idle

import "time"

// Slice says when work that runs in steps on the page's one thread should give the thread
// back to the browser: once the steps since it last did have run for Budget. A browser task
// over 50 ms is a "long task" (input waits for it, and Lighthouse counts it as blocking), and
// a step cannot be interrupted, so the budget is well under that: the check comes only between
// steps. Yielding after every step would also do, but each yield costs a trip through the
// event loop (and, under load, a wait behind other tasks), so steps that together stay short
// run in one task.
type Slice struct {
	Budget time.Duration
	Now    func() time.Time // the clock (time.Now)
	start  time.Time
}

// Begin notes that a task has just started: the thread was given back and is ours again.
func (s *Slice) Begin() { s.start = s.Now() }

// Due reports whether the steps since Begin have used the budget, i.e. the caller should
// yield now (and call Begin when it runs again).
func (s *Slice) Due() bool { return s.Now().Sub(s.start) >= s.Budget }

// Package deadline gives tests time limits that follow go test's -timeout instead of fixed
// durations. On a busy machine everything is slower, so a fixed limit either fails a test
// that was only slow or is so long it means nothing; a limit just inside the test binary's
// own deadline fails only a test that hangs, and fails it with the test's message instead of
// the binary's panic and goroutine dump.
package deadline

import (
	"context"
	"testing"
	"time"
)

// Margin is how long before the test binary's deadline a limit from this package ends: the
// time a failing test needs to report, clean up (close a browser, stop a server) and let
// the tests after it fail by their own message too. It is a twentieth of the time left,
// between 10 seconds and a minute, and never more than half of what is left.
func Margin(left time.Duration) time.Duration {
	m := min(max(left/20, 10*time.Second), time.Minute)
	return min(m, left/2)
}

// Of returns the time a test's waits must end by: a Margin before t.Deadline(). Without a
// deadline (go test -timeout 0) ok is false and waits are unbounded.
func Of(t *testing.T) (end time.Time, ok bool) {
	d, ok := t.Deadline()
	if !ok {
		return time.Time{}, false
	}
	return d.Add(-Margin(time.Until(d))), true
}

// Context returns a context that ends at Of(t), derived from parent.
func Context(t *testing.T, parent context.Context) (context.Context, context.CancelFunc) {
	if end, ok := Of(t); ok {
		return context.WithDeadline(parent, end)
	}
	return context.WithCancel(parent)
}

package idle

import (
	"testing"
	"time"
)

// fakeClock fires a timer only when the test says so.
type fakeClock struct {
	asked chan time.Duration
	fire  chan time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{asked: make(chan time.Duration, 16), fire: make(chan time.Time)}
}

func (c *fakeClock) after(d time.Duration) <-chan time.Time {
	c.asked <- d
	return c.fire
}

func TestLatestWaitsForQuiet(t *testing.T) {
	clock := newFakeClock()
	jobs := make(chan int, 4)
	done := make(chan int)
	go func() { done <- Latest(1, jobs, 300*time.Millisecond, clock.after) }()
	if d := <-clock.asked; d != 300*time.Millisecond {
		t.Fatalf("waited %v, want the delay", d)
	}
	jobs <- 2 // a newer state before the page is quiet: the wait starts again
	<-clock.asked
	jobs <- 3
	<-clock.asked
	clock.fire <- time.Time{}
	if got := <-done; got != 3 {
		t.Errorf("Latest = %d, want the newest job 3", got)
	}
}

func TestLatestEndsWhenJobsClose(t *testing.T) {
	jobs := make(chan int, 1)
	jobs <- 7
	close(jobs)
	never := func(time.Duration) <-chan time.Time { return nil }
	if got := Latest(1, jobs, time.Second, never); got != 7 {
		t.Errorf("Latest = %d, want 7", got)
	}
}

func TestCollectorRule(t *testing.T) {
	c := Collector{Every: 3}
	var got []bool
	for _, drawn := range []int{0, 0, 0, 0, 2, 0, 0, 0} {
		got = append(got, c.Due(drawn))
	}
	want := []bool{false, false, true, false, true, false, false, true}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Due over spells = %v, want %v", got, want)
		}
	}
}
